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
