/// `POST /admin/login` body.
struct AdminLoginBody: Codable, Sendable {
    var pin: String
}

/// `GET /admin/session` and a successful login: what the page needs to know about itself.
struct AdminSessionPayload: Codable, Sendable, Hashable {
    /// False when `[admin] pin_hash` is empty.
    var enabled: Bool
    var loggedIn: Bool
    var sessionTimeoutSeconds: Int
    /// Kiosk language from `[device] language`, the page's default.
    var language: String

    enum CodingKeys: String, CodingKey {
        case enabled, language
        case loggedIn = "logged_in"
        case sessionTimeoutSeconds = "session_timeout_s"
    }
}

/// A refused login: the usual error body plus what the page shows next to it.
struct AdminLoginRefusal: Codable, Sendable, Hashable {
    var error: String
    var status: Int
    var remainingAttempts: Int?
    var retryAfterSeconds: Int?

    enum CodingKeys: String, CodingKey {
        case error, status
        case remainingAttempts = "remaining_attempts"
        case retryAfterSeconds = "retry_after_s"
    }
}
