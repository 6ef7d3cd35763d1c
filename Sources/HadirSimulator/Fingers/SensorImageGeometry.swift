/// The size of the sensor's image, which fixes the UpImage/DownImage byte count.
///
/// Images travel over the UART as 4-bit grey pixels packed two per byte, so a 256×288
/// ZFM sensor sends 36,864 bytes and an R503 (192×192) sends 18,432.
public struct SensorImageGeometry: Hashable, Sendable {
    /// Pixels per row (even).
    public let width: Int
    /// Rows.
    public let height: Int

    /// ZhianTec ZFM / AS608 sensors: 256×288.
    public static let zfm = SensorImageGeometry(uncheckedWidth: 256, height: 288)
    /// Grow R503: 192×192.
    public static let r503 = SensorImageGeometry(uncheckedWidth: 192, height: 192)

    /// Creates a geometry, or nil unless both sides are positive and the width is even.
    public init?(width: Int, height: Int) {
        guard width > 0, height > 0, width % 2 == 0, width <= 4096, height <= 4096 else { return nil }
        self.width = width
        self.height = height
    }

    private init(uncheckedWidth width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Bytes of one packed image.
    public var byteCount: Int { width * height / 2 }
}
