import HadirCore

/// A simulated physical finger, known by a positive number.
///
/// The same finger always yields the same template and image bytes, so two presses of
/// finger 17 match each other and never match finger 18. The id is embedded in the bytes
/// (after a magic marker) so a template that travelled through a host and came back with
/// DownChar is still recognised as finger 17's.
public struct VirtualFinger: Hashable, Sendable, CustomStringConvertible {
    /// The largest id: it must fit the 4 bytes embedded in templates and images.
    public static let maximumID = Int(UInt32.max)

    /// Marker at the start of every virtual template: "HVF1".
    static let templateMagic: [UInt8] = [0x48, 0x56, 0x46, 0x31]
    /// Marker at the start of every virtual image: "HVI1".
    static let imageMagic: [UInt8] = [0x48, 0x56, 0x49, 0x31]

    /// The finger's number (1 or more).
    public let id: Int

    /// Creates a finger, or nil when `id` is outside 1...``maximumID``.
    public init?(id: Int) {
        guard id >= 1, id <= Self.maximumID else { return nil }
        self.id = id
    }

    /// "finger 17".
    public var description: String { "finger \(id)" }

    /// The deterministic match score this finger reports when found (50...249).
    public var matchScore: UInt16 { UInt16(50 + id % 200) }

    /// The finger's template, exactly `size` bytes long (size ≥ 8).
    public func template(size: Int) -> [UInt8] {
        var bytes = Self.templateMagic + idBytes
        var generator = SplitMix64(seed: 0x4861_6469_7254_706C ^ UInt64(id))
        generator.fill(&bytes, count: max(0, size - bytes.count))
        return Array(bytes.prefix(size))
    }

    /// Returns the finger whose template is byte-identical to `template`, if any.
    public static func identify(template: [UInt8]) -> VirtualFinger? {
        guard let finger = embeddedFinger(in: template, magic: templateMagic) else { return nil }
        return finger.template(size: template.count) == template ? finger : nil
    }

    /// Returns the finger whose sensor image is byte-identical to `image`, if any.
    public static func identify(image: [UInt8], geometry: SensorImageGeometry) -> VirtualFinger? {
        guard let finger = embeddedFinger(in: image, magic: imageMagic) else { return nil }
        return finger.image(geometry: geometry) == image ? finger : nil
    }

    /// The finger's sensor image: 4-bit grey pixels, two per byte (high nibble first).
    ///
    /// The picture is a whorl of ridges centred at a finger-specific point, good enough to
    /// look like a fingerprint in a viewer; the first 8 bytes carry the marker and the id.
    public func image(geometry: SensorImageGeometry) -> [UInt8] {
        let width = geometry.width
        let height = geometry.height
        let centreX = width / 4 + (id &* 37) % max(1, width / 2)
        let centreY = height / 4 + (id &* 53) % max(1, height / 2)
        let spacing = 24 + id % 16
        var pixels = [UInt8]()
        pixels.reserveCapacity(geometry.byteCount)
        for y in 0..<height {
            var x = 0
            while x + 1 < width {
                let high = Self.ridge(x: x, y: y, centreX: centreX, centreY: centreY, spacing: spacing)
                let low = Self.ridge(x: x + 1, y: y, centreX: centreX, centreY: centreY, spacing: spacing)
                pixels.append(high << 4 | low)
                x += 2
            }
        }
        let header = Self.imageMagic + idBytes
        for (index, byte) in header.enumerated() where index < pixels.count {
            pixels[index] = byte
        }
        return pixels
    }

    private var idBytes: [UInt8] {
        let value = UInt32(truncatingIfNeeded: id)
        return [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func embeddedFinger(in bytes: [UInt8], magic: [UInt8]) -> VirtualFinger? {
        guard bytes.count >= 8, Array(bytes[0..<4]) == magic else { return nil }
        let id = bytes[4..<8].reduce(0) { $0 << 8 | Int($1) }
        return VirtualFinger(id: id)
    }

    /// One 4-bit pixel: dark ridges on concentric rings, lighter towards the edge.
    private static func ridge(x: Int, y: Int, centreX: Int, centreY: Int, spacing: Int) -> UInt8 {
        let dx = x - centreX
        let dy = y - centreY
        let ring = (dx * dx + dy * dy) / spacing
        let onRidge = ring % 8 < 3
        let fade = min(7, (abs(dx) + abs(dy)) / 40)
        return UInt8(onRidge ? 1 + fade / 2 : 12 - fade / 2 + 3 * (ring % 2))
    }
}
