/// The one-line `STATUS=` systemd shows in `systemctl status`: scanner state and uplink backlog.
/// Pure, so the wording is tested without a daemon.
public struct DaemonStatusLine: Sendable, Hashable {
    /// The uplink backlog of the worst server: what has not yet reached every server.
    public struct Backlog: Sendable, Hashable {
        public var unsent: Int
        /// Age of the oldest unsent punch; nil when nothing is waiting.
        public var oldestAgeSeconds: Int64?

        public init(unsent: Int, oldestAgeSeconds: Int64?) {
            self.unsent = unsent
            self.oldestAgeSeconds = oldestAgeSeconds
        }
    }

    public var scannerConnected: Bool
    public var scannerPath: String
    /// nil when no uplink server is configured.
    public var backlog: Backlog?

    public init(scannerConnected: Bool, scannerPath: String, backlog: Backlog?) {
        self.scannerConnected = scannerConnected
        self.scannerPath = scannerPath
        self.backlog = backlog
    }

    /// `scanner connected (/dev/hadir/scanner0); backlog 37 (oldest 2h)`
    public var text: String {
        let scanner = scannerConnected ? "scanner connected (\(scannerPath))" : "scanner disconnected (\(scannerPath)), retrying"
        guard let backlog else { return scanner + "; no uplink configured" }
        var text = scanner + "; backlog \(backlog.unsent)"
        if backlog.unsent > 0, let age = backlog.oldestAgeSeconds {
            text += " (oldest \(Self.age(age)))"
        }
        return text
    }

    /// Coarse on purpose: the line changes (and is re-sent) only when the unit changes.
    static func age(_ seconds: Int64) -> String {
        let seconds = max(0, seconds)
        switch seconds {
        case ..<120: return "\(seconds)s"
        case ..<7_200: return "\(seconds / 60)m"
        case ..<172_800: return "\(seconds / 3_600)h"
        default: return "\(seconds / 86_400)d"
        }
    }
}
