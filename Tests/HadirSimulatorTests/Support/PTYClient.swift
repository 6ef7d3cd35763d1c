import Foundation
import HadirScanner
import HadirSimulator

#if canImport(Glibc)
    import Glibc
#endif

/// A serial-port client as the daemon would be: opens a tty path raw and exchanges frames.
final class SerialClient {
    let fd: Int32
    private var decoder = EF01FrameDecoder(maxPayload: 256)

    init(path: String) throws {
        fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw TestFailure("open \(path): \(String(cString: strerror(errno)))") }
        var attributes = termios()
        tcgetattr(fd, &attributes)
        cfmakeraw(&attributes)
        tcsetattr(fd, TCSANOW, &attributes)
        tcflush(fd, TCIOFLUSH)
    }

    deinit { close(fd) }

    /// Sends a command and waits for `frames` packets (or the timeout).
    func send(_ command: EF01Command, address: UInt32 = 0xFFFF_FFFF, frames: Int = 1, timeout: Int32 = 20_000) throws
        -> [EF01Packet]
    {
        try write(command.packet(address: address).encoded())
        return try read(frames: frames, timeout: timeout)
    }

    /// The confirmation code of a single-ack command.
    func code(_ command: EF01Command) throws -> UInt8 {
        let packets = try send(command)
        guard let first = packets.first else { throw TestFailure("no reply to \(command.instruction.name)") }
        return try EF01Acknowledgement(packet: first).code
    }

    func write(_ bytes: [UInt8]) throws {
        guard FileDescriptorIO.writeAll(bytes, to: fd) else {
            throw TestFailure("write failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Reads until `frames` packets decoded or `timeout` ms of silence.
    func read(frames: Int, timeout: Int32) throws -> [EF01Packet] {
        var packets: [EF01Packet] = []
        while packets.count < frames {
            while let packet = try decoder.next() { packets.append(packet) }
            if packets.count >= frames { break }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, timeout) > 0 else { break }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let count = Glibc.read(fd, &buffer, buffer.count)
            guard count > 0 else { throw TestFailure("read ended: \(count) \(String(cString: strerror(errno)))") }
            decoder.feed(buffer[0..<count])
        }
        return packets
    }

    /// What the port shows after the simulator unplugged: hang-up and EOF/EIO.
    func observesHangUp(timeout: Int32 = 20_000) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeout) > 0 else { return false }
        var byte: UInt8 = 0
        let count = Glibc.read(fd, &byte, 1)
        return Int32(descriptor.revents) & POLLHUP != 0 && (count == 0 || (count < 0 && errno == EIO))
    }
}

/// A control-socket client: one line out, one line back.
final class ControlClient {
    let fd: Int32
    private var assembler = LineAssembler()
    private var lines: [String] = []

    init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw TestFailure("connect \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(fd) }

    /// Sends raw text (may hold several lines).
    func sendRaw(_ text: String) {
        FileDescriptorIO.writeAll(Array(text.utf8), to: fd)
    }

    /// Sends one command and returns its reply line.
    func command(_ line: String, timeout: Int32 = 20_000) throws -> String {
        sendRaw(line + "\n")
        return try nextLine(timeout: timeout)
    }

    /// The next reply line, or a failure after `timeout` ms.
    func nextLine(timeout: Int32 = 20_000) throws -> String {
        while lines.isEmpty {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, timeout) > 0 else { throw TestFailure("no reply line within \(timeout) ms") }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { throw TestFailure("control connection closed") }
            for item in assembler.feed(buffer[0..<count]) {
                if case .line(let line) = item { lines.append(line) }
            }
        }
        return lines.removeFirst()
    }

    /// Whether a reply line arrives within `timeout` ms (without consuming it).
    func hasLine(within timeout: Int32) -> Bool {
        if !lines.isEmpty { return true }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, timeout) > 0
    }
}

/// Runs a ``SimulatorServer`` on its own thread for the duration of a test.
final class ServerHarness: Sendable {
    let server: SimulatorServer
    private let finished = DispatchSemaphore(value: 0)

    init(_ options: SimulatorServerOptions) throws {
        server = try SimulatorServer(options: options)
        let server = self.server
        let finished = self.finished
        Thread.detachNewThread {
            server.run()
            finished.signal()
        }
    }

    /// Stops the server and waits for its loop to end; true when it did.
    @discardableResult
    func stop() -> Bool {
        server.requestStop()
        return finished.wait(timeout: .now() + 20) == .success
    }

    /// Waits for the loop to end by itself (after `quit`).
    func waitUntilFinished() -> Bool {
        finished.wait(timeout: .now() + 20) == .success
    }
}

/// A fresh, short temporary directory (unix socket paths must stay under 108 bytes).
func makeTemporaryDirectory() throws -> String {
    var template = Array("/tmp/hadir-sim-test-XXXXXX".utf8CString)
    guard let pointer = mkdtemp(&template) else { throw TestFailure("mkdtemp failed") }
    return String(cString: pointer)
}

/// The symlink's target, if it exists.
func linkTarget(_ path: String) -> String? {
    try? FileManager.default.destinationOfSymbolicLink(atPath: path)
}

/// Polls `condition` every 20 ms for up to `seconds`.
func eventually(_ seconds: Double = 3, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}
