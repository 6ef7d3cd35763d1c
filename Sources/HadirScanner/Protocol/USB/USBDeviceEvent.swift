/// A configured scanner appeared on or left the USB bus.
public enum USBDeviceEvent: Hashable, Sendable, CustomStringConvertible {
    case arrived(USBDeviceLocation)
    case left(USBDeviceLocation)

    public var description: String {
        switch self {
        case .arrived(let location): "USB scanner arrived: \(location)"
        case .left(let location): "USB scanner left: \(location)"
        }
    }
}
