/// A USB vendor:product pair, written "2109:7638" (hex) in config and logs.
public struct USBDeviceID: Hashable, Sendable, CustomStringConvertible {
    public var vendor: UInt16
    public var product: UInt16

    public init(vendor: UInt16, product: UInt16) {
        self.vendor = vendor
        self.product = product
    }

    /// The native-USB EF01 modules SynoChip's SDK talks to (reference §1).
    public static let nativeEF01Defaults = [
        USBDeviceID(vendor: 0x2109, product: 0x7638), USBDeviceID(vendor: 0x0453, product: 0x9005),
    ]

    /// Parses "vvvv:pppp": exactly four hex digits on each side of one colon; nil otherwise.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isHexDigit) }),
            let vendor = UInt16(parts[0], radix: 16), let product = UInt16(parts[1], radix: 16)
        else { return nil }
        self.init(vendor: vendor, product: product)
    }

    /// "vvvv:pppp" in lower-case hex, as lsusb prints it.
    public var description: String { Self.hex(vendor) + ":" + Self.hex(product) }

    private static func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
