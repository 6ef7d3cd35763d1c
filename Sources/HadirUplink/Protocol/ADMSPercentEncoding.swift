/// RFC 3986 percent-encoding of query values and path segments, on UTF-8 bytes.
enum ADMSPercentEncoding {
    /// Encodes every byte except unreserved characters (`A-Z a-z 0-9 - . _ ~`) and `keeping`.
    static func encode(_ text: String, keeping: Set<UInt8> = []) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if ADMSBytes.isASCIIAlphanumeric(byte)
                || [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~")].contains(byte)
                || keeping.contains(byte)
            {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
