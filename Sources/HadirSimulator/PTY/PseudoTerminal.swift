#if canImport(Glibc)
    import Glibc
#endif

/// One pseudo-terminal pair standing in for a USB-serial adapter.
///
/// The client (the daemon) opens ``slavePath`` like `/dev/ttyUSB0`; the simulator reads and
/// writes the master. The simulator keeps its own slave descriptor open for the life of the
/// pair: without it, the master reports a hang-up whenever the client closes the slave, and
/// a client that reopens the port would find a dead pty.
public struct PseudoTerminal: Sendable {
    /// Master side, non-blocking, used by the simulator.
    public let master: Int32
    /// The simulator's own slave descriptor (never read; keeps the pair alive).
    let keptSlave: Int32
    /// The slave device path, e.g. `/dev/pts/4`.
    public let slavePath: String

    /// Opens a new pair with the slave in raw mode (no echo, no line editing, 8-bit clean).
    public static func open() throws(SimulatorIOError) -> PseudoTerminal {
        var master: Int32 = -1
        var slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else {
            throw SimulatorIOError.system("openpty")
        }
        var attributes = termios()
        guard tcgetattr(slave, &attributes) == 0 else {
            let error = SimulatorIOError.system("tcgetattr")
            Glibc.close(master)
            Glibc.close(slave)
            throw error
        }
        cfmakeraw(&attributes)
        cfsetispeed(&attributes, speed_t(B57600))
        cfsetospeed(&attributes, speed_t(B57600))
        guard tcsetattr(slave, TCSANOW, &attributes) == 0 else {
            let error = SimulatorIOError.system("tcsetattr")
            Glibc.close(master)
            Glibc.close(slave)
            throw error
        }
        guard let name = ttyname(slave) else {
            let error = SimulatorIOError.system("ttyname")
            Glibc.close(master)
            Glibc.close(slave)
            throw error
        }
        let path = String(cString: name)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        return PseudoTerminal(master: master, keptSlave: slave, slavePath: path)
    }

    /// Closes both sides: a client holding the slave now gets EIO / hang-up, as when a USB
    /// adapter is pulled out.
    public func close() {
        Glibc.close(master)
        Glibc.close(keptSlave)
    }
}
