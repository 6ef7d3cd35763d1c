/// A byte pipe to a scanner module (a tty behind a USB-UART bridge, a pty from the simulator, …).
///
/// Calls block the calling thread, bounded by `timeout`; the driver runs them on its own thread.
public protocol ScannerTransport: AnyObject, Sendable {
    /// Human-readable identity for logs, e.g. "tty /dev/hadir-scanner @ 57600".
    var description: String { get }
    /// Opens (or reopens) the underlying device.
    func open() throws(ScannerTransportError)
    /// Closes the device; further I/O throws `.notOpen`. Safe to call when already closed.
    func close()
    /// Writes all of `bytes`.
    func write(_ bytes: [UInt8]) throws(ScannerTransportError)
    /// Reads up to `maxCount` bytes, waiting at most `timeout` for the first; `[]` on timeout.
    func read(maxCount: Int, timeout: Duration) throws(ScannerTransportError) -> [UInt8]
}

/// Why a transport operation failed.
public enum ScannerTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The device could not be opened or configured.
    case openFailed(path: String, reason: String)
    /// I/O was attempted before `open()` or after `close()`.
    case notOpen
    /// The device went away (unplugged, hung up, the simulator's pty master closed): reconnect.
    case disconnected
    /// Any other I/O failure.
    case io(String)
    /// The baud rate is not one the module and the tty layer both support.
    case unsupportedBaud(Int)

    /// A readable English explanation, for logs and the technician.
    public var description: String {
        switch self {
        case .openFailed(let path, let reason): return "cannot open \(path): \(reason)"
        case .notOpen: return "scanner transport is not open"
        case .disconnected: return "scanner disconnected"
        case .io(let message): return "scanner I/O error: \(message)"
        case .unsupportedBaud(let baud):
            let supported = TTYTransport.supportedBaudRates.map(String.init).joined(separator: ", ")
            return "unsupported baud rate \(baud) (supported: \(supported))"
        }
    }
}
