/// The size of the next upload batch: halves when the server refuses a batch, doubles back on success.
///
/// A batch the server chokes on (413, or 200 without `OK`) is cut in two until the offending record
/// is alone; successes grow it back so a healthy server is drained in few requests.
struct UplinkBatchSizer: Hashable, Sendable {
    let maximum: Int
    private(set) var size: Int

    /// Starts at the maximum: a healthy server should be drained in as few requests as possible.
    init(maximum: Int) {
        self.maximum = max(1, maximum)
        self.size = self.maximum
    }

    /// Halves relative to the batch actually sent (which can be smaller than `size` when little was
    /// pending), so every refusal really shrinks the next try. False when already at one record.
    mutating func shrink(refusedBatchOf records: Int) -> Bool {
        guard records > 1 else { return false }
        size = max(1, min(size, records / 2))
        return true
    }

    /// Doubles up to the maximum.
    mutating func grow() {
        size = size > maximum / 2 ? maximum : size * 2
    }
}
