/// The request methods the ADMS push protocol uses (reference §0): nothing else is needed.
public enum HTTPMethod: String, Sendable, Hashable {
    /// Handshake, command poll, ping.
    case get = "GET"
    /// Uploads, options and command results.
    case post = "POST"
}
