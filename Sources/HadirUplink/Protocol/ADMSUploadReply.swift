/// How the server answered an upload (`cdata` ATTLOG/OPERLOG, `table=options`, `devicecmd`), reference §2.
///
/// Success is a 2xx status AND a body line that reads `OK` (optionally `OK: n`). The count is kept for
/// the log only: it is NOT a partial acknowledgement, and the whole batch is acked or none of it.
/// "Contains OK" is read as "a line starting with the word OK", so `TOKEN EXPIRED` or `NOT OK` never
/// count as success: a false success loses punches, a false failure only costs a duplicate upload.
public struct ADMSUploadReply: Hashable, Sendable {
    /// Only this much of the body is inspected; an OK reply is a few bytes.
    public static let inspectedBodyBytes = 4096

    /// What the reply means for the uploader.
    public enum Outcome: Hashable, Sendable {
        /// 2xx with an OK line: advance the cursor past the whole batch.
        case accepted
        /// 2xx with a `FAIL`/`ERROR` line: often an all-duplicate batch; keep the batch and retry.
        case failBody
        /// 2xx with any other body (HTML, empty, unknown words): keep the batch and retry.
        case unexpectedBody
        /// 413: the batch is too large; shrink it.
        case payloadTooLarge
        /// 5xx: transient server failure.
        case serverError
        /// Any other status (401, 403 awaiting approval, 404 wrong URL, …).
        case rejectedStatus
    }

    public var statusCode: Int
    public var outcome: Outcome
    /// The `n` of `OK: n`, when present. Informational: never a partial ack.
    public var reportedCount: Int?
    /// The start of the body, single-line, for the log.
    public var bodyExcerpt: String

    /// Reads a reply from its status code and body bytes.
    public init(statusCode: Int, body: some Collection<UInt8>) {
        let bytes = ADMSBytes.droppingByteOrderMark(Array(body.prefix(Self.inspectedBodyBytes))[...])
        let lines = ADMSBytes.lines(bytes).map(ADMSBytes.trimmed).filter { !$0.isEmpty }
        self.statusCode = statusCode
        bodyExcerpt = ADMSBytes.excerpt(ADMSBytes.trimmed(bytes), limit: 120)
        reportedCount = nil
        let okCount = lines.lazy.compactMap(Self.okLine).first
        switch statusCode {
        case 200...299:
            if let okCount {
                outcome = .accepted
                reportedCount = okCount
            } else if lines.contains(where: { Self.startsWithWord($0, "FAIL") || Self.startsWithWord($0, "ERROR") }) {
                outcome = .failBody
            } else {
                outcome = .unexpectedBody
            }
        case 413: outcome = .payloadTooLarge
        case 500...599: outcome = .serverError
        default: outcome = .rejectedStatus
        }
    }

    /// Reads a reply from its status code and body text.
    public init(statusCode: Int, body: String) {
        self.init(statusCode: statusCode, body: Array(body.utf8))
    }

    /// True only for ``Outcome/accepted``.
    public var isAccepted: Bool { outcome == .accepted }

    /// For a line whose first word is `OK` (any case): `.some(count)` where count is the number after
    /// `OK`, `:` and blanks, if any. Nil for other lines.
    static func okLine(_ line: ArraySlice<UInt8>) -> Int?? {
        guard startsWithWord(line, "OK") else { return nil }
        var rest = ADMSBytes.trimmed(line.dropFirst(2))
        if rest.first == ADMSBytes.colon { rest = ADMSBytes.trimmed(rest.dropFirst()) }
        let digits = rest.prefix(while: { (0x30...0x39).contains($0) }).prefix(9)
        return .some(digits.isEmpty ? nil : ADMSBytes.integer(digits))
    }

    /// True when `line` starts with `word` (any case) followed by the end, a blank, `:` or a digit.
    static func startsWithWord(_ line: ArraySlice<UInt8>, _ word: String) -> Bool {
        guard ADMSBytes.hasPrefix(line, caseInsensitive: word) else { return false }
        guard let next = line.dropFirst(word.utf8.count).first else { return true }
        return ADMSBytes.isBlank(next) || next == ADMSBytes.colon || (0x30...0x39).contains(next)
    }
}
