/// One attached USB device: its ids and where it sits (bus number and address, as lsusb shows).
public struct USBDeviceLocation: Hashable, Sendable, CustomStringConvertible {
    public var id: USBDeviceID
    public var bus: UInt8
    public var address: UInt8

    public init(id: USBDeviceID, bus: UInt8, address: UInt8) {
        self.id = id
        self.bus = bus
        self.address = address
    }

    /// "2109:7638 on bus 1 address 2".
    public var description: String { "\(id) on bus \(bus) address \(address)" }
}
