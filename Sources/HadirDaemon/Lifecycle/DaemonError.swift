import HadirCore

/// Failures the daemon reports to control clients.
public enum DaemonError: Error, CustomStringConvertible, Sendable {
    case scannerNotConnected(String?)
    case unknownEmployee(String)
    /// No configured scanner reads this modality (e.g. a face enrollment on a fingerprint-only kiosk).
    case noScanner(BiometricModality)

    public var description: String {
        switch self {
        case .scannerNotConnected(let detail): "scanner is not connected" + (detail.map { " (\($0))" } ?? "")
        case .unknownEmployee(let pin): "no employee with PIN \(pin); add the user first"
        case .noScanner(let modality): "no \(modality.rawValue) scanner is configured on this kiosk"
        }
    }
}
