import Testing

@testable import HadirScanner

struct ScannerDriverConnectionTests {
    typealias F = DriverFixture

    @Test func connectVerifiesPasswordThenReadsSystemParameters() async throws {
        let transport = ScriptedTransport()
        transport.expect(.verifyPassword(0x1234_5678), .ack(0))
        transport.expect(.readSysPara, .ack(0, F.parameters(capacity: 1000, packetSizeCode: 3).bytes))
        var configuration = F.fast
        configuration.verifyPassword = true
        configuration.password = 0x1234_5678
        let driver = ScannerDriver(transport: transport, configuration: configuration)
        let parameters = try await driver.connect()
        #expect(parameters.capacity == 1000)
        #expect(parameters.packetSize == 256)
        #expect(await driver.systemParameters == parameters)
        #expect(transport.failures.isEmpty)
        #expect(transport.remainingSteps.isEmpty)
    }

    @Test func connectWithoutPasswordGoesStraightToReadSysPara() async throws {
        let (driver, transport) = try await F.connected(capacity: 300)
        #expect(await driver.systemParameters?.capacity == 300)
        #expect(transport.received == [.readSysPara])
    }

    @Test func wrongPasswordFailsConnectAndClosesTheTransport() async {
        let transport = ScriptedTransport()
        transport.expect(.verifyPassword(7), .ack(0x13))
        var configuration = F.fast
        configuration.verifyPassword = true
        configuration.password = 7
        let driver = ScannerDriver(transport: transport, configuration: configuration)
        #expect(await F.error { try await driver.connect() } == .module(.wrongPassword))
        #expect(!transport.isOpen)
        #expect(await driver.systemParameters == nil)
    }

    @Test func invalidPacketSizeCodeIsAProtocolViolation() async {
        let transport = ScriptedTransport()
        transport.expect(.readSysPara, .ack(0, F.parameters(packetSizeCode: 7).bytes))
        let driver = ScannerDriver(transport: transport, configuration: F.fast)
        guard case .protocolViolation = await F.error({ try await driver.connect() }) else {
            Issue.record("expected a protocol violation")
            return
        }
    }

    @Test func shortSystemParametersAreAFrameError() async {
        let transport = ScriptedTransport()
        transport.expect(.readSysPara, .ack(0, [0, 0, 0, 9]))
        let driver = ScannerDriver(transport: transport, configuration: F.fast)
        #expect(await F.error { try await driver.connect() } == .frame(.replyTooShort(expected: 16, received: 4)))
    }

    @Test func silentModuleTimesOut() async {
        // A module with another address never answers.
        let transport = ScriptedTransport()
        transport.expect(.readSysPara, .silence)
        let driver = ScannerDriver(transport: transport, configuration: F.fast)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(await F.error { try await driver.connect() } == .timeout(operation: "ReadSysPara"))
        let elapsed = clock.now - start
        // Only the lower bound is asserted: an upper bound is a timing test, flaky on a loaded machine.
        #expect(elapsed >= .milliseconds(90))
    }

    @Test func commandsBeforeConnectThrowNotConnected() async {
        let driver = ScannerDriver(transport: ScriptedTransport(), configuration: F.fast)
        #expect(await F.error { try await driver.identify() } == .notConnected)
        #expect(await F.error { try await driver.count() } == .notConnected)
        #expect(await F.error { try await driver.list() } == .notConnected)
        #expect(await F.error { try await driver.delete(slot: 1) } == .notConnected)
        #expect(await F.error { try await driver.enroll(progress: { _ in }) } == .notConnected)
    }

    @Test func silenceOnACommandTimesOutAndTheNextCommandWorks() async throws {
        let (driver, transport) = try await F.connected()
        transport.expect(.templateCount, .silence)
        transport.expect(.templateCount, .ack(0, [0, 4]))
        #expect(await F.error { try await driver.count() } == .timeout(operation: "TemplateNum"))
        #expect(try await driver.count() == 4)
        #expect(await driver.diagnostics.timeouts == 1)
    }

    @Test func corruptReplyThrowsFrameErrorThenResyncs() async throws {
        let (driver, transport) = try await F.connected()
        var corrupt = EF01Acknowledgement(code: 0, data: [0, 9]).packet(address: 0xFFFF_FFFF).encoded()
        corrupt[corrupt.count - 1] ^= 0x01
        // The corrupt reply is followed by line noise and half a frame; all must be drained.
        transport.expect(.templateCount, .bytes(corrupt + [0x13, 0x55, 0xEF, 0x01, 0xFF]))
        transport.expect(.templateCount, .ack(0, [0, 9]))
        guard case .frame(.badChecksum) = await F.error({ try await driver.count() }) else {
            Issue.record("expected a checksum error")
            return
        }
        #expect(try await driver.count() == 9)
        #expect(transport.failures.isEmpty)
        let diagnostics = await driver.diagnostics
        #expect(diagnostics.frameErrors == 1)
        #expect(diagnostics.discardedBytes >= 5)
    }

    @Test func staleBytesBeforeACommandAreIgnored() async throws {
        let (driver, transport) = try await F.connected()
        // A late reply and the R503's wake byte arrive unasked.
        transport.inject([0x55] + EF01Acknowledgement(code: 0x02).packet(address: 0xFFFF_FFFF).encoded())
        transport.expect(.templateCount, .ack(0, [0, 3]))
        #expect(try await driver.count() == 3)
    }

    @Test func strayWakeByteBeforeAReplyIsSkipped() async throws {
        let (driver, transport) = try await F.connected()
        let ack = EF01Acknowledgement(code: 0, data: [0, 1]).packet(address: 0xFFFF_FFFF).encoded()
        transport.expect(.templateCount, .bytes([0x55] + ack))
        #expect(try await driver.count() == 1)
    }

    @Test func dataPacketInsteadOfAnAckIsAProtocolViolation() async throws {
        let (driver, transport) = try await F.connected()
        let data = EF01Packet(address: 0xFFFF_FFFF, type: .data, payload: [1, 2]).encoded()
        transport.expect(.templateCount, .bytes(data))
        guard case .protocolViolation = await F.error({ try await driver.count() }) else {
            Issue.record("expected a protocol violation")
            return
        }
    }

    @Test func hangUpSurfacesAsDisconnectedAndRequiresReconnect() async throws {
        let (driver, transport) = try await F.connected()
        transport.expect(.genImg, .hangUp)
        #expect(await F.error { try await driver.identify() } == .transport(.disconnected))
        #expect(!transport.isOpen)
        #expect(await driver.systemParameters == nil)
        #expect(await F.error { try await driver.count() } == .notConnected)

        transport.expect(.readSysPara, .ack(0, F.parameters().bytes))
        transport.expect(.templateCount, .ack(0, [0, 2]))
        _ = try await driver.connect()
        #expect(try await driver.count() == 2)
        #expect(transport.openCount == 2)
    }

    @Test func disconnectClosesTheTransport() async throws {
        let (driver, transport) = try await F.connected()
        await driver.disconnect()
        #expect(!transport.isOpen)
        #expect(await F.error { try await driver.count() } == .notConnected)
    }

    @Test func errorsDescribeThemselves() {
        let errors: [ScannerError] = [
            .module(.libraryFull), .transport(.disconnected), .timeout(operation: "GenImg"),
            .protocolViolation("x"), .notConnected, .frame(.lengthTooSmall(1)), .cancelled,
        ]
        for error in errors { #expect(!error.description.isEmpty) }
        #expect(ScannerError.timeout(operation: "GenImg").description.contains("GenImg"))
    }
}
