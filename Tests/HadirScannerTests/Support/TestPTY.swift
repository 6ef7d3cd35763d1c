import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A pty pair for transport tests: the test plays the module on the master side.
///
/// Descriptors are atomics so a responder task may hang up while the test releases the slave.
final class TestPTY: Sendable {
    private let masterFD: Atomic<Int32>
    private let slaveFD: Atomic<Int32>
    var master: Int32 { masterFD.load(ordering: .acquiring) }
    let slavePath: String
    /// A symlink to the slave in a private temp directory, like the simulator and udev provide.
    let linkPath: String
    private let directory: String

    init() throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0, let name = ttyname(slave) else {
            throw TestPTYError.setup("openpty failed: errno \(errno)")
        }
        masterFD = Atomic(master)
        slaveFD = Atomic(slave)
        slavePath = String(cString: name)
        var template = Array("/tmp/hadir-scanner-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, let result = mkdtemp(base) else { return nil }
            return String(cString: result)
        }
        guard let made else { throw TestPTYError.setup("mkdtemp failed") }
        directory = made
        linkPath = directory + "/scanner"
        guard symlink(slavePath, linkPath) == 0 else { throw TestPTYError.setup("symlink failed") }
    }

    deinit {
        closeMaster()
        releaseSlave()
        unlink(linkPath)
        rmdir(directory)
    }

    /// Drops the test's own slave descriptor so only the transport holds the slave open.
    func releaseSlave() {
        let slave = slaveFD.exchange(-1, ordering: .acquiringAndReleasing)
        if slave >= 0 { Glibc.close(slave) }
    }

    /// Hangs up the line, as when the simulator exits or a bridge is unplugged.
    func closeMaster() {
        let master = masterFD.exchange(-1, ordering: .acquiringAndReleasing)
        if master >= 0 { Glibc.close(master) }
    }

    /// Sends bytes "from the module".
    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Receives exactly `count` bytes "at the module", or fewer if `timeoutMilliseconds` pass.
    func receive(count: Int, timeoutMilliseconds: Int32 = 2000) -> [UInt8] {
        var received: [UInt8] = []
        while received.count < count {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, timeoutMilliseconds) > 0 else { break }
            var buffer = [UInt8](repeating: 0, count: count - received.count)
            let got = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            guard got > 0 else { break }
            received += buffer.prefix(got)
        }
        return received
    }
}

enum TestPTYError: Error {
    case setup(String)
}
