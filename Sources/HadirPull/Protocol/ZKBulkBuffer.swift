/// A bulk-read buffer (spec §5): uint32 byte length of the records, then the records.
public enum ZKBulkBuffer {
    /// The length prefix size.
    public static let prefixLength = 4

    /// The buffer holding `records`.
    public static func make(records: [UInt8]) -> [UInt8] {
        make(recordBytes: records.count) { $0.append(contentsOf: records) }
    }

    /// Builds the buffer in one allocation, the records appended by `body` (100k-record snapshots
    /// must take well under 200 ms).
    ///
    /// `recordBytes` sizes the allocation; the prefix is then set from what `body` actually
    /// appended, so a wrong estimate costs a reallocation, never a length pyzk would choke on.
    public static func make(recordBytes: Int, _ body: (inout [UInt8]) -> Void) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(prefixLength + max(0, recordBytes))
        ZKLittleEndian.append(UInt32(0), to: &buffer)
        body(&buffer)
        ZKLittleEndian.store(UInt32(truncatingIfNeeded: buffer.count - prefixLength), in: &buffer, at: 0)
        return buffer
    }
}
