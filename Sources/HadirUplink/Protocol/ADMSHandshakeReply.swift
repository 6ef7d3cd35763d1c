/// What a handshake reply body means (reference §1). HTTP status handling stays with the caller:
/// only a 200 body is given to the parser; 401/403/503 mean "back off ErrorDelay and retry".
public enum ADMSHandshakeReply: Hashable, Sendable {
    /// A `GET OPTION FROM:` body (or bare `key=value` lines): the server's options, defaults filled in.
    case options(ADMSServerOptions)
    /// A bare `OK`: the server accepted the device and wants the protocol defaults.
    case useDefaults
    /// A line starting `UNKNOWN DEVICE` or `RETRY`: wait ErrorDelay and handshake again.
    /// `reason` is that line, shortened, for the log.
    case retry(reason: String)

    /// The options to run with: the server's, or the defaults for a bare `OK`; nil for `.retry`.
    public var options: ADMSServerOptions? {
        switch self {
        case .options(let options): options
        case .useDefaults: ADMSServerOptions()
        case .retry: nil
        }
    }
}

/// Why a handshake body could not be read; the session treats each as a failed handshake.
public enum ADMSHandshakeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The body held no non-blank line.
    case emptyBody
    /// The body is larger than ``ADMSHandshakeParser/maximumBodyBytes``.
    case bodyTooLarge(byteCount: Int)
    /// No option header, option key, `OK` or retry line: probably an error or login page.
    case unrecognisedBody(excerpt: String)

    /// A readable English explanation, for the log.
    public var description: String {
        switch self {
        case .emptyBody: "ADMS handshake reply is empty"
        case .bodyTooLarge(let count): "ADMS handshake reply is \(count) bytes; at most \(ADMSHandshakeParser.maximumBodyBytes) are read"
        case .unrecognisedBody(let excerpt): "ADMS handshake reply is not an option list: \"\(excerpt)\""
        }
    }
}
