#if canImport(Glibc)
    import Glibc
#endif

extension SimulatorServer {
    // MARK: - Reading control lines

    func readConnection(_ index: Int) {
        guard connections.indices.contains(index) else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(connections[index].input, &buffer, buffer.count)
        if count < 0 && (errno == EAGAIN || errno == EINTR) { return }
        if count > 0 {
            for item in connections[index].assembler.feed(buffer[0..<count]) { enqueue(item, on: index) }
            return
        }
        // End of input (or an error, treated the same): answer what is left, then close a
        // socket once its replies are out; stdin simply stops being read.
        connections[index].inputClosed = true
        for item in connections[index].assembler.finish() { enqueue(item, on: index) }
        closeIfFinished(index)
    }

    func flushConnection(_ index: Int) {
        guard connections.indices.contains(index) else { return }
        if !FileDescriptorIO.drain(&connections[index].pendingOutput, to: connections[index].output) {
            connections[index].closed = true
        }
        closeIfFinished(index)
    }

    private func closeIfFinished(_ index: Int) {
        let connection = connections[index]
        if connection.inputClosed, !connection.isStandardInput, connection.idleWait == nil,
            connection.queued.isEmpty, connection.pendingOutput.isEmpty
        {
            connections[index].closed = true
        }
    }

    /// Handles a line now, or queues it behind a pending `wait-idle` to keep replies in order.
    private func enqueue(_ item: LineAssembler.Item, on index: Int) {
        if connections[index].idleWait != nil || !connections[index].queued.isEmpty {
            // A client that floods lines behind a wait-idle is cut off rather than buffered forever.
            guard connections[index].queued.count < 10_000 else {
                if !connections[index].isStandardInput { connections[index].closed = true }
                return
            }
            connections[index].queued.append(item)
        } else {
            handle(item, on: index)
        }
    }

    private func handle(_ item: LineAssembler.Item, on index: Int) {
        switch item {
        case .overlong:
            reply("error line too long", on: index)
        case .line(let raw):
            let line = raw.trimmingBlanks
            guard !line.isEmpty, !line.hasPrefix("#") else { return }
            switch ControlCommand.parse(line, kind: module.kind) {
            case .failure(let error):
                reply("error \(error.reason)", on: index, for: line)
            case .success(let command):
                execute(command, line: line, on: index)
            }
        }
    }

    // MARK: - Commands

    private func execute(_ command: ControlCommand, line: String, on index: Int) {
        switch command {
        case .place, .lift, .press, .fault, .show, .hide, .look, .faceFault:
            switch module.perform(command, now: clock.now()) {
            case .success(let bytes):
                sendToHost(bytes)
                afterModuleChange()
                reply("ok", on: index, for: line)
            case .failure(let error):
                reply("error \(error.reason)", on: index, for: line)
            }
        case .disconnect(let seconds):
            unplug(reconnectAfter: seconds)
            reply("ok", on: index, for: line)
        case .reconnect:
            switch plugIn() {
            case .success(let path): reply("ok \(path)", on: index, for: line)
            case .failure(let error): reply("error reconnect failed: \(error)", on: index, for: line)
            }
        case .status:
            reply("ok " + statusJSON().text, on: index, for: line)
        case .library:
            reply("ok " + module.libraryJSON.text, on: index, for: line)
        case .waitIdle(let timeout):
            let deadline = timeout.map { ContinuousClock.now.advanced(by: .milliseconds(Int64($0 * 1000))) }
            connections[index].idleWait = IdleWait(deadline: deadline)
            resolveIdleWaits(now: ContinuousClock.now)
        case .clearLibrary:
            module.clearLibrary()
            afterModuleChange()
            reply("ok", on: index, for: line)
        case .help:
            reply("ok " + ControlCommand.synopsis(for: module.kind), on: index, for: line)
        case .quit:
            stopping = true
            reply("ok", on: index, for: line)
        }
    }

    /// The `status` reply.
    func statusJSON() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("pty", .optional(terminal?.slavePath)),
            ("link", .optional(options.linkPath)),
            ("control", .optional(options.controlPath)),
            ("connected", .bool(terminal != nil)),
        ]
        members += module.statusMembers
        return .object(members)
    }

    /// Answers every `wait-idle` whose presses or looks are consumed or whose deadline passed, then
    /// handles the lines queued behind it.
    func resolveIdleWaits(now: ContinuousClock.Instant) {
        for index in connections.indices {
            while let wait = connections[index].idleWait {
                if !module.hasPendingInput {
                    connections[index].idleWait = nil
                    reply("ok", on: index, for: "wait-idle")
                } else if let deadline = wait.deadline, now >= deadline {
                    connections[index].idleWait = nil
                    reply("error timeout: \(module.pendingInputName) still pending", on: index, for: "wait-idle")
                } else {
                    break
                }
                while connections[index].idleWait == nil, !connections[index].queued.isEmpty, !stopping {
                    handle(connections[index].queued.removeFirst(), on: index)
                }
            }
        }
    }

    // MARK: - Replies

    private func reply(_ text: String, on index: Int, for line: String? = nil) {
        if options.logsCommands, let line {
            FileDescriptorIO.standardErrorLine("hadir-sim: control '\(line)' -> \(text.prefix(120))")
        }
        let bytes = Array((text + "\n").utf8)
        if connections[index].isStandardInput {
            FileDescriptorIO.writeAll(bytes, to: connections[index].output)
            return
        }
        connections[index].pendingOutput += bytes
        if stopping {
            // The server is about to stop: make sure the reply leaves before the socket closes.
            FileDescriptorIO.writeAll(connections[index].pendingOutput, to: connections[index].output)
            connections[index].pendingOutput.removeAll()
        } else {
            flushConnection(index)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and carriage returns.
    var trimmingBlanks: String {
        let blanks: Set<Character> = [" ", "\t", "\r"]
        guard let first = firstIndex(where: { !blanks.contains($0) }),
            let last = lastIndex(where: { !blanks.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
