import HadirCore
import HadirSimulator
import Testing

@testable import HadirScanner

struct FaceScannerDriverIdentifyTests {
    typealias F = FaceDriverFixture

    @Test func anEnrolledFaceMatchesItsUserID() async throws {
        let (driver, transport) = try await F.opened(users: [F.user(7, face: 42)])
        transport.show(face: 42)

        #expect(try await driver.identify(within: .milliseconds(2500)) == .matched(slot: 7, score: 0))
        #expect(F.verifyTimeouts(transport) == [3])
        // The module reported the face while it looked.
        #expect(await driver.lastFaceState?.state == 0)
    }

    @Test func anUnknownFaceIsNotFound() async throws {
        let (driver, transport) = try await F.opened(users: [F.user(7, face: 42)])
        transport.show(face: 99)

        #expect(try await driver.identify(within: .seconds(3)) == .notFound)
    }

    @Test func noFaceBeforeTheTimeoutIsNoFinger() async throws {
        let (driver, transport) = try await F.opened(users: [F.user(7, face: 42)])

        #expect(try await driver.identify(within: .seconds(2)) == .noFinger)
        #expect(F.verifyTimeouts(transport) == [2])
        #expect(await driver.lastFaceState?.state == 1)
    }

    @Test func aFailedLivenessCheckIsUnreadable() async throws {
        let (driver, transport) = try await F.opened(users: [F.user(7, face: 42)])
        transport.arm(.liveness)
        transport.show(face: 42)

        #expect(try await driver.identify(within: .seconds(3)) == .unreadable(reason: "liveness check failed"))
    }

    @Test func otherFailuresAreModuleErrors() async throws {
        let (driver, transport) = try await F.opened()
        transport.rewrite { frame in
            FaceWire.isReply(frame, to: .verify) ? FaceWire.reply(.verify, .cameraFailure) : frame.encoded
        }

        #expect(await DriverFixture.error { try await driver.identify(within: .seconds(1)) } == .faceModule(.cameraFailure))
    }

    @Test(arguments: [
        (Duration.zero, UInt8(1)), (.milliseconds(1), 1), (.seconds(1), 1), (.milliseconds(1001), 2), (.seconds(255), 255),
        (.seconds(3600), 255), (.seconds(-4), 1),
    ])
    func theVerifyTimeoutIsWholeSecondsRoundedUp(duration: Duration, seconds: UInt8) {
        #expect(FaceScannerDriver.jobSeconds(duration) == seconds)
    }

    @Test func awaitReleasePausesOnceAndReportsTheFaceGone() async throws {
        let (driver, transport) = try await F.opened()

        #expect(try await driver.awaitRelease(timeout: .seconds(5)))
        #expect(try await driver.awaitRelease(timeout: .zero))
        // Nothing is asked of the module: a face is not lifted off a sensor.
        #expect(transport.commands.isEmpty)
    }
}
