/// One command the emulator handled, summarised for `--log-commands` and status.
public struct EF01Exchange: Hashable, Sendable, CustomStringConvertible {
    /// What the host sent, e.g. "Search(buf 1, 0+200)" or "frame with bad checksum".
    public let request: String
    /// What the module did, e.g. "0x09 notFound" or "no reply (timeout fault)".
    public let outcome: String

    /// Creates a summary.
    public init(request: String, outcome: String) {
        self.request = request
        self.outcome = outcome
    }

    /// "request -> outcome".
    public var description: String { "\(request) -> \(outcome)" }
}
