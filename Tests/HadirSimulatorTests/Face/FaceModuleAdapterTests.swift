import Foundation
import HadirScanner
import Testing

@testable import HadirSimulator

/// The server's face module with time advanced by hand: looks are charged per decision.
struct FaceModuleAdapterTests {
    /// Runs `body` on a face module whose state directory holds user 1 "Ani" (face 3).
    private func withModule(_ body: (inout FaceModuleAdapter) throws -> Void) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let users = FaceUserStore(users: [FaceUserStore.User(userID: 1, name: "Ani", admin: false, face: 3)])
        try FaceLibraryFile(directory: directory).save(users)
        var options = SimulatorServerOptions()
        options.kind = .face
        options.stateDirectory = directory
        var module = try FaceModuleAdapter(options: options)
        try body(&module)
    }

    /// Sends VERIFY at `now` and runs the module's timers up to `until`; returns the replies.
    private func verify(_ module: inout FaceModuleAdapter, at now: Int64, until: Int64) throws -> [EFAAReply] {
        var bytes = module.receive(EFAACommand.verify(EFAAVerifyRequest(timeoutSeconds: 5)).frame.encoded, now: now)
        while let due = module.nextDeadline, due <= until {
            bytes += module.tick(now: due)
        }
        return FaceModuleEmulatorTests.replies(try FaceModuleEmulatorTests.messages(bytes))
    }

    @Test func eachDecisionUsesOneLookWhateverItsResult() throws {
        try withModule { module in
            #expect(try module.perform(.look(face: 3, times: 3), now: 0).get().isEmpty)
            #expect(try verify(&module, at: 0, until: 1000).map(\.result) == [.success])
            #expect(module.camera.state == .looking(face: 3, remaining: 2))

            _ = try module.perform(.faceFault(.liveness, count: 1), now: 1000).get()
            #expect(try verify(&module, at: 1000, until: 2000).map(\.result) == [.livenessFailed])
            _ = try module.perform(.faceFault(.timeout, count: 1), now: 2000).get()
            #expect(try verify(&module, at: 2000, until: 10_000).map(\.result) == [.timeout])
            #expect(!module.hasPendingInput)
            // Nobody left in view: the next VERIFY runs out its time.
            #expect(try verify(&module, at: 10_000, until: 20_000).map(\.result) == [.timeout])
        }
    }

    @Test func aRestartOrAPowerCycleUsesNoLook() throws {
        try withModule { module in
            _ = try module.perform(.look(face: 3, times: 1), now: 0).get()
            _ = try module.perform(.faceFault(.restart, count: 1), now: 0).get()
            #expect(try verify(&module, at: 0, until: 1000).isEmpty)
            #expect(module.hasPendingInput)

            _ = module.receive(EFAACommand.verify(EFAAVerifyRequest(timeoutSeconds: 5)).frame.encoded, now: 2000)
            #expect(module.emulator.isBusy)
            #expect(try FaceModuleEmulatorTests.messages(module.powerCycle(now: 2100)) == [.note(.ready)])
            #expect(!module.emulator.isBusy)
            #expect(module.nextDeadline == nil)
            #expect(module.hasPendingInput)
            #expect(try verify(&module, at: 3000, until: 4000).map(\.result) == [.success])
            #expect(!module.hasPendingInput)
        }
    }

    @Test func fingerprintCommandsAreRefusedNotObeyed() throws {
        try withModule { module in
            guard case .failure(let error) = module.perform(.lift, now: 0) else {
                Issue.record("lift accepted by a face module")
                return
            }
            #expect(error.reason.contains("this simulator is a face module"))
        }
    }
}
