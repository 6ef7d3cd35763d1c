/// How far the wall clock could be trusted when a punch was taken.
///
/// Boards without an RTC battery boot with a wrong date; punches taken before sync are flagged
/// `unsynced` and later corrected by new rows, never by rewriting.
public enum ClockQuality: String, Sendable, Codable, CaseIterable {
    case synced
    case unsynced
    case corrected
}
