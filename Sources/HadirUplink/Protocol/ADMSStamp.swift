/// A table stamp as a server returns it at handshake (`ATTLOGStamp=…`), reference §1.1.
///
/// Hadir sends as Stamp the journal seq of the last punch in each batch, so a number can be
/// compared with the acked cursor; everything else is informational.
public enum ADMSStamp: Hashable, Sendable {
    /// The key was not in the reply.
    case absent
    /// `None` (or empty).
    case none
    /// A number: `0` asks for a full replay; our own seqs can mean "rewind".
    case number(Int64)
    /// Anything else (`9999`-style constants parse as numbers; words land here).
    case other(String)
}

extension ADMSStamp {
    /// Reads a stamp value: empty or `None` (any case) is `.none`, a decimal integer that fits Int64
    /// is `.number`, anything else is `.other` (cut to 64 bytes, since it is only ever logged).
    public init(parsing value: String) {
        let bytes = ADMSBytes.trimmed(Array(value.utf8)[...])
        if bytes.isEmpty || ADMSBytes.upper(bytes) == "NONE" {
            self = .none
        } else if let number = Int64(ADMSBytes.string(bytes)) {
            self = .number(number)
        } else {
            self = .other(ADMSBytes.string(bytes.prefix(64)))
        }
    }
}
