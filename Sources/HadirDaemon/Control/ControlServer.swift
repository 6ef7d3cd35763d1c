import Foundation
import Logging
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Serves the control socket: a thread accepts connections, a thread per connection reads request
/// lines, and each request is handled asynchronously by ``ControlHandler``. Blocking socket calls
/// stay off Swift's cooperative pool, which has only two threads on a kiosk board.
public final class ControlServer: Service {
    let path: String
    let handler: ControlHandler
    let logger: Logger
    private let listener = Mutex<Int32>(-1)

    public init(path: String, handler: ControlHandler, logger: Logger) {
        self.path = path
        self.handler = handler
        self.logger = logger
    }

    /// Binds the socket before the daemon reports READY, so hadirctl works as soon as systemd says so.
    public func bind() throws {
        let fd = try UnixSocket.listen(path: path, mode: 0o660)
        listener.withLock { $0 = fd }
    }

    public func run() async throws {
        if listener.withLock({ $0 }) < 0 { try bind() }
        let fd = listener.withLock { $0 }
        let thread = Thread { [handler, logger] in
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    return
                }
                let connection = Thread { Self.serve(client: client, handler: handler, logger: logger) }
                connection.start()
            }
        }
        thread.start()
        try? await gracefulShutdown()
        try? await Task.sleep(for: .milliseconds(1))
        listener.withLock { descriptor in
            shutdown(descriptor, Int32(SHUT_RDWR))
            close(descriptor)
            descriptor = -1
        }
        unlink(path)
    }

    private static func serve(client: Int32, handler: ControlHandler, logger: Logger) {
        defer { close(client) }
        var reader = LineReader(fd: client)
        while let line = reader.nextLine() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let done = DispatchSemaphore(value: 0)
            Task {
                await handler.handle(line: line) { bytes in UnixSocket.writeAll(client, bytes + [0x0A]) }
                done.signal()
            }
            done.wait()
        }
    }
}
