import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What systemd is to a Type=notify service: an AF_UNIX datagram socket whose path goes into the
/// daemon's `NOTIFY_SOCKET`. Every datagram is kept, in arrival order, for the test to inspect.
final class NotifySocket: @unchecked Sendable {
    let path: String
    private let fd: Int32
    private let received = Mutex<[String]>([])
    private let stopped = Mutex(false)
    private let reader = DispatchGroup()

    init(directory: String) throws {
        path = directory + "/notify.sock"
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("notify socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw HarnessError("notify socket path too long: \(path)") }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw HarnessError("notify socket bind: \(String(cString: strerror(errno)))") }
        // Wakes the reader now and then so close() can stop it.
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        reader.enter()
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !stopped.withLock({ $0 }) {
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count > 0 {
                    let message = String(decoding: buffer[0..<count], as: UTF8.self)
                    received.withLock { $0.append(message) }
                }
            }
            reader.leave()
        }
    }

    /// Every datagram so far.
    var messages: [String] { received.withLock { $0 } }

    /// Datagrams that carry `assignment` (e.g. "READY=1") as one of their lines.
    func count(_ assignment: String) -> Int {
        messages.filter { $0.split(separator: "\n").contains(Substring(assignment)) }.count
    }

    /// Waits until some datagram's line satisfies `predicate`; returns that line.
    func waitForLine(timeout: Duration = .seconds(30), _ predicate: (String) -> Bool) -> String? {
        let deadline = ContinuousClock.now + timeout
        repeat {
            for message in messages {
                if let line = message.split(separator: "\n").map(String.init).first(where: predicate) { return line }
            }
            usleep(20_000)
        } while ContinuousClock.now < deadline
        return nil
    }

    /// Waits until `assignment` has arrived at least `count` times.
    func waitFor(_ assignment: String, count: Int = 1, timeout: Duration = .seconds(30)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while self.count(assignment) < count {
            if ContinuousClock.now >= deadline { return false }
            usleep(20_000)
        }
        return true
    }

    func close() {
        stopped.withLock { $0 = true }
        reader.wait()
        Glibc.close(fd)
        unlink(path)
    }
}
