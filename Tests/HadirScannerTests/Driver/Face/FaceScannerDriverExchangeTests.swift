import HadirCore
import HadirSimulator
import Testing

@testable import HadirScanner

/// How the driver reads a module that restarts, answers late, or sends garbage.
struct FaceScannerDriverExchangeTests {
    typealias F = FaceDriverFixture

    @Test func aRestartMidVerifyFailsThatVerifyOnly() async throws {
        let (driver, transport) = try await F.opened(users: [F.user(7, face: 42)])
        transport.arm(.restart)
        transport.show(face: 42)

        #expect(await DriverFixture.error { try await driver.identify(within: .seconds(5)) } == .moduleRestarted)
        #expect(await driver.diagnostics.restarts == 1)

        #expect(try await driver.identify(within: .seconds(5)) == .matched(slot: 7, score: 0))
        #expect(await driver.diagnostics.restarts == 1)
    }

    @Test func aRestartMidEnrollmentPropagates() async throws {
        let (driver, transport) = try await F.opened()
        transport.show(face: 42)
        transport.onCommand { command, module, _ in
            if case .enrollIntegrated(let request) = command, request.direction == .right { module.arm(.restart) }
        }

        let error = await DriverFixture.error { try await driver.enroll(label: "1", excludingSlots: [], progress: { _ in }) }

        #expect(error == .moduleRestarted)
        #expect(transport.module.users.count == 0)
    }

    @Test func aReadyBetweenCommandsIsCountedNotFatal() async throws {
        let (driver, transport) = try await F.opened(users: [F.user(7, face: 42)])
        transport.inject(FaceWire.ready)
        transport.show(face: 42)

        #expect(try await driver.identify(within: .seconds(5)) == .matched(slot: 7, score: 0))
        #expect(await driver.diagnostics.restarts == 1)
    }

    @Test func aReadyAnnouncingOurResetIsNoRestart() async throws {
        let transport = EmulatedFaceTransport()
        transport.rewrite { frame in
            FaceWire.isReply(frame, to: .reset) ? frame.encoded + FaceWire.ready : frame.encoded
        }
        let driver = FaceScannerDriver(transport: transport, configuration: F.configuration)

        _ = try await driver.open()
        #expect(try await driver.list() == [])

        #expect(await driver.diagnostics.restarts == 0)
    }

    @Test func staleRepliesGarbageAndCorruptFramesAreSkipped() async throws {
        let (driver, transport) = try await F.opened(users: [F.user(7, face: 42)])
        let garbage: [UInt8] = [0x00, 0x55, 0xEF, 0x13]
        // Left on the line before the command: drained.
        transport.inject(garbage + FaceWire.reply(.getVersion, .success, .text("late")) + [0xEF, 0xAA, 0x00])
        // Around the answer itself: skipped while waiting for it.
        transport.rewrite { frame in
            guard FaceWire.isReply(frame, to: .verify) else { return frame.encoded }
            let stale = FaceWire.reply(.getStatus, .success, .status(.standby))
            return garbage + FaceWire.corrupted(stale) + stale + frame.encoded + garbage
        }
        transport.show(face: 42)

        #expect(try await driver.identify(within: .seconds(5)) == .matched(slot: 7, score: 0))

        let diagnostics = await driver.diagnostics
        #expect(diagnostics.staleReplies == 2)
        #expect(diagnostics.frameErrors == 1)
        #expect(diagnostics.discardedBytes >= 2 * garbage.count + 3)
        #expect(diagnostics.restarts == 0)
        #expect(diagnostics.timeouts == 0)
        #expect(try await driver.list() == [7])
    }

    @Test func aCorruptFrameWithoutAValidReplyIsAFrameError() async throws {
        let (driver, transport) = try await F.opened()
        transport.rewrite { frame in
            FaceWire.isReply(frame, to: .getAllUserIDs) ? FaceWire.corrupted(frame.encoded) : frame.encoded
        }

        let error = await DriverFixture.error { try await driver.list() }

        guard case .faceFrame(.badParity) = error else {
            Issue.record("expected a parity error, got \(String(describing: error))")
            return
        }
        #expect(transport.commandIDs == [.getAllUserIDs, .reset])
        #expect(await driver.diagnostics.frameErrors == 1)
    }

    @Test func aReplyBreakingItsLayoutFailsAtOnce() async throws {
        let (driver, transport) = try await F.opened()
        transport.rewrite { frame in
            // Three ids announced, one sent.
            FaceWire.isReply(frame, to: .getAllUserIDs) ? FaceWire.reply(.getAllUserIDs, .success, .raw([3, 0, 1])) : frame.encoded
        }

        let error = await DriverFixture.error { try await driver.list() }

        #expect(error == .faceFrame(.badLength(what: "getAllUserIDs reply", expected: 9, received: 5)))
        #expect(transport.commandIDs == [.getAllUserIDs])
    }

    @Test func aVerifyNeverAnsweredTimesOutAndResetsTheModule() async throws {
        var configuration = F.configuration
        configuration.jobReplyGuard = .milliseconds(200)
        let (driver, transport) = try await F.opened(users: [F.user(7, face: 42)], configuration: configuration)
        transport.rewrite { frame in FaceWire.isReply(frame, to: .verify) ? [] : frame.encoded }

        #expect(await DriverFixture.error { try await driver.identify(within: .seconds(1)) } == .timeout(operation: "VERIFY"))
        #expect(transport.commandIDs == [.verify, .reset])
        #expect(await driver.diagnostics.timeouts == 1)
        // The next command is not confused by anything the failed one left.
        transport.rewrite(nil)
        transport.show(face: 42)
        #expect(try await driver.identify(within: .seconds(30)) == .matched(slot: 7, score: 0))
    }

    @Test func cancellingAVerifyStopsTheModulesJob() async throws {
        let (driver, transport) = try await F.opened()
        // The module goes quiet, so the VERIFY waits in real time until it is cancelled.
        transport.rewrite { _ in [] }
        let identify = Task { try await driver.identify(within: .seconds(60)) }
        while !transport.commandIDs.contains(.verify) { try await Task.sleep(for: .milliseconds(5)) }

        identify.cancel()

        #expect(await DriverFixture.error { try await identify.value } == .cancelled)
        #expect(transport.commandIDs == [.verify, .reset])
        #expect(!transport.module.isBusy)
    }
}
