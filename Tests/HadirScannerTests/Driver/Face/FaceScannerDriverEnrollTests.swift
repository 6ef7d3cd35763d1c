import HadirCore
import HadirSimulator
import Synchronization
import Testing

@testable import HadirScanner

struct FaceScannerDriverEnrollTests {
    typealias F = FaceDriverFixture

    static let allDirections: [EnrollStage] = [
        .faceDirection(.middle, step: 1, of: 5), .faceDirection(.left, step: 2, of: 5), .faceDirection(.right, step: 3, of: 5),
        .faceDirection(.up, step: 4, of: 5), .faceDirection(.down, step: 5, of: 5),
    ]

    @Test func enrollCapturesEveryDirectionAndStoresTheFace() async throws {
        let (driver, transport) = try await F.opened(users: [F.user(1, face: 7)])
        transport.show(face: 42)
        let stages = StageRecorder()

        let capture = try await driver.enroll(label: "10042", excludingSlots: [2], progress: stages.record)

        // The module picks its own id (lowest free); excluded slots mean nothing to it.
        #expect(capture == .stored(slot: 2, template: []))
        #expect(stages.recorded == Self.allDirections)
        let requests = F.enrollRequests(transport)
        #expect(requests.map(\.direction) == EFAADirections.enrollmentOrder)
        #expect(requests.allSatisfy { !$0.allowDuplicate && $0.type == 0 && !$0.admin && $0.timeoutSeconds == 10 })
        #expect(requests.allSatisfy { $0.name == "10042" })
        #expect(transport.module.users.users[2] == F.user(2, face: 42, name: "10042"))
    }

    @Test func aLivenessFailureStartsOverFromTheMiddle() async throws {
        let (driver, transport) = try await F.opened()
        transport.arm(.liveness)
        transport.show(face: 42)
        let stages = StageRecorder()

        let capture = try await driver.enroll(label: "1", excludingSlots: [], progress: stages.record)

        #expect(capture == .stored(slot: 1, template: []))
        #expect(
            stages.recorded
                == [.faceDirection(.middle, step: 1, of: 5), .retryFace(.middle, reason: "liveness check failed")] + Self.allDirections)
        #expect(F.enrollRequests(transport).map(\.direction) == [.middle] + EFAADirections.enrollmentOrder)
    }

    @Test func aDirectionThatTimesOutStartsOverFromTheMiddle() async throws {
        let (driver, transport) = try await F.opened()
        transport.show(face: 42)
        let leftTurns = Counter()
        transport.onCommand { command, module, _ in
            // The person looks away the first time they are asked to turn left.
            if case .enrollIntegrated(let request) = command, request.direction == .left, leftTurns.next() == 1 {
                module.arm(.timeout)
            }
        }
        let stages = StageRecorder()

        let capture = try await driver.enroll(label: "1", excludingSlots: [], progress: stages.record)

        #expect(capture == .stored(slot: 1, template: []))
        #expect(
            stages.recorded
                == Array(Self.allDirections.prefix(2)) + [.retryFace(.left, reason: "timed out")] + Self.allDirections)
    }

    @Test func enrollGivesUpAfterTheConfiguredAttempts() async throws {
        let (driver, transport) = try await F.opened()
        transport.arm(.liveness, count: 3)
        transport.show(face: 42)
        let stages = StageRecorder()

        let error = await DriverFixture.error { try await driver.enroll(label: "1", excludingSlots: [], progress: stages.record) }

        #expect(error == .faceModule(.livenessFailed))
        let retry = EnrollStage.retryFace(.middle, reason: "liveness check failed")
        let middle = EnrollStage.faceDirection(.middle, step: 1, of: 5)
        #expect(stages.recorded == [middle, retry, middle, retry, middle])
        #expect(transport.module.users.count == 0)
    }

    @Test func aFullModuleRefusesTheFace() async throws {
        var module = FaceEmulatorConfiguration()
        module.capacity = 1
        let (driver, transport) = try await F.opened(users: [F.user(1, face: 7)], module: module)
        transport.show(face: 42)

        let error = await DriverFixture.error { try await driver.enroll(label: "1", excludingSlots: [], progress: { _ in }) }

        #expect(error == .faceModule(.storageFull))
    }
}

/// Counts calls from the transport's hook, which may run on any thread.
final class Counter: Sendable {
    private let value = Mutex(0)

    /// The count including this call.
    func next() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}
