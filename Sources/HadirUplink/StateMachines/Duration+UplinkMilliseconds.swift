extension Duration {
    /// Whole milliseconds, saturating and never negative: the session's arithmetic is in `Int64` ms.
    var uplinkMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        let (wholeSeconds, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return seconds > 0 ? .max : 0 }
        return max(0, wholeSeconds.uplinkAdding(attoseconds / 1_000_000_000_000_000))
    }
}

extension Int64 {
    /// `self + span`, saturating instead of trapping: a deadline absurdly far away stays far away.
    func uplinkAdding(_ span: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(span)
        return overflow ? (span > 0 ? .max : .min) : sum
    }
}
