/// The request methods Hadir sends: GET and POST for ADMS (reference §0), DELETE for the control API.
public enum HTTPMethod: String, Sendable, Hashable {
    /// Handshake, command poll, ping; control API reads.
    case get = "GET"
    /// Uploads, options and command results; control API actions.
    case post = "POST"
    /// Control API removals (users, fingers).
    case delete = "DELETE"
}
