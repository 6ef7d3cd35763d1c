/// Which configured USB devices are attached, fed by hotplug callbacks and by periodic rescans.
///
/// Pure: it turns reports into arrive/leave events once each. Hotplug may report an arrival twice
/// (ENUMERATE plus the real event), and in containers it reports nothing, so a rescan that finds
/// what hotplug already told us stays quiet, and one that finds a change speaks for hotplug.
public struct USBPresenceTracker: Sendable {
    /// The devices currently believed attached.
    public private(set) var present: Set<USBDeviceLocation> = []

    public init() {}

    /// A hotplug arrival; nil when the device was already known.
    public mutating func arrived(_ location: USBDeviceLocation) -> USBDeviceEvent? {
        present.insert(location).inserted ? .arrived(location) : nil
    }

    /// A hotplug departure; nil when the device was not known.
    public mutating func left(_ location: USBDeviceLocation) -> USBDeviceEvent? {
        present.remove(location) == nil ? nil : .left(location)
    }

    /// A full rescan's findings: departures first (a re-plug gets a new address), then arrivals,
    /// each in a stable order.
    public mutating func rescanned(_ found: Set<USBDeviceLocation>) -> [USBDeviceEvent] {
        let order = { (a: USBDeviceLocation, b: USBDeviceLocation) in (a.bus, a.address) < (b.bus, b.address) }
        let gone = present.subtracting(found).sorted(by: order).map(USBDeviceEvent.left)
        let new = found.subtracting(present).sorted(by: order).map(USBDeviceEvent.arrived)
        present = found
        return gone + new
    }
}
