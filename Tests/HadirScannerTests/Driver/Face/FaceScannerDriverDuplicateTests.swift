import HadirCore
import HadirSimulator
import Testing

@testable import HadirScanner

/// ENROLL_ITG refuses a face the module holds (0x0A); the driver must name its owner whatever the
/// firmware puts after the result.
struct FaceScannerDriverDuplicateTests {
    typealias F = FaceDriverFixture

    /// Rewrites the module's 0x0A refusals to carry `fields` after the result.
    static func refusals(carrying fields: [UInt8]) -> EmulatedFaceTransport.FrameRewrite {
        { frame in
            guard case .reply(let reply)? = FaceWire.message(frame), reply.result == .faceAlreadyEnrolled else { return frame.encoded }
            return FaceWire.reply(.enrollIntegrated, .faceAlreadyEnrolled, fields.isEmpty ? .none : .raw(fields))
        }
    }

    @Test func theOwnerIsTakenFromTheRefusalWhenTheModuleListsIt() async throws {
        let (driver, transport) = try await F.opened(users: [F.user(2, face: 9), F.user(3, face: 42)])
        transport.show(face: 42)
        let stages = StageRecorder()

        let capture = try await driver.enroll(label: "1", excludingSlots: [], progress: stages.record)

        #expect(capture == .alreadyEnrolled(slot: 3, score: 0))
        #expect(stages.recorded == [.faceDirection(.middle, step: 1, of: 5)])
        #expect(transport.commandIDs == [.enrollIntegrated, .getAllUserIDs])
        #expect(transport.module.users.count == 2)
    }

    @Test(arguments: [[], [0x00, 0x07, 0x1F], [0x03]])
    func withoutAListedOwnerInTheRefusalAVerifyNamesTheOwner(fields: [UInt8]) async throws {
        let (driver, transport) = try await F.opened(users: [F.user(2, face: 9), F.user(3, face: 42)])
        transport.rewrite(Self.refusals(carrying: fields))
        transport.show(face: 42)

        let capture = try await driver.enroll(label: "1", excludingSlots: [], progress: { _ in })

        #expect(capture == .alreadyEnrolled(slot: 3, score: 0))
        #expect(transport.commandIDs.last == .verify)
        #expect(F.verifyTimeouts(transport) == [3])
    }

    @Test func anOwnerNobodyCanNameLeavesTheRefusalStanding() async throws {
        let (driver, transport) = try await F.opened(users: [F.user(3, face: 42)])
        transport.rewrite(Self.refusals(carrying: []))
        transport.show(face: 42)
        transport.onCommand { command, module, now in
            // The person walked away before the driver could ask whose face it was.
            if command.id == .verify { module.hide(now: now) }
        }

        let error = await DriverFixture.error { try await driver.enroll(label: "1", excludingSlots: [], progress: { _ in }) }

        #expect(error == .faceModule(.faceAlreadyEnrolled))
    }
}
