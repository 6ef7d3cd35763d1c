import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A serial tty (USB-UART bridge, or the simulator's pty) opened raw with termios.
///
/// Opened non-blocking; every wait is a poll(2) bounded by the caller's timeout, so no call can
/// hang. One mutex serialises open/close/read/write, which keeps a concurrent `close()` from
/// pulling the descriptor out from under a read (it waits for that read's timeout instead).
public final class TTYTransport: ScannerTransport {
    /// EF01 rates (9600 × N, N in 1…12) that have a termios constant; the others need BOTHER.
    public static let supportedBaudRates = [9600, 19200, 38400, 57600, 115200]

    /// The device path; symlinks (udev, the simulator) are followed.
    public let path: String
    /// The line speed.
    public let baud: Int
    /// Longest wait for the kernel to accept written bytes.
    public let writeTimeout: Duration

    private struct State {
        var fd: Int32?
    }

    private let state = Mutex(State())

    /// Describes a tty at `path`; nothing is opened until `open()`.
    public init(path: String, baud: Int = 57600, writeTimeout: Duration = .seconds(1)) {
        self.path = path
        self.baud = baud
        self.writeTimeout = writeTimeout
    }

    deinit {
        close()
    }

    /// "tty <path> @ <baud>".
    public var description: String { "tty \(path) @ \(baud)" }

    /// Whether the device is currently open.
    public var isOpen: Bool { state.withLock { $0.fd != nil } }

    /// Opens the tty raw (8N1, no flow control, VMIN = VTIME = 0) and flushes stale bytes.
    ///
    /// Reopening closes the previous descriptor first.
    public func open() throws(ScannerTransportError) {
        guard let speed = Self.speed(forBaud: baud) else { throw .unsupportedBaud(baud) }
        let path = self.path
        try state.withLock { (state: inout State) throws(ScannerTransportError) in
            if let old = state.fd {
                _ = Glibc.close(old)
                state.fd = nil
            }
            let fd = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { throw .openFailed(path: path, reason: Self.errnoDescription()) }
            do throws(ScannerTransportError) {
                try Self.configureRaw(fd: fd, speed: speed, path: path)
            } catch {
                _ = Glibc.close(fd)
                throw error
            }
            state.fd = fd
        }
    }

    /// Closes the tty; safe to call repeatedly.
    public func close() {
        state.withLock { state in
            if let fd = state.fd {
                _ = Glibc.close(fd)
            }
            state.fd = nil
        }
    }

    /// Writes every byte, waiting (bounded by `writeTimeout`) while the kernel buffer is full.
    public func write(_ bytes: [UInt8]) throws(ScannerTransportError) {
        let writeTimeout = self.writeTimeout
        try state.withLock { (state: inout State) throws(ScannerTransportError) in
            guard let fd = state.fd else { throw .notOpen }
            let deadline = ContinuousClock.now + writeTimeout
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if written > 0 {
                    offset += written
                    continue
                }
                let code = errno
                if written < 0, code == EINTR { continue }
                if written == 0 || code == EAGAIN || code == EWOULDBLOCK {
                    try Self.waitWritable(fd: fd, deadline: deadline)
                    continue
                }
                if Self.isHangUp(code) { throw .disconnected }
                throw .io("write: \(Self.errnoDescription(code))")
            }
        }
    }

    /// Reads what is available (up to `maxCount`), waiting at most `timeout` for the first byte.
    public func read(maxCount: Int, timeout: Duration) throws(ScannerTransportError) -> [UInt8] {
        try state.withLock { (state: inout State) throws(ScannerTransportError) -> [UInt8] in
            guard let fd = state.fd else { throw .notOpen }
            guard maxCount > 0 else { return [] }
            let deadline = ContinuousClock.now + max(timeout, .zero)
            while true {
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, (deadline - ContinuousClock.now).pollMilliseconds)
                if ready < 0 {
                    if errno == EINTR { continue }
                    throw .io("poll: \(Self.errnoDescription())")
                }
                if ready == 0 {
                    if ContinuousClock.now >= deadline { return [] }
                    continue
                }
                let events = Int32(descriptor.revents)
                if events & Int32(POLLNVAL) != 0 { throw .io("poll: descriptor is not valid") }
                var buffer = [UInt8](repeating: 0, count: min(maxCount, 4096))
                let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if count > 0 { return Array(buffer.prefix(count)) }
                // poll said readable (or hung up) yet there is nothing: with VMIN = 0 a tty
                // returns 0 only when hung up (a pty whose master closed, an unplugged bridge).
                if count == 0 { throw .disconnected }
                let code = errno
                if Self.isHangUp(code) { throw .disconnected }
                if code == EINTR || code == EAGAIN || code == EWOULDBLOCK {
                    if events & Int32(POLLHUP | POLLERR) != 0 { throw .disconnected }
                    continue
                }
                throw .io("read: \(Self.errnoDescription(code))")
            }
        }
    }

    // MARK: - Helpers

    /// Errors a tty reports when its device has gone away.
    private static func isHangUp(_ code: Int32) -> Bool {
        code == EIO || code == ENXIO || code == ENODEV || code == EPIPE || code == EBADF
    }

    private static func waitWritable(fd: Int32, deadline: ContinuousClock.Instant) throws(ScannerTransportError) {
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw .io("write timed out") }
            var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&descriptor, 1, remaining.pollMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .io("poll: \(errnoDescription())")
            }
            guard ready > 0 else { continue }
            let events = Int32(descriptor.revents)
            if events & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 { throw .disconnected }
            if events & Int32(POLLOUT) != 0 { return }
        }
    }

    static func errnoDescription(_ code: Int32 = errno) -> String {
        String(cString: strerror(code)) + " (errno \(code))"
    }
}
