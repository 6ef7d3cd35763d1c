import HadirScanner
import HadirSimulator
import Testing

@Suite("R503 automatic instructions")
struct AutomaticInstructionTests {
    private func acks(_ bytes: [UInt8]) throws -> [EF01Acknowledgement] {
        try TestHost.packets(bytes).map { try EF01Acknowledgement(packet: $0) }
    }

    @Test func autoEnrollWithPressesAlreadyScheduledCompletesAtOnce() throws {
        var host = TestHost(.r503)
        host.module.press(try fingerNumber(17), times: 2)
        let replies = try host.send(
            .autoEnroll(slot: 4, allowOverwrite: false, allowDuplicate: false, reportSteps: false, requireLift: true))
        #expect(
            try replies.map { try EF01Acknowledgement(packet: $0) } == [
                EF01Acknowledgement(code: 0, data: [0x06, 0xF2])
            ])
        #expect(host.module.library[4] == (try fingerNumber(17)).template(size: 1536))
        #expect(!host.module.sensor.hasPendingPresses)
    }

    @Test func autoEnrollReportsEveryStepWhileWaitingForPressesAndTheLift() throws {
        var host = TestHost(.r503)
        let first = try host.send(
            .autoEnroll(slot: 0, allowOverwrite: false, allowDuplicate: false, reportSteps: true, requireLift: true))
        #expect(try first.map { try EF01Acknowledgement(packet: $0).data } == [[0x00, 0x00]])
        #expect(host.module.isAwaitingFinger)
        let placed = try acks(host.module.place(try fingerNumber(8)))
        #expect(placed.map(\.data) == [[0x01, 1], [0x02, 1]])
        let lifted = try acks(host.module.lift())
        #expect(lifted.map(\.data) == [[0x03, 1]])
        let second = try acks(host.module.place(try fingerNumber(8)))
        #expect(second.map(\.data) == [[0x01, 2], [0x02, 2], [0x04, 0xF0], [0x05, 0xF1], [0x06, 0xF2]])
        #expect(second.allSatisfy { $0.code == 0 })
        #expect(!host.module.isAwaitingFinger)
    }

    @Test func autoEnrollRefusesAFingerAlreadyEnrolledWith27() throws {
        var host = TestHost(.r503)
        try host.enroll(17, at: 1)
        host.module.press(try fingerNumber(17), times: 2)
        let ack = try host.ack(
            .autoEnroll(slot: 2, allowOverwrite: false, allowDuplicate: false, reportSteps: false, requireLift: true))
        #expect(ack == EF01Acknowledgement(code: 0x27, data: [0x05, 0xF1]))
        #expect(host.module.library[2] == nil)
    }

    @Test func autoEnrollAllowsADuplicateWhenAsked() throws {
        var host = TestHost(.r503)
        try host.enroll(17, at: 1)
        host.module.press(try fingerNumber(17), times: 2)
        #expect(
            try host.code(
                .autoEnroll(
                    slot: 2, allowOverwrite: false, allowDuplicate: true, reportSteps: false, requireLift: false)) == 0)
    }

    @Test func autoEnrollLegalityFailures() throws {
        var host = TestHost(.r503)
        try host.enroll(3, at: 1)
        #expect(
            try host.ack(
                .autoEnroll(
                    slot: 200, allowOverwrite: true, allowDuplicate: true, reportSteps: false, requireLift: false)
            ).code == 0x0B)
        #expect(
            try host.ack(
                .autoEnroll(
                    slot: 1, allowOverwrite: false, allowDuplicate: true, reportSteps: false, requireLift: false)
            ).code == 0x22)
        host.module.arm(.full)
        #expect(
            try host.ack(
                .autoEnroll(
                    slot: 2, allowOverwrite: false, allowDuplicate: true, reportSteps: false, requireLift: false)
            ).code == 0x1F)
    }

    @Test func autoEnrollTimesOutWith26WhenNoFingerComes() throws {
        var host = TestHost(.r503)
        #expect(
            try host.send(
                .autoEnroll(
                    slot: 0, allowOverwrite: false, allowDuplicate: false, reportSteps: false, requireLift: true)
            ).isEmpty)
        let timeout = try acks(host.module.expireAutomaticOperation())
        #expect(timeout == [EF01Acknowledgement(code: 0x26, data: [0x01, 1])])
        #expect(!host.module.isAwaitingFinger)
        #expect(host.module.expireAutomaticOperation().isEmpty)
    }

    @Test func autoEnrollWithAFingerThatNeverLiftsTimesOutAtTheLiftStep() throws {
        var host = TestHost(.r503)
        host.module.place(try fingerNumber(5))
        #expect(
            try host.send(
                .autoEnroll(
                    slot: 0, allowOverwrite: false, allowDuplicate: false, reportSteps: false, requireLift: true)
            ).isEmpty)
        #expect(try acks(host.module.expireAutomaticOperation()) == [EF01Acknowledgement(code: 0x26, data: [0x03, 2])])
    }

    @Test func aNewCommandCancelsAWaitingAutomaticOperation() throws {
        var host = TestHost(.r503)
        _ = try host.send(
            .autoEnroll(slot: 0, allowOverwrite: false, allowDuplicate: false, reportSteps: false, requireLift: true))
        #expect(try host.code(.handshake) == 0)
        #expect(!host.module.isAwaitingFinger)
        #expect(host.module.place(try fingerNumber(5)).isEmpty)
    }

    @Test func autoIdentifyFindsTheFingerOnceItIsPressed() throws {
        var host = TestHost(.r503)
        try host.enroll(17, at: 9)
        #expect(try host.send(.autoIdentify(securityLevel: 3, start: 0, count: 200, config: 0, retries: 1)).isEmpty)
        let found = try acks(host.module.press(try fingerNumber(17)))
        #expect(found.count == 1)
        #expect(try EF01SearchMatch(bytes: found[0].data) == EF01SearchMatch(slot: 9, score: 67))
    }

    @Test func autoIdentifyOfAnUnknownFingerAnswersFullLength09() throws {
        var host = TestHost(.r503)
        try host.enroll(17, at: 9)
        host.module.press(try fingerNumber(18))
        #expect(
            try host.ack(.autoIdentify(securityLevel: 3, start: 0, count: 200, config: 0, retries: 1))
                == EF01Acknowledgement(code: 0x09, data: [0, 0, 0, 0]))
    }

    @Test func autoIdentifyOnAnEmptyLibraryAnswers24AndTimesOutWith26() throws {
        var host = TestHost(.r503)
        #expect(try host.ack(.autoIdentify(securityLevel: 3, start: 0, count: 200, config: 0, retries: 1)).code == 0x24)
        try host.enroll(1, at: 0)
        _ = try host.send(.autoIdentify(securityLevel: 3, start: 0, count: 200, config: 0, retries: 1))
        #expect(
            try acks(host.module.expireAutomaticOperation()) == [EF01Acknowledgement(code: 0x26, data: [0, 0, 0, 0])])
    }
}
