import Testing

@testable import HadirScanner

struct ScannerDriverLibraryTests {
    typealias F = DriverFixture

    @Test func countReadsTemplateNum() async throws {
        let (driver, transport) = try await F.connected()
        transport.expect(.templateCount, .ack(0, [0x01, 0x02]))
        #expect(try await driver.count() == 258)
    }

    @Test func deleteRemovesExactlyOneSlot() async throws {
        let (driver, transport) = try await F.connected()
        transport.expect(.deleteChar(slot: 42, count: 1), .ack(0))
        try await driver.delete(slot: 42)
        #expect(transport.received.last == .deleteChar(slot: 42, count: 1))
        transport.expect(.deleteChar(slot: 43, count: 1), .ack(0x10))
        #expect(await F.error { try await driver.delete(slot: 43) } == .module(.deleteFailed))
    }

    @Test func listReadsEveryPageCoveringTheCapacity() async throws {
        let (driver, transport) = try await F.connected(capacity: 300)
        transport.expect(.readIndexTable(page: 0), .ack(0, EF01IndexTable.bitmap(page: 0, slots: [0, 5, 255])))
        // Bits past the capacity (300) are ignored.
        transport.expect(.readIndexTable(page: 1), .ack(0, EF01IndexTable.bitmap(page: 1, slots: [256, 299, 300, 511])))
        #expect(try await driver.list() == [0, 5, 255, 256, 299])
        #expect(transport.failures.isEmpty)
    }

    @Test func shortIndexTableIsAFrameError() async throws {
        let (driver, transport) = try await F.connected()
        transport.expect(.readIndexTable(page: 0), .ack(0, [0xFF]))
        #expect(await F.error { try await driver.list() } == .frame(.replyTooShort(expected: 32, received: 1)))
    }

    @Test func readSysParaRefreshesTheParameters() async throws {
        let (driver, transport) = try await F.connected(capacity: 200)
        transport.expect(.readSysPara, .ack(0, F.parameters(capacity: 500).bytes))
        #expect(try await driver.readSysPara().capacity == 500)
        #expect(await driver.systemParameters?.capacity == 500)
    }

    @Test func restoreDownloadsTheTemplateInPacketsThenStores() async throws {
        let (driver, transport) = try await F.connected(packetSizeCode: 2)
        let template = F.template(810)
        transport.expect(.downChar(buffer: 1), .ack(0))
        transport.expect(.store(buffer: 1, slot: 9), .ack(0))
        try await driver.restore(template: template, to: 9)
        let packets = transport.hostData
        #expect(packets.map(\.payload.count) == [128, 128, 128, 128, 128, 128, 42])
        #expect(packets.last?.type == .endData)
        #expect(packets.flatMap(\.payload) == template)
        #expect(transport.failures.isEmpty)
    }

    @Test func restoreRefusesSlotsBeyondTheCapacity() async throws {
        let (driver, _) = try await F.connected(capacity: 200)
        #expect(await F.error { try await driver.restore(template: [1], to: 200) } == .module(.slotOutOfRange))
    }

    @Test func findEnrolledSearchesADownloadedTemplate() async throws {
        let (driver, transport) = try await F.connected()
        transport.expect(.downChar(buffer: 1), .ack(0))
        transport.expect(.search(buffer: 1, start: 0, count: 200), .ack(0, [0, 12, 0, 200]))
        #expect(try await driver.findEnrolled(template: F.template(512)) == EF01SearchMatch(slot: 12, score: 200))
        transport.expect(.downChar(buffer: 1), .ack(0))
        transport.expect(.search(buffer: 1, start: 0, count: 200), F.notFound)
        #expect(try await driver.findEnrolled(template: F.template(512)) == nil)
    }
}

struct ScannerDriverCommandTests {
    typealias F = DriverFixture

    @Test func sendReturnsTheRawAcknowledgement() async throws {
        let (driver, transport) = try await F.connected()
        let led = EF01Command.auraLed(control: 1, speed: 0x80, colour: 2, cycles: 0)
        transport.expect(led, .ack(0))
        transport.expect(.checkSensor, .ack(0x29))
        #expect(try await driver.send(led) == EF01Acknowledgement(code: 0))
        #expect(try await driver.send(.checkSensor).error == .sensorFault)
    }

    @Test func sendRefusesCommandsWithADataPhase() async throws {
        let (driver, transport) = try await F.connected()
        for command: EF01Command in [.upChar(buffer: 1), .downChar(buffer: 1), .upImage, .downImage] {
            guard case .protocolViolation = await F.error({ try await driver.send(command) }) else {
                Issue.record("\(command) should be refused")
                continue
            }
        }
        #expect(transport.received == [.readSysPara])
    }
}
