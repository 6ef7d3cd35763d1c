import Testing

@testable import HadirScanner

@Suite(.serialized)
struct TTYTransportTests {
    @Test func opensThroughASymlinkAndExchangesBytesBothWays() throws {
        let pty = try TestPTY()
        let transport = TTYTransport(path: pty.linkPath)
        try transport.open()
        defer { transport.close() }
        pty.releaseSlave()
        #expect(transport.isOpen)

        let command = EF01Command.genImg.packet(address: 0xFFFF_FFFF).encoded()
        try transport.write(command)
        #expect(pty.receive(count: command.count) == command)

        let reply = EF01Acknowledgement(code: 0x02).packet(address: 0xFFFF_FFFF).encoded()
        pty.send(reply)
        var received: [UInt8] = []
        while received.count < reply.count {
            let chunk = try transport.read(maxCount: 64, timeout: .seconds(20))
            if chunk.isEmpty { break }
            received += chunk
        }
        #expect(received == reply)
    }

    @Test func rawModePassesEveryByteValueUnchanged() throws {
        let pty = try TestPTY()
        let transport = TTYTransport(path: pty.linkPath, baud: 115_200)
        try transport.open()
        defer { transport.close() }
        let all = (0...255).map { UInt8($0) } + [0x0D, 0x0A, 0x03, 0x04, 0x11, 0x13, 0x7F]
        pty.send(all)
        var received: [UInt8] = []
        while received.count < all.count {
            let chunk = try transport.read(maxCount: 1000, timeout: .seconds(20))
            if chunk.isEmpty { break }
            received += chunk
        }
        #expect(received == all)
        try transport.write(all)
        #expect(pty.receive(count: all.count) == all)
    }

    @Test func readReturnsEmptyAfterTheTimeout() throws {
        let pty = try TestPTY()
        let transport = TTYTransport(path: pty.linkPath)
        try transport.open()
        defer { transport.close() }
        let clock = ContinuousClock()
        let start = clock.now
        let bytes = try transport.read(maxCount: 16, timeout: .milliseconds(80))
        let elapsed = clock.now - start
        #expect(bytes.isEmpty)
        #expect(elapsed >= .milliseconds(75))
        _ = pty
    }

    @Test func readHonoursMaxCount() throws {
        let pty = try TestPTY()
        let transport = TTYTransport(path: pty.linkPath)
        try transport.open()
        defer { transport.close() }
        pty.send([1, 2, 3, 4, 5])
        #expect(try transport.read(maxCount: 2, timeout: .seconds(20)) == [1, 2])
        #expect(try transport.read(maxCount: 10, timeout: .seconds(20)) == [3, 4, 5])
    }

    @Test func openFlushesStaleInput() throws {
        let pty = try TestPTY()
        pty.send([0x55, 0xEF, 0x01])  // left over from before we opened
        let transport = TTYTransport(path: pty.linkPath)
        try transport.open()
        defer { transport.close() }
        #expect(try transport.read(maxCount: 16, timeout: .milliseconds(50)) == [])
    }

    @Test func masterHangUpSurfacesAsDisconnected() throws {
        let pty = try TestPTY()
        let transport = TTYTransport(path: pty.linkPath)
        try transport.open()
        defer { transport.close() }
        pty.releaseSlave()
        pty.closeMaster()
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: ScannerTransportError.disconnected) {
            try transport.read(maxCount: 16, timeout: .seconds(60))
        }
        // Far below the timeout even on a loaded machine: the hang-up ended the wait.
        #expect(clock.now - start < .seconds(30), "hang-up must not wait for the timeout")
        #expect(throws: ScannerTransportError.disconnected) { try transport.write([0x01]) }
    }

    @Test func hangUpWhileWaitingWakesTheReader() async throws {
        let pty = try TestPTY()
        let transport = TTYTransport(path: pty.linkPath)
        try transport.open()
        defer { transport.close() }
        pty.releaseSlave()
        let reader = Task.detached { () -> ScannerTransportError? in
            do throws(ScannerTransportError) {
                // Long enough that only the hang-up, never the timeout, can end it on a loaded machine.
                _ = try transport.read(maxCount: 16, timeout: .seconds(60))
                return nil
            } catch {
                return error
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        pty.closeMaster()
        #expect(await reader.value == ScannerTransportError.disconnected)
    }

    @Test("unsupported baud rates are refused", arguments: [0, 1200, 28800, 48000, 96000, 230_400])
    func unsupportedBaudIsRefused(baud: Int) throws {
        let pty = try TestPTY()
        let transport = TTYTransport(path: pty.linkPath, baud: baud)
        #expect(throws: ScannerTransportError.unsupportedBaud(baud)) { try transport.open() }
        #expect(!transport.isOpen)
    }

    @Test("every supported baud rate opens", arguments: TTYTransport.supportedBaudRates)
    func supportedBaudOpens(baud: Int) throws {
        let pty = try TestPTY()
        let transport = TTYTransport(path: pty.linkPath, baud: baud)
        try transport.open()
        transport.close()
        #expect(baud % 9600 == 0 && (1...12).contains(baud / 9600))
    }

    @Test func missingDeviceFailsToOpenWithTheReason() {
        let transport = TTYTransport(path: "/nonexistent/hadir-scanner")
        #expect {
            try transport.open()
        } throws: { error in
            guard case .openFailed(let path, let reason) = error as? ScannerTransportError else { return false }
            return path == "/nonexistent/hadir-scanner" && reason.contains("No such file")
        }
    }

    @Test func nonTerminalFailsToOpen() {
        let transport = TTYTransport(path: "/dev/null")
        #expect {
            try transport.open()
        } throws: { error in
            guard case .openFailed(_, let reason) = error as? ScannerTransportError else { return false }
            return reason.contains("not a terminal")
        }
        #expect(!transport.isOpen)
    }

    @Test func ioWhenClosedThrowsNotOpen() throws {
        let pty = try TestPTY()
        let transport = TTYTransport(path: pty.linkPath)
        #expect(throws: ScannerTransportError.notOpen) { try transport.write([1]) }
        #expect(throws: ScannerTransportError.notOpen) { try transport.read(maxCount: 1, timeout: .zero) }
        try transport.open()
        transport.close()
        transport.close()
        #expect(throws: ScannerTransportError.notOpen) { try transport.read(maxCount: 1, timeout: .zero) }
        try transport.open()
        defer { transport.close() }
        pty.send([7])
        #expect(try transport.read(maxCount: 1, timeout: .seconds(20)) == [7])
    }

    @Test func descriptionNamesPathAndSpeed() {
        #expect(TTYTransport(path: "/dev/ttyUSB0").description == "tty /dev/ttyUSB0 @ 57600")
        #expect(ScannerTransportError.unsupportedBaud(28800).description.contains("57600"))
    }

    @Test func pollTimeoutRoundsUpAndClamps() {
        #expect(Duration.zero.pollMilliseconds == 0)
        #expect(Duration.milliseconds(-5).pollMilliseconds == 0)
        #expect(Duration.microseconds(1).pollMilliseconds == 1)
        #expect(Duration.milliseconds(250).pollMilliseconds == 250)
        #expect(Duration.seconds(Int64.max / 2).pollMilliseconds == Int32.max)
    }
}
