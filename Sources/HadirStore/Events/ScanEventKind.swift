/// What kind of non-punch scan event happened, as written in `scan_events.kind`.
public struct ScanEventKind: StoredTag {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A finger the module's library does not know.
    public static let unknownFinger = ScanEventKind(rawValue: "unknown_finger")
    /// A face the face module's library does not know.
    public static let unknownFace = ScanEventKind(rawValue: "unknown_face")
    /// The module announced a restart of its own and was resynchronised.
    public static let scannerRestarted = ScanEventKind(rawValue: "scanner_restarted")
    /// A repeat of the same person's punch inside the duplicate window.
    public static let duplicate = ScanEventKind(rawValue: "duplicate")
    /// The image was too poor to search.
    public static let unreadable = ScanEventKind(rawValue: "unreadable")
    /// The scanner answered with an error or timed out.
    public static let scannerError = ScanEventKind(rawValue: "scanner_error")
    /// The scanner appeared (boot or re-plug).
    public static let scannerConnected = ScanEventKind(rawValue: "scanner_connected")
    /// The scanner went away.
    public static let scannerDisconnected = ScanEventKind(rawValue: "scanner_disconnected")
    /// The database failed its integrity check and was moved aside (detail: where).
    public static let databaseQuarantined = ScanEventKind(rawValue: "database_quarantined")
}
