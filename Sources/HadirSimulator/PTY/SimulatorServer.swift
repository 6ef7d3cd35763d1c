import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The simulator's I/O shell: serves a simulated module (``EF01ModuleEmulator`` or
/// ``FaceModuleEmulator``, see ``SimulatedModuleKind``) on a pty, persists its library, and
/// obeys control lines from stdin and a unix socket.
///
/// One thread runs ``run()``, a single poll(2) loop over the pty master, the control
/// socket and its clients, stdin and a wake-up pipe; its timeout is the earliest of the
/// module's timers, a pending re-plug and `wait-idle` deadlines. Everything but
/// ``requestStop()`` and ``snapshot()`` belongs to that thread, which is why the class is
/// `@unchecked Sendable`: it may be handed to the thread that runs it, and the two
/// cross-thread entry points are safe (a pipe write and a mutex).
public final class SimulatorServer: @unchecked Sendable {
    /// What other threads may observe.
    public struct Snapshot: Hashable, Sendable {
        /// The current pty slave path, nil while unplugged.
        public var slavePath: String?
        /// Commands the module has answered.
        public var commandsServed: Int
        /// The fingerprint module's ring LED as last set (nil: never set, or a face module).
        public var led: AuraLedState?
    }

    /// The options the server was created with.
    public let options: SimulatorServerOptions

    var module: any SimulatedModule
    /// Module timers' time base: one origin for the server's life.
    let clock = MonotonicMilliseconds()
    var terminal: PseudoTerminal?
    var masterOutput: [UInt8] = []
    var reconnectAt: ContinuousClock.Instant?
    let link: SymlinkPublisher?
    let listener: UnixSocketListener?
    var connections: [ControlConnection] = []
    var stopping = false
    private var hasRun = false
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let published = Mutex(Snapshot(slavePath: nil, commandsServed: 0, led: nil))

    /// Loads the library, opens the pty, publishes the link and listens on the control
    /// socket. Throws a ``SimulatorIOError`` or ``LibraryFileError`` describing what failed.
    public init(options: SimulatorServerOptions) throws {
        module =
            switch options.kind {
            case .fingerprint: try EF01ModuleAdapter(options: options)
            case .face: try FaceModuleAdapter(options: options)
            }
        self.options = options
        signal(SIGPIPE, SIG_IGN)
        FileDescriptorIO.reserveStandardDescriptors()

        var pipeFDs: [Int32] = [-1, -1]
        guard pipe(&pipeFDs) == 0 else { throw SimulatorIOError.system("pipe") }
        for fd in pipeFDs {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }

        let link = options.linkPath.map(SymlinkPublisher.init(linkPath:))
        var listener: UnixSocketListener?
        var terminal: PseudoTerminal?
        do {
            listener = try options.controlPath.map { (path: String) throws(SimulatorIOError) in
                try UnixSocketListener.listen(at: path)
            }
            let opened = try PseudoTerminal.open()
            terminal = opened
            try link?.publish(opened.slavePath)
        } catch {
            terminal?.close()
            listener?.close()
            close(pipeFDs[0])
            close(pipeFDs[1])
            throw error
        }
        wakeRead = pipeFDs[0]
        wakeWrite = pipeFDs[1]
        self.link = link
        self.listener = listener
        self.terminal = terminal
        masterOutput = module.powerOnBytes()
        if options.readsStandardInput {
            connections.append(ControlConnection(input: STDIN_FILENO, output: STDOUT_FILENO, isStandardInput: true))
        }
        publish()
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    /// The pty slave path at start-up (what `hadir-sim` announces).
    public var initialSlavePath: String? { snapshot().slavePath }

    /// A consistent view of the server for other threads.
    public func snapshot() -> Snapshot {
        published.withLock { $0 }
    }

    /// Asks ``run()`` to finish (from any thread or a signal source).
    public func requestStop() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// Serves until `quit` or ``requestStop()``, then removes the link and the socket.
    public func run() {
        guard !hasRun else { return }
        hasRun = true
        flushMaster()
        while !stopping {
            pollOnce()
        }
        shutdown()
    }

    // MARK: - The loop

    private enum Role {
        case wake
        case master
        case listener
        case connection(Int)
    }

    private func pollOnce() {
        var descriptors: [pollfd] = []
        var roles: [Role] = []
        func add(_ fd: Int32, _ events: Int32, _ role: Role) {
            descriptors.append(pollfd(fd: fd, events: Int16(events), revents: 0))
            roles.append(role)
        }
        add(wakeRead, POLLIN, .wake)
        if let terminal {
            add(terminal.master, POLLIN | (masterOutput.isEmpty ? 0 : POLLOUT), .master)
        }
        if let listener { add(listener.descriptor, POLLIN, .listener) }
        for (index, connection) in connections.enumerated() where !connection.closed {
            var events: Int32 = 0
            if !connection.inputClosed { events |= POLLIN }
            if !connection.pendingOutput.isEmpty && !connection.isStandardInput { events |= POLLOUT }
            if events != 0 { add(connection.input, events, .connection(index)) }
        }
        let ready = poll(&descriptors, nfds_t(descriptors.count), pollTimeoutMilliseconds())
        if ready < 0 && errno != EINTR {
            FileDescriptorIO.standardErrorLine("hadir-sim: poll failed: \(String(cString: strerror(errno)))")
            stopping = true
            return
        }
        if ready > 0 {
            for (descriptor, role) in zip(descriptors, roles) where descriptor.revents != 0 {
                handle(role, revents: Int32(descriptor.revents))
                if stopping { return }
            }
        }
        handleTimers()
        connections.removeAll { connection in
            if connection.closed && !connection.isStandardInput { close(connection.input) }
            return connection.closed
        }
    }

    private func handle(_ role: Role, revents: Int32) {
        switch role {
        case .wake:
            var scratch = [UInt8](repeating: 0, count: 64)
            _ = read(wakeRead, &scratch, scratch.count)
            stopping = true
        case .master:
            if revents & POLLIN != 0 { readMaster() }
            if revents & POLLOUT != 0 { flushMaster() }
        case .listener:
            while let client = listener?.accept() {
                connections.append(ControlConnection(input: client, output: client, isStandardInput: false))
            }
        case .connection(let index):
            if revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL) != 0 { readConnection(index) }
            if revents & POLLOUT != 0, index < connections.count { flushConnection(index) }
        }
    }

    private func pollTimeoutMilliseconds() -> Int32 {
        var deadlines: [ContinuousClock.Instant] = []
        if let reconnectAt { deadlines.append(reconnectAt) }
        if terminal != nil, let due = module.nextDeadline { deadlines.append(clock.instant(at: due)) }
        for connection in connections {
            if let deadline = connection.idleWait?.deadline { deadlines.append(deadline) }
        }
        guard let earliest = deadlines.min() else { return -1 }
        let remaining = ContinuousClock.now.duration(to: earliest)
        let milliseconds =
            remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, milliseconds + 1))
    }

    private func handleTimers() {
        let now = ContinuousClock.now
        if let reconnectAt, now >= reconnectAt {
            self.reconnectAt = nil
            if case .failure(let error) = plugIn() {
                FileDescriptorIO.standardErrorLine("hadir-sim: reconnect failed: \(error)")
            }
        }
        // An unplugged module has no power: its timers wait for the re-plug, which power-cycles it.
        if terminal != nil, let due = module.nextDeadline, clock.milliseconds(at: now) >= due {
            sendToHost(module.tick(now: clock.milliseconds(at: now)))
            afterModuleChange()
        }
        resolveIdleWaits(now: now)
    }

    // MARK: - The pty

    private func readMaster() {
        guard let terminal else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(terminal.master, &buffer, buffer.count)
        guard count > 0 else { return }
        sendToHost(module.receive(Array(buffer[0..<count]), now: clock.now()))
        afterModuleChange()
    }

    /// Queues bytes for the host and writes what the pty takes now.
    func sendToHost(_ bytes: [UInt8]) {
        guard terminal != nil, !bytes.isEmpty else { return }
        masterOutput += bytes
        flushMaster()
    }

    private func flushMaster() {
        guard let terminal else { return }
        _ = FileDescriptorIO.drain(&masterOutput, to: terminal.master)
    }

    /// Opens a fresh pty, repoints the link and powers the module up, like a USB re-plug.
    func plugIn() -> Result<String, SimulatorIOError> {
        if let terminal { return .success(terminal.slavePath) }
        do {
            let terminal = try PseudoTerminal.open()
            self.terminal = terminal
            try link?.publish(terminal.slavePath)
            masterOutput = module.powerCycle(now: clock.now())
            flushMaster()
            afterModuleChange()
            publish()
            FileDescriptorIO.standardErrorLine("hadir-sim: plugged in at \(terminal.slavePath)")
            return .success(terminal.slavePath)
        } catch {
            return .failure(error)
        }
    }

    /// Closes the pty (the client gets EIO / hang-up) and removes the link, like pulling
    /// the USB plug: udev would remove its symlink too.
    func unplug(reconnectAfter seconds: Double?) {
        if let terminal {
            terminal.close()
            self.terminal = nil
            masterOutput.removeAll()
            link?.remove()
            FileDescriptorIO.standardErrorLine("hadir-sim: unplugged")
        }
        reconnectAt = seconds.map { ContinuousClock.now.advanced(by: .milliseconds(Int64($0 * 1000))) }
        publish()
    }

    // MARK: - Bookkeeping after the module changed

    /// Persists the library, logs the module's traffic and releases `wait-idle`s.
    func afterModuleChange() {
        do {
            try module.saveLibraryIfChanged()
        } catch {
            FileDescriptorIO.standardErrorLine("hadir-sim: cannot save library: \(error)")
        }
        let lines = module.takeLogLines()
        if options.logsCommands {
            for line in lines { FileDescriptorIO.standardErrorLine("hadir-sim: \(line)") }
        }
        resolveIdleWaits(now: ContinuousClock.now)
        publish()
    }

    private func publish() {
        let led = (module as? EF01ModuleAdapter)?.emulator.led
        let snapshot = Snapshot(slavePath: terminal?.slavePath, commandsServed: module.commandsServed, led: led)
        published.withLock { $0 = snapshot }
    }

    private func shutdown() {
        for connection in connections where !connection.isStandardInput {
            var pending = connection.pendingOutput
            _ = FileDescriptorIO.drain(&pending, to: connection.output)
            close(connection.input)
        }
        connections.removeAll()
        listener?.close()
        terminal?.close()
        terminal = nil
        link?.remove()
        publish()
    }
}
