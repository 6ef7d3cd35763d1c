/// One upload of journal records to a server: the punches with `afterSeq < seq <= throughSeq`.
///
/// Journal seqs are dense (the store's trigger enforces `seq = max + 1`), so the range fixes the
/// exact records; records appended after the decision wait for the next batch.
public struct UplinkBatch: Hashable, Sendable {
    /// The exclusive cursor: the batch starts at the first seq after it.
    public var afterSeq: Int64
    /// The last seq in the batch, inclusive.
    public var throughSeq: Int64
    /// Number of records (`throughSeq - afterSeq`): read `seq > afterSeq` in order, at most this many.
    public var limit: Int
    /// The `Stamp=` to send: the last seq of the batch, or nil when it no longer fits the protocol's
    /// int32 (then omit the parameter rather than send a wrapped number).
    public var stamp: Int64?

    /// A batch covering `(afterSeq, throughSeq]`; `stamp` is derived from `throughSeq`.
    public init(afterSeq: Int64, throughSeq: Int64) {
        self.afterSeq = afterSeq
        self.throughSeq = throughSeq
        self.limit = Int(throughSeq - afterSeq)
        self.stamp = throughSeq <= Int64(Int32.max) ? throughSeq : nil
    }
}
