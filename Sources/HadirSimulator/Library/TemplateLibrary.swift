/// The module's flash library: templates by slot number.
///
/// It knows nothing of capacity (that is configuration, checked by the emulator), so a
/// library saved by a 1000-slot module can be loaded by a 200-slot one: slots beyond the
/// capacity are kept but never searched, counted or listed by the module.
public struct TemplateLibrary: Hashable, Sendable {
    /// Stored templates by slot.
    public private(set) var slots: [Int: [UInt8]]
    /// Grows by one on every change; the server persists when it moves.
    public private(set) var revision: UInt64 = 0

    /// Creates a library holding `slots`.
    public init(slots: [Int: [UInt8]] = [:]) {
        self.slots = slots
    }

    /// The template in `slot`, if any.
    public subscript(slot: Int) -> [UInt8]? { slots[slot] }

    /// Writes `template` into `slot`, replacing what was there.
    public mutating func store(_ template: [UInt8], at slot: Int) {
        slots[slot] = template
        revision &+= 1
    }

    /// Deletes the slots in `range` (empty slots are fine).
    public mutating func delete(_ range: Range<Int>) {
        for slot in slots.keys where range.contains(slot) {
            slots[slot] = nil
        }
        revision &+= 1
    }

    /// Deletes every template.
    public mutating func removeAll() {
        slots.removeAll()
        revision &+= 1
    }

    /// Occupied slots below `capacity`, ascending.
    public func occupiedSlots(below capacity: Int) -> [Int] {
        slots.keys.filter { $0 < capacity }.sorted()
    }

    /// Number of templates below `capacity` (what TemplateNum reports).
    public func count(below capacity: Int) -> Int {
        slots.keys.reduce(0) { $0 + ($1 < capacity ? 1 : 0) }
    }
}
