/// Splits a byte stream into text lines (LF or CRLF), bounding line length so a client that
/// never sends a newline cannot grow memory without limit.
public struct LineAssembler: Sendable {
    /// One extracted item: a complete line, or notice that a line was too long and dropped.
    public enum Item: Hashable, Sendable {
        /// A complete line without its terminator.
        case line(String)
        /// A line longer than the limit was discarded.
        case overlong
    }

    /// Longest accepted line, in bytes.
    public let maximumLength: Int
    private var pending: [UInt8] = []
    private var discarding = false

    /// Creates an assembler accepting lines up to `maximumLength` bytes.
    public init(maximumLength: Int = 4096) {
        self.maximumLength = maximumLength
    }

    /// Adds bytes and returns every line they complete.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Item] {
        var items: [Item] = []
        for byte in bytes {
            if byte == 0x0A {
                if discarding {
                    discarding = false
                } else {
                    if pending.last == 0x0D { pending.removeLast() }
                    items.append(.line(String(decoding: pending, as: UTF8.self)))
                }
                pending.removeAll(keepingCapacity: true)
            } else if !discarding {
                pending.append(byte)
                if pending.count > maximumLength {
                    pending.removeAll(keepingCapacity: true)
                    discarding = true
                    items.append(.overlong)
                }
            }
        }
        return items
    }

    /// The unterminated tail left at end of input, as a final line if non-empty.
    public mutating func finish() -> [Item] {
        defer {
            pending.removeAll()
            discarding = false
        }
        return pending.isEmpty || discarding ? [] : [.line(String(decoding: pending, as: UTF8.self))]
    }
}
