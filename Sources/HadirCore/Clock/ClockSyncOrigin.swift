/// Who vouched for the wall clock when it became trustworthy.
public enum ClockSyncOrigin: String, Sendable, Codable, CaseIterable {
    /// The kernel's NTP discipline (chrony, systemd-timesyncd): adjtimex's STA_UNSYNC is clear.
    case ntp
    /// An uplink server's `Date` header or time command, on a kiosk with `[clock] authority = "server"`.
    case server
    /// A sync-state file (`[clock] sync_state_file`): system tests and containers without NTP.
    case file
}
