/// Failures the daemon reports to control clients.
public enum DaemonError: Error, CustomStringConvertible, Sendable {
    case scannerNotConnected(String?)
    case unknownEmployee(String)

    public var description: String {
        switch self {
        case .scannerNotConnected(let detail): "scanner is not connected" + (detail.map { " (\($0))" } ?? "")
        case .unknownEmployee(let pin): "no employee with PIN \(pin); add the user first"
        }
    }
}
