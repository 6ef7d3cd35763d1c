import HadirScanner
import HadirSimulator

#if canImport(Glibc)
    import Glibc
#endif

/// An EFAA host for pty tests, as the daemon would be: opens the tty raw, sends commands built
/// with the codec and reads the module's replies and notes.
///
/// The port is not flushed on open, so the READY note a module sends at power-up is there to
/// be read (``waitForReady()``).
final class FacePortClient {
    let fd: Int32
    private var decoder = EFAAFrameDecoder()

    init(path: String) throws {
        fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw TestFailure("open \(path): \(String(cString: strerror(errno)))") }
        var attributes = termios()
        tcgetattr(fd, &attributes)
        cfmakeraw(&attributes)
        tcsetattr(fd, TCSANOW, &attributes)
    }

    deinit { close(fd) }

    /// What one command produced: the notes before its REPLY, and the REPLY.
    struct Exchange {
        var notes: [EFAANote]
        var reply: EFAAReply

        /// How many FACE_STATE notes came before the reply.
        var faceStateCount: Int {
            notes.filter { if case .faceState = $0 { true } else { false } }.count
        }
    }

    func send(_ command: EFAACommand) throws {
        guard FileDescriptorIO.writeAll(command.frame.encoded, to: fd) else {
            throw TestFailure("write failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Sends `command` and reads up to the next REPLY.
    func exchange(_ command: EFAACommand, timeout: Int32 = 20_000) throws -> Exchange {
        try send(command)
        return try nextReply(timeout: timeout)
    }

    /// Reads up to the next REPLY, keeping the notes before it.
    func nextReply(timeout: Int32 = 20_000) throws -> Exchange {
        var notes: [EFAANote] = []
        while true {
            switch try nextMessage(timeout: timeout) {
            case .reply(let reply): return Exchange(notes: notes, reply: reply)
            case .note(let note): notes.append(note)
            case .image: continue
            }
        }
    }

    /// Reads until a READY note; returns the messages before it.
    @discardableResult
    func waitForReady(timeout: Int32 = 20_000) throws -> [EFAAMessage] {
        var before: [EFAAMessage] = []
        while true {
            let message = try nextMessage(timeout: timeout)
            if message == .note(.ready) { return before }
            before.append(message)
        }
    }

    /// The next module message, or a failure after `timeout` ms of silence.
    func nextMessage(timeout: Int32 = 20_000) throws -> EFAAMessage {
        while true {
            if let frame = try decoder.next() { return try EFAAMessage(frame: frame) }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, timeout) > 0 else { throw TestFailure("no EFAA message within \(timeout) ms") }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { throw TestFailure("read ended: \(count) \(String(cString: strerror(errno)))") }
            decoder.feed(buffer[0..<count])
        }
    }
}

/// ENROLL_ITG as the daemon sends it: one direction, duplicates refused.
func integratedEnroll(_ name: String, _ direction: EFAADirections) -> EFAACommand {
    .enrollIntegrated(EFAAIntegratedEnrollRequest(name: name, direction: direction, allowDuplicate: false, timeoutSeconds: 60))
}

/// VERIFY with a timeout no loaded machine reaches.
let patientVerify = EFAACommand.verify(EFAAVerifyRequest(timeoutSeconds: 60))
