#if canImport(Glibc)
    import Glibc
#endif

/// A failed system call in the simulator's I/O shell.
public enum SimulatorIOError: Error, CustomStringConvertible, Sendable {
    /// `call` failed with `errno`.
    case failed(call: String, errno: Int32)
    /// A path or argument the OS cannot use.
    case invalid(String)

    /// Captures the current `errno` for `call`.
    static func system(_ call: String) -> SimulatorIOError {
        .failed(call: call, errno: errno)
    }

    /// "call: strerror".
    public var description: String {
        switch self {
        case .failed(let call, let code): return "\(call): \(String(cString: strerror(code)))"
        case .invalid(let reason): return reason
        }
    }
}
