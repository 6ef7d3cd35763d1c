import HadirCore

extension UplinkClient {
    /// The punches that the batch's clock-correction rows re-time, by seq, so each correction line
    /// can name the line the server already holds. A row that cannot be read is left out: the
    /// line then names the seq instead.
    func correctedOriginals(of punches: some Collection<Punch>) -> [Int64: Punch] {
        var originals: [Int64: Punch] = [:]
        for seq in Set(punches.compactMap(\.draft.correctsSeq)) {
            if let original = try? database.punch(seq: seq) { originals[seq] = original }
        }
        return originals
    }
}
