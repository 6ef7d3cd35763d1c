/// Why a scanner operation failed.
public enum ScannerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The module answered with a failure code.
    case module(EF01ModuleError)
    /// The byte pipe failed; `.transport(.disconnected)` means reconnect (the driver has closed it).
    case transport(ScannerTransportError)
    /// No (complete) reply in time: wrong address, wrong baud, module powered off, or no finger/lift.
    case timeout(operation: String)
    /// The module replied with something the protocol does not allow here.
    case protocolViolation(String)
    /// `connect()` has not succeeded (or the connection was lost).
    case notConnected
    /// A reply was corrupt; input is resynchronised before the next command.
    case frame(EF01FrameError)
    /// The calling task was cancelled while waiting.
    case cancelled
    /// A face module answered with a failure result.
    case faceModule(EFAAResult)
    /// A face module frame was corrupt; input is resynchronised before the next command.
    case faceFrame(EFAAFrameError)
    /// The module announced it had restarted (an unexpected READY) while a command was running;
    /// the command's effect is unknown and the driver has resynchronised.
    case moduleRestarted

    /// A readable English explanation, for logs and the technician.
    public var description: String {
        switch self {
        case .module(let error): "scanner module error: \(error)"
        case .transport(let error): error.description
        case .timeout(let operation): "scanner timed out: \(operation)"
        case .protocolViolation(let message): "scanner protocol violation: \(message)"
        case .notConnected: "scanner not connected"
        case .frame(let error): "corrupt scanner reply: \(error)"
        case .cancelled: "scanner operation cancelled"
        case .faceModule(let result): "face module error: \(result)"
        case .faceFrame(let error): "corrupt face module reply: \(error)"
        case .moduleRestarted: "scanner module restarted during the operation"
        }
    }
}
