/// The junk sent by the `garbage` fault before a reply.
///
/// It deliberately contains a lone 0xEF and a 0x55 (the R503 boot byte) but never the
/// `EF 01` start code, so a resynchronising decoder recovers on the real reply that follows.
public enum GarbageBytes {
    /// The junk bytes.
    public static let bytes: [UInt8] = [0x00, 0xFF, 0x55, 0xEF, 0x13, 0x37, 0xA5, 0x7E, 0x00]
}
