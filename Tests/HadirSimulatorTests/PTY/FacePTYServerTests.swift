import Foundation
import HadirScanner
import HadirSimulator
import Testing

/// `hadir-sim --kind face` over a real pty: EFAA frames in, FACE_STATE notes and replies out,
/// the camera scripted through the control socket.
@Suite("Face PTY server", .serialized)
struct FacePTYServerTests {
    private func options(_ directory: String) -> SimulatorServerOptions {
        var options = SimulatorServerOptions()
        options.kind = .face
        options.stateDirectory = directory + "/state"
        options.linkPath = directory + "/ttyFace"
        options.controlPath = directory + "/ctl.sock"
        return options
    }

    /// Puts user 1 "Ani" (face 3) in `faces.json` before the server starts.
    private func seedAni(_ directory: String) throws {
        let user = FaceUserStore.User(userID: 1, name: "Ani", admin: false, face: 3)
        try FaceLibraryFile(directory: directory + "/state").save(FaceUserStore(users: [user]))
    }

    private let aniVerified = EFAAReply(
        command: .verify, result: .success, payload: .verified(EFAAUserInfo(userID: 1, name: "Ani"), unlockStatus: 1))

    @Test func verifyNamesALookedAtUserAndRejectsAnUnknownFace() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try seedAni(directory)
        let harness = try ServerHarness(options(directory))
        defer { harness.stop() }
        #expect(linkTarget(directory + "/ttyFace") == harness.server.initialSlavePath)
        let port = try FacePortClient(path: directory + "/ttyFace")
        let control = try ControlClient(path: directory + "/ctl.sock")
        #expect(try port.waitForReady().isEmpty)

        #expect(try control.command("look 3") == "ok")
        let recognised = try port.exchange(patientVerify)
        #expect(recognised.faceStateCount >= 1)
        #expect(recognised.reply == aniVerified)
        #expect(try control.command("wait-idle 30") == "ok")
        #expect(try control.command("status").contains(#""camera":{"state":"empty"}"#))

        #expect(try control.command("look 9") == "ok")
        let unknown = try port.exchange(patientVerify)
        #expect(unknown.faceStateCount >= 1)
        #expect(unknown.reply == EFAAReply(command: .verify, result: .rejected))
        #expect(try control.command("wait-idle 30") == "ok")

        // Two looks last for two decisions.
        #expect(try control.command("look 3 2") == "ok")
        #expect(try port.exchange(patientVerify).reply == aniVerified)
        #expect(try control.command("status").contains(#""camera":{"state":"looking","face":3,"remaining":1}"#))
        #expect(try port.exchange(patientVerify).reply == aniVerified)
        #expect(try control.command("wait-idle 30") == "ok")
    }

    @Test func aRestartSendsReadyInsteadOfAReplyAndTheLookWaitsForTheRetry() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try seedAni(directory)
        let harness = try ServerHarness(options(directory))
        defer { harness.stop() }
        let port = try FacePortClient(path: directory + "/ttyFace")
        let control = try ControlClient(path: directory + "/ctl.sock")
        try port.waitForReady()

        #expect(try control.command("fault restart") == "ok")
        #expect(try control.command("look 3") == "ok")
        try port.send(patientVerify)
        let beforeReady = try port.waitForReady()
        #expect(!beforeReady.isEmpty)
        #expect(beforeReady.allSatisfy { if case .note(.faceState) = $0 { true } else { false } })
        // The VERIFY died with the restart: the next reply answers the next command.
        let status = try port.exchange(.getStatus)
        #expect(status.reply == EFAAReply(command: .getStatus, result: .success, payload: .status(.standby)))
        #expect(status.notes.isEmpty)
        #expect(try control.command("status").contains(#""camera":{"state":"looking","face":3,"remaining":1}"#))

        #expect(try port.exchange(patientVerify).reply == aniVerified)
        #expect(try control.command("wait-idle 30") == "ok")
    }

    @Test func enrollsThroughEveryDirectionRefusesTheSameFaceAgainAndPersists() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let harness = try ServerHarness(options(directory))
            defer { harness.stop() }
            let port = try FacePortClient(path: directory + "/ttyFace")
            let control = try ControlClient(path: directory + "/ctl.sock")
            try port.waitForReady()

            #expect(try control.command("show 5") == "ok")
            var progress: [EFAAReply] = []
            for direction in EFAADirections.enrollmentOrder {
                progress.append(try port.exchange(integratedEnroll("Budi", direction)).reply)
            }
            #expect(progress.map(\.result) == Array(repeating: .success, count: 5))
            #expect(
                progress.map(\.payload) == [
                    .enrolled(userID: nil, directions: [.middle]),
                    .enrolled(userID: nil, directions: [.middle, .left]),
                    .enrolled(userID: nil, directions: [.middle, .left, .right]),
                    .enrolled(userID: nil, directions: [.middle, .left, .right, .up]),
                    .enrolled(userID: 1, directions: .all),
                ])

            let refused = try port.exchange(integratedEnroll("Citra", .middle)).reply
            #expect(refused.command == EFAACommandID.enrollIntegrated.rawValue)
            #expect(refused.result == .faceAlreadyEnrolled)
            #expect(try control.command("hide") == "ok")
            #expect(
                try control.command("library")
                    == #"ok {"count":1,"capacity":100,"users":[{"user_id":1,"name":"Budi","face":5,"admin":false}]}"#)
            let saved = try FaceLibraryFile(directory: directory + "/state").load()
            #expect(saved.users[1] == FaceUserStore.User(userID: 1, name: "Budi", admin: false, face: 5))
            #expect(saved.count == 1)
        }

        let harness = try ServerHarness(options(directory))
        defer { harness.stop() }
        let port = try FacePortClient(path: directory + "/ttyFace")
        let control = try ControlClient(path: directory + "/ctl.sock")
        try port.waitForReady()
        #expect(try port.exchange(.getAllUserIDs).reply.payload == .userIDs([1]))
        #expect(try control.command("look 5") == "ok")
        #expect(
            try port.exchange(patientVerify).reply
                == EFAAReply(command: .verify, result: .success, payload: .verified(EFAAUserInfo(userID: 1, name: "Budi"), unlockStatus: 1))
        )
    }

    @Test func replugPowerCyclesTheModule() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let harness = try ServerHarness(options(directory))
        defer { harness.stop() }
        let control = try ControlClient(path: directory + "/ctl.sock")
        let port = try FacePortClient(path: directory + "/ttyFace")
        try port.waitForReady()
        try port.send(patientVerify)
        let first = try port.nextMessage()
        #expect(first == .note(.faceState(EFAAFaceState(state: 1, left: 0, top: 0, right: 0, bottom: 0, yaw: 0, pitch: 0, roll: 0))))
        #expect(try control.command("status").contains(#""busy":true"#))

        #expect(try control.command("disconnect") == "ok")
        #expect(try control.command("status").contains(#""pty":null,"#))
        let reply = try control.command("reconnect")
        #expect(reply.hasPrefix("ok /dev/pts/"))
        #expect(linkTarget(directory + "/ttyFace") == String(reply.dropFirst(3)))
        let replugged = try FacePortClient(path: directory + "/ttyFace")
        #expect(try replugged.waitForReady().isEmpty)
        #expect(try control.command("status").contains(#""busy":false"#))
        #expect(try replugged.exchange(.getStatus).reply.payload == .status(.standby))
    }

    @Test func controlCommandsOfTheOtherKindAndPendingLooksAreReported() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let harness = try ServerHarness(options(directory))
        defer { harness.stop() }
        let control = try ControlClient(path: directory + "/ctl.sock")
        #expect(try control.command("press 17").hasPrefix("error 'press' is a fingerprint-module command"))
        #expect(try control.command("fault checksum").hasPrefix("error unknown face-module fault 'checksum'"))
        #expect(try control.command("help").hasPrefix("ok show <face> | hide | look <face> [times]"))
        #expect(try control.command("fault liveness 2") == "ok")
        let status = try control.command("status")
        #expect(status.hasPrefix(#"ok {"pty":""#))
        #expect(status.contains(#""connected":true,"kind":"face","busy":false,"users":0,"commands":0,"#))
        #expect(status.contains(#""faults":{"liveness":2}"#))

        #expect(try control.command("look 4") == "ok")
        #expect(try control.command("wait-idle 0.2") == "error timeout: looks still pending")
        #expect(try control.command("hide") == "ok")
        #expect(try control.command("wait-idle") == "ok")
        #expect(try control.command("clear-library") == "ok")
        #expect(try control.command("library") == #"ok {"count":0,"capacity":100,"users":[]}"#)
    }
}
