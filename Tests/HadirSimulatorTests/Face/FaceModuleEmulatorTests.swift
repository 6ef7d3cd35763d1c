import HadirScanner
import Testing

@testable import HadirSimulator

/// The face module emulator driven as the daemon will drive it: EFAA bytes in, EFAA bytes out,
/// time advanced by hand.
struct FaceModuleEmulatorTests {
    /// Sends `command` at `now` and returns every message the module sends back.
    static func send(_ command: EFAACommand, to module: inout FaceModuleEmulator, now: Int64) throws -> [EFAAMessage] {
        try messages(module.receive(command.frame.encoded, now: now))
    }

    /// Advances time to `until` one deadline at a time, collecting messages.
    static func run(_ module: inout FaceModuleEmulator, until: Int64) throws -> [EFAAMessage] {
        var output: [EFAAMessage] = []
        while let at = module.nextDeadline, at <= until {
            output += try messages(module.tick(now: at))
        }
        return output
    }

    static func messages(_ bytes: [UInt8]) throws -> [EFAAMessage] {
        var decoder = EFAAFrameDecoder()
        decoder.feed(bytes)
        var result: [EFAAMessage] = []
        while let frame = try decoder.next() { result.append(try EFAAMessage(frame: frame)) }
        #expect(decoder.bufferedByteCount == 0)
        return result
    }

    static func replies(_ messages: [EFAAMessage]) -> [EFAAReply] {
        messages.compactMap { if case .reply(let reply) = $0 { reply } else { nil } }
    }

    static func integrated(_ name: String, _ direction: EFAADirections, allowDuplicate: Bool = false) -> EFAACommand {
        .enrollIntegrated(EFAAIntegratedEnrollRequest(name: name, direction: direction, allowDuplicate: allowDuplicate, timeoutSeconds: 10))
    }

    /// Enrolls `face` as `name` through every direction; returns the final reply.
    static func enroll(_ face: Int, as name: String, into module: inout FaceModuleEmulator, at start: Int64) throws -> (EFAAReply, Int64) {
        var now = start
        var last: EFAAReply?
        module.show(face: face, now: now)
        for direction in EFAADirections.enrollmentOrder {
            _ = try send(integrated(name, direction), to: &module, now: now)
            now += 1000
            last = try replies(run(&module, until: now)).last
            if last?.result != .success { break }
        }
        module.hide(now: now)
        return (try #require(last), now)
    }

    @Test func powerOnSaysReady() throws {
        #expect(try Self.messages(FaceModuleEmulator().powerOn()) == [.note(.ready)])
    }

    @Test func verifyOfAnUnknownFaceIsRejectedAfterFaceStateNotes() throws {
        var module = FaceModuleEmulator()
        #expect(try Self.send(.verify(EFAAVerifyRequest(timeoutSeconds: 5)), to: &module, now: 0).count == 1)  // first FACE_STATE at once
        module.show(face: 7, now: 100)
        let messages = try Self.run(&module, until: 1000)
        let states = messages.compactMap { if case .note(.faceState(let state)) = $0 { state.state } else { nil } }
        #expect(states.first == 0)  // the face appeared before the second note
        #expect(Self.replies(messages) == [EFAAReply(command: .verify, result: .rejected)])
        #expect(!module.isBusy)
    }

    @Test func enrollThroughEveryDirectionThenVerify() throws {
        var module = FaceModuleEmulator()
        var now: Int64 = 0
        module.show(face: 11, now: now)
        var progress: [EFAAReplyPayload] = []
        for direction in EFAADirections.enrollmentOrder {
            _ = try Self.send(Self.integrated("198001012005011001", direction), to: &module, now: now)
            now += 1000
            progress += Self.replies(try Self.run(&module, until: now)).map(\.payload)
        }
        #expect(
            progress == [
                .enrolled(userID: nil, directions: [.middle]),
                .enrolled(userID: nil, directions: [.middle, .left]),
                .enrolled(userID: nil, directions: [.middle, .left, .right]),
                .enrolled(userID: nil, directions: [.middle, .left, .right, .up]),
                .enrolled(userID: 1, directions: .all),
            ])
        #expect(module.users.sortedIDs == [1])

        _ = try Self.send(.verify(EFAAVerifyRequest(timeoutSeconds: 5)), to: &module, now: now)
        let verified = Self.replies(try Self.run(&module, until: now + 1000))
        #expect(
            verified == [
                EFAAReply(
                    command: .verify, result: .success,
                    payload: .verified(EFAAUserInfo(userID: 1, name: "198001012005011001"), unlockStatus: 1))
            ])
    }

    @Test func aFaceEnrolledAlreadyIsRefusedNamingItsOwner() throws {
        var module = FaceModuleEmulator()
        let (first, after) = try Self.enroll(5, as: "Ani", into: &module, at: 0)
        #expect(first.payload == .enrolled(userID: 1, directions: .all))
        let (second, _) = try Self.enroll(5, as: "Budi", into: &module, at: after)
        #expect(second.result == .faceAlreadyEnrolled)
        #expect(second.payload == .raw([0x00, 0x01, EFAADirections.all.rawValue]))
        #expect(module.users.count == 1)
        // Duplicates allowed: the module stores a second copy.
        module.show(face: 5, now: 50_000)
        _ = try Self.send(.enrollSingle(EFAAEnrollRequest(name: "Budi", direction: .middle, timeoutSeconds: 5)), to: &module, now: 50_000)
        #expect(Self.replies(try Self.run(&module, until: 51_000)).first?.payload == .enrolled(userID: 2, directions: .middle))
    }

    @Test func timeoutLivenessAndRestartFaults() throws {
        var module = FaceModuleEmulator()
        let (_, now) = try Self.enroll(3, as: "Citra", into: &module, at: 0)
        module.show(face: 3, now: now)

        module.arm(.liveness)
        _ = try Self.send(.verify(EFAAVerifyRequest(timeoutSeconds: 5)), to: &module, now: now)
        #expect(Self.replies(try Self.run(&module, until: now + 1000)) == [EFAAReply(command: .verify, result: .livenessFailed)])

        module.arm(.timeout)
        _ = try Self.send(.verify(EFAAVerifyRequest(timeoutSeconds: 2)), to: &module, now: now + 2000)
        let timedOut = try Self.run(&module, until: now + 10_000)
        #expect(Self.replies(timedOut) == [EFAAReply(command: .verify, result: .timeout)])

        module.arm(.restart)
        _ = try Self.send(.verify(EFAAVerifyRequest(timeoutSeconds: 5)), to: &module, now: now + 20_000)
        let restarted = try Self.run(&module, until: now + 30_000)
        #expect(restarted.last == .note(.ready))
        #expect(Self.replies(restarted).isEmpty)
        #expect(!module.isBusy)
        // And it works again afterwards.
        _ = try Self.send(.verify(EFAAVerifyRequest(timeoutSeconds: 5)), to: &module, now: now + 40_000)
        #expect(Self.replies(try Self.run(&module, until: now + 41_000)).first?.result == .success)
    }

    @Test func busyModuleServesOnlyResetAndStatus() throws {
        var module = FaceModuleEmulator()
        _ = try Self.send(.verify(EFAAVerifyRequest(timeoutSeconds: 5)), to: &module, now: 0)
        #expect(
            Self.replies(try Self.send(.getAllUserIDs, to: &module, now: 10)) == [EFAAReply(command: .getAllUserIDs, result: .unknownError)]
        )
        #expect(
            Self.replies(try Self.send(.getStatus, to: &module, now: 20)) == [
                EFAAReply(command: .getStatus, result: .success, payload: .status(.busy))
            ])
        #expect(Self.replies(try Self.send(.reset, to: &module, now: 30)) == [EFAAReply(command: .reset, result: .success)])
        #expect(!module.isBusy)
        #expect(try Self.run(&module, until: 10_000).isEmpty)
    }

    @Test func libraryCommands() throws {
        var module = FaceModuleEmulator()
        var now: Int64 = 0
        for face in [1, 2, 3] {
            now = try Self.enroll(face, as: "P\(face)", into: &module, at: now).1
        }
        #expect(Self.replies(try Self.send(.getAllUserIDs, to: &module, now: now)).first?.payload == .userIDs([1, 2, 3]))
        #expect(
            Self.replies(try Self.send(.getUserInfo(2), to: &module, now: now)).first?.payload
                == .userInfo(EFAAUserInfo(userID: 2, name: "P2")))
        #expect(Self.replies(try Self.send(.deleteUser(2), to: &module, now: now)).first?.result == .success)
        #expect(Self.replies(try Self.send(.deleteUser(2), to: &module, now: now)).first?.result == .unknownUser)
        #expect(Self.replies(try Self.send(.getUserInfo(2), to: &module, now: now)).first?.result == .unknownUser)
        // The freed id is reused first.
        now = try Self.enroll(9, as: "P9", into: &module, at: now).1
        #expect(module.users.sortedIDs == [1, 2, 3])
        #expect(Self.replies(try Self.send(.deleteAll, to: &module, now: now)).first?.result == .success)
        #expect(module.users.count == 0)
        #expect(Self.replies(try Self.send(.getVersion, to: &module, now: now)).first?.payload == .text("hadir-sim FM225 1.0"))
        #expect(Self.replies(try Self.send(.getSerialNumber, to: &module, now: now)).first?.payload == .text("HADIRSIMFACE0001"))
    }

    @Test func storageFullIsReported() throws {
        var configuration = FaceEmulatorConfiguration()
        configuration.capacity = 1
        var module = FaceModuleEmulator(configuration: configuration)
        let (first, now) = try Self.enroll(1, as: "A", into: &module, at: 0)
        #expect(first.result == .success)
        #expect(try Self.enroll(2, as: "B", into: &module, at: now).0.result == .storageFull)
    }

    @Test func badHostFramesAreDroppedOrRefused() throws {
        var module = FaceModuleEmulator()
        var corrupt = EFAACommand.getStatus.frame.encoded
        corrupt[corrupt.count - 1] ^= 0xFF
        #expect(module.receive(corrupt, now: 0).isEmpty)
        #expect(module.framesDropped == 1)
        let unknown = try EFAAFrame(messageID: 0x55).encoded
        #expect(Self.replies(try Self.messages(module.receive(unknown, now: 0))) == [EFAAReply(command: 0x55, result: .invalidParameter)])
        let short = try EFAAFrame(messageID: 0x12, data: [0]).encoded
        #expect(Self.replies(try Self.messages(module.receive(short, now: 0))) == [EFAAReply(command: .verify, result: .invalidParameter)])
    }
}
