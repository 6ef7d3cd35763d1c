/// Failures the daemon reports to control clients and at start-up.
public enum DaemonError: Error, CustomStringConvertible, Sendable {
    case scannerNotConnected(String?)
    case unknownEmployee(String)
    case store(String)
    case startup(String)

    public var description: String {
        switch self {
        case .scannerNotConnected(let detail): "scanner is not connected" + (detail.map { " (\($0))" } ?? "")
        case .unknownEmployee(let pin): "no employee with PIN \(pin); add the user first"
        case .store(let detail): "database: \(detail)"
        case .startup(let detail): detail
        }
    }
}
