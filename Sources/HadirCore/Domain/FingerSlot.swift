/// The one enrolled finger of an employee: a template slot in the scanner module's library.
public struct FingerSlot: Hashable, Sendable, Codable {
    public var pin: EmployeePIN
    /// Slot number in the module's on-board library (0 ..< capacity).
    public var slot: UInt16

    public init(pin: EmployeePIN, slot: UInt16) {
        self.pin = pin
        self.slot = slot
    }
}
