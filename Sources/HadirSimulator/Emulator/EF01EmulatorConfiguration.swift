import HadirScanner

/// The factory settings of a simulated EF01 module: what it is at power-on.
///
/// Defaults describe a ZFM-style module (1000 slots, 512-byte templates, 128-byte data
/// packets, two CharBuffers, 256×288 sensor). `r503` gives the Grow R503's shape.
public struct EF01EmulatorConfiguration: Hashable, Sendable {
    /// Module address at power-on (factory 0xFFFFFFFF).
    public var address: UInt32 = EF01Packet.defaultAddress
    /// Module password; 0 means no VfyPwd is needed.
    public var password: UInt32 = 0
    /// Library slots (1...65535); ReadSysPara reports it.
    public var capacity: Int = 1000
    /// Data packet payload size: 32, 64, 128 or 256.
    public var packetSize: Int = 128
    /// Bytes per template (8...8192).
    public var templateSize: Int = 512
    /// Number of CharBuffers: 2 (classic) or 6 (R503).
    public var bufferCount: Int = 2
    /// The sensor image size for UpImage/DownImage.
    public var imageGeometry: SensorImageGeometry = .zfm
    /// Security level at power-on (1...5).
    public var securityLevel: UInt8 = 3
    /// Baud multiplier at power-on (1...12, × 9600).
    public var baudMultiplier: UInt8 = 6
    /// Whether to send the R503's bare 0x55 at power-on and after SoftRst (off by default:
    /// it trips clients that read a fixed header, which is exactly what it is for).
    public var sendsStartupByte = false
    /// Whether the module has the R503's ring LED; without it AuraLedConfig answers 0xFC
    /// (unsupported), as a ZFM would.
    public var hasAuraLed = true
    /// How many captures AutoEnroll takes.
    public var autoEnrollCaptures = 2

    /// The factory defaults.
    public init() {}

    /// A Grow R503: 200 slots, 1536-byte templates, six buffers, 192×192 sensor.
    public static var r503: EF01EmulatorConfiguration {
        var configuration = EF01EmulatorConfiguration()
        configuration.capacity = 200
        configuration.templateSize = 1536
        configuration.bufferCount = 6
        configuration.imageGeometry = .r503
        return configuration
    }

    /// Packet size code (0...3) for `packetSize`, or nil if it is not one of the four sizes.
    public static func packetSizeCode(for size: Int) -> UInt8? {
        EF01Packet.dataPacketSizes.firstIndex(of: size).map { UInt8($0) }
    }

    /// The first problem with these settings, or nil when they are usable.
    public func validationError() -> String? {
        if !(1...65_535).contains(capacity) { return "capacity must be 1...65535, got \(capacity)" }
        if Self.packetSizeCode(for: packetSize) == nil {
            return "packet size must be 32, 64, 128 or 256, got \(packetSize)"
        }
        if !(8...8192).contains(templateSize) { return "template size must be 8...8192, got \(templateSize)" }
        if bufferCount != 2 && bufferCount != 6 { return "buffers must be 2 or 6, got \(bufferCount)" }
        if !(1...5).contains(securityLevel) { return "security level must be 1...5, got \(securityLevel)" }
        if !(1...12).contains(baudMultiplier) { return "baud multiplier must be 1...12, got \(baudMultiplier)" }
        if !(1...6).contains(autoEnrollCaptures) {
            return "AutoEnroll captures must be 1...6, got \(autoEnrollCaptures)"
        }
        return nil
    }
}
