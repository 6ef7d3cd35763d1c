import HadirCore
import Testing

@testable import HadirScanner

struct ScannerDriverEnrollTests {
    typealias F = DriverFixture

    /// Scripts one good press into `buffer`: a no-finger poll, then a finger, then features.
    static func press(_ transport: ScriptedTransport, buffer: UInt8) {
        transport.expect(.genImg, .ack(0x02))
        transport.expect(.genImg, .ack(0))
        transport.expect(.img2Tz(buffer: buffer), .ack(0))
    }

    /// Scripts a lift: the finger is still there once, then gone.
    static func lift(_ transport: ScriptedTransport) {
        transport.expect(.genImg, .ack(0))
        transport.expect(.genImg, .ack(0x02))
    }

    @Test func enrollStoresInTheLowestFreeSlotAndReportsStagesInOrder() async throws {
        let (driver, transport) = try await F.connected(capacity: 200, packetSizeCode: 1)
        let template = F.template(810)
        Self.press(transport, buffer: 1)
        transport.expect(.search(buffer: 1, start: 0, count: 200), F.notFound)
        Self.lift(transport)
        Self.press(transport, buffer: 2)
        transport.expect(.regModel, .ack(0))
        transport.expect(.readIndexTable(page: 0), .ack(0, EF01IndexTable.bitmap(page: 0, slots: [0, 1, 2, 4])))
        transport.expect(.store(buffer: 1, slot: 3), .ack(0))
        transport.expect(.upChar(buffer: 1), F.upCharReply(template, packetSize: 64))

        let stages = StageRecorder()
        let capture = try await driver.enroll(progress: stages.record)
        #expect(capture == .stored(slot: 3, template: template))
        #expect(
            stages.recorded == [
                .placeFinger(press: 1, of: 2), .checkingDuplicate, .liftFinger, .placeFinger(press: 2, of: 2),
                .storing(slot: 3),
            ])
        #expect(transport.failures.isEmpty)
        #expect(transport.remainingSteps.isEmpty)
    }

    @Test func enrollRefusesAFingerAlreadyInTheLibrary() async throws {
        let (driver, transport) = try await F.connected()
        Self.press(transport, buffer: 1)
        transport.expect(.search(buffer: 1, start: 0, count: 200), .ack(0, [0, 7, 0, 88]))
        let stages = StageRecorder()
        let capture = try await driver.enroll(progress: stages.record)
        #expect(capture == .alreadyEnrolled(slot: 7, score: 88))
        #expect(stages.recorded == [.placeFinger(press: 1, of: 2), .checkingDuplicate])
        #expect(!transport.received.contains { $0.instruction == .store })
        #expect(transport.failures.isEmpty)
    }

    @Test func enrollAsksAgainWhenAPressIsUnreadable() async throws {
        let (driver, transport) = try await F.connected()
        transport.expect(.genImg, .ack(0))
        transport.expect(.img2Tz(buffer: 1), .ack(0x07))
        transport.expect(.genImg, .ack(0x02))  // lifted
        Self.press(transport, buffer: 1)
        transport.expect(.search(buffer: 1, start: 0, count: 200), F.notFound)
        Self.lift(transport)
        Self.press(transport, buffer: 2)
        transport.expect(.regModel, .ack(0))
        transport.expect(.readIndexTable(page: 0), .ack(0, EF01IndexTable.bitmap(page: 0, slots: [])))
        transport.expect(.store(buffer: 1, slot: 0), .ack(0))
        transport.expect(.upChar(buffer: 1), F.upCharReply(F.template(512), packetSize: 64))

        let stages = StageRecorder()
        let capture = try await driver.enroll(progress: stages.record)
        #expect(capture == .stored(slot: 0, template: F.template(512)))
        #expect(
            stages.recorded == [
                .placeFinger(press: 1, of: 2),
                .retryPress(press: 1, reason: EF01ModuleError.tooFewFeatures.description),
                .placeFinger(press: 1, of: 2), .checkingDuplicate, .liftFinger, .placeFinger(press: 2, of: 2),
                .storing(slot: 0),
            ])
        #expect(transport.failures.isEmpty)
    }

    /// Scripts press 1, the duplicate search (not found), the lift and press 2.
    static func bothPresses(_ transport: ScriptedTransport, capacity: UInt16 = 200) {
        press(transport, buffer: 1)
        transport.expect(.search(buffer: 1, start: 0, count: capacity), F.notFound)
        lift(transport)
        press(transport, buffer: 2)
    }

    @Test func enrollRestartsFromPressOneWhenThePressesDiffer() async throws {
        let (driver, transport) = try await F.connected()
        Self.bothPresses(transport)
        transport.expect(.regModel, .ack(0x0A))
        transport.expect(.genImg, .ack(0x02))  // lifted before starting over
        Self.bothPresses(transport)
        transport.expect(.regModel, .ack(0))
        transport.expect(.readIndexTable(page: 0), .ack(0, EF01IndexTable.bitmap(page: 0, slots: [0])))
        transport.expect(.store(buffer: 1, slot: 1), .ack(0))
        transport.expect(.upChar(buffer: 1), F.upCharReply(F.template(100), packetSize: 64))

        let stages = StageRecorder()
        let capture = try await driver.enroll(progress: stages.record)
        #expect(capture == .stored(slot: 1, template: F.template(100)))
        #expect(
            stages.recorded == [
                .placeFinger(press: 1, of: 2), .checkingDuplicate, .liftFinger, .placeFinger(press: 2, of: 2),
                .retryPress(press: 1, reason: EF01ModuleError.enrollMismatch.description),
                .placeFinger(press: 1, of: 2), .checkingDuplicate, .liftFinger, .placeFinger(press: 2, of: 2),
                .storing(slot: 1),
            ])
        #expect(transport.failures.isEmpty)
        #expect(transport.remainingSteps.isEmpty)
    }

    @Test func enrollGivesUpAfterThreeMismatchedAttempts() async throws {
        let (driver, transport) = try await F.connected()
        for attempt in 1...3 {
            Self.bothPresses(transport)
            transport.expect(.regModel, .ack(0x0A))
            if attempt < 3 { transport.expect(.genImg, .ack(0x02)) }
        }
        let stages = StageRecorder()
        #expect(await F.error { try await driver.enroll(progress: stages.record) } == .module(.enrollMismatch))
        #expect(stages.recorded.filter { if case .retryPress = $0 { true } else { false } }.count == 2)
        #expect(!transport.received.contains { $0.instruction == .store })
        #expect(transport.failures.isEmpty)
        #expect(transport.remainingSteps.isEmpty)
    }

    @Test func enrollReportsAFullLibrary() async throws {
        let (driver, transport) = try await F.connected(capacity: 10)
        Self.bothPresses(transport, capacity: 10)
        transport.expect(.regModel, .ack(0))
        // Bits beyond the capacity are not slots: the library is full even though bit 10 is clear.
        transport.expect(.readIndexTable(page: 0), .ack(0, EF01IndexTable.bitmap(page: 0, slots: Array(0..<10))))
        #expect(await F.error { try await driver.enroll(progress: { _ in }) } == .module(.libraryFull))
        #expect(!transport.received.contains { $0.instruction == .store })
        #expect(transport.failures.isEmpty)
    }

    @Test func enrollSkipsExcludedSlotsAndReadsOnlyTheNeededPages() async throws {
        let (driver, transport) = try await F.connected(capacity: 300)
        Self.bothPresses(transport, capacity: 300)
        transport.expect(.regModel, .ack(0))
        transport.expect(.readIndexTable(page: 0), .ack(0, EF01IndexTable.bitmap(page: 0, slots: Array(0..<255))))
        transport.expect(.readIndexTable(page: 1), .ack(0, EF01IndexTable.bitmap(page: 1, slots: [256])))
        transport.expect(.store(buffer: 1, slot: 258), .ack(0))
        transport.expect(.upChar(buffer: 1), F.upCharReply(F.template(1536), packetSize: 64))
        // 255 is free on the module but reserved (e.g. a pending re-enrollment); 257 likewise.
        let capture = try await driver.enroll(excludingSlots: [255, 257], progress: { _ in })
        #expect(capture == .stored(slot: 258, template: F.template(1536)))
        #expect(transport.failures.isEmpty)
        #expect(transport.remainingSteps.isEmpty)
    }

    @Test func enrollTimesOutWhenNoFingerArrives() async throws {
        var configuration = F.fast
        configuration.enrollPressTimeout = .milliseconds(30)
        let (driver, transport) = try await F.connected(configuration: configuration)
        transport.expect(.genImg, .ack(0x02), times: 100_000)
        let stages = StageRecorder()
        guard case .timeout = await F.error({ try await driver.enroll(progress: stages.record) }) else {
            Issue.record("expected a timeout")
            return
        }
        #expect(stages.recorded == [.placeFinger(press: 1, of: 2)])
    }

    @Test func enrollTimesOutWhenTheFingerStaysOn() async throws {
        var configuration = F.fast
        configuration.enrollPressTimeout = .milliseconds(30)
        let (driver, transport) = try await F.connected(configuration: configuration)
        Self.press(transport, buffer: 1)
        transport.expect(.search(buffer: 1, start: 0, count: 200), F.notFound)
        transport.expect(.genImg, .ack(0), times: 100_000)
        guard case .timeout = await F.error({ try await driver.enroll(progress: { _ in }) }) else {
            Issue.record("expected a timeout")
            return
        }
    }

    @Test func storeFailureIsThrown() async throws {
        let (driver, transport) = try await F.connected()
        Self.bothPresses(transport)
        transport.expect(.regModel, .ack(0))
        transport.expect(.readIndexTable(page: 0), .ack(0, EF01IndexTable.bitmap(page: 0, slots: [])))
        transport.expect(.store(buffer: 1, slot: 0), .ack(0x18))
        #expect(await F.error { try await driver.enroll(progress: { _ in }) } == .module(.flashWriteError))
    }

    @Test func templateUploadUsesTheModulesPacketSize() async throws {
        let (driver, transport) = try await F.connected(packetSizeCode: 3)
        Self.bothPresses(transport)
        transport.expect(.regModel, .ack(0))
        transport.expect(.readIndexTable(page: 0), .ack(0, EF01IndexTable.bitmap(page: 0, slots: [])))
        transport.expect(.store(buffer: 1, slot: 0), .ack(0))
        transport.expect(.upChar(buffer: 1), F.upCharReply(F.template(1536), packetSize: 256))
        #expect(try await driver.enroll(progress: { _ in }) == .stored(slot: 0, template: F.template(1536)))
    }
}
