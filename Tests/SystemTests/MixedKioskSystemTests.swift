import Foundation
import HadirCore
import HadirDaemon
import HadirStore
import Testing

/// A mixed kiosk: hadird driving a fingerprint module and a face module at once, each a hadir-sim
/// on its own pty, all separate processes.
@Suite(.serialized) struct MixedKioskSystemTests {
    /// The `[scanner.face]` table for a face simulator.
    static func faceConfig(_ face: Simulator) -> String {
        """

        [scanner.face]
        kind = "fm225"
        path = "\(face.link)"
        identify_timeout_ms = 2000
        response_timeout_ms = 1000
        enroll_press_timeout_ms = 10000
        reconnect_min_ms = 100
        reconnect_max_ms = 400

        """
    }

    /// The face simulator's users as user id → virtual face.
    func faceLibrary(_ simulator: Simulator) throws -> [Int: Int] {
        let reply = try simulator.send("library")
        let json = try JSONSerialization.jsonObject(with: Data(reply.dropFirst(3).utf8))
        let users = (json as? [[String: Any]]) ?? ((json as? [String: Any])?["users"] as? [[String: Any]]) ?? []
        return Dictionary(
            uniqueKeysWithValues: users.compactMap { entry in
                guard let id = entry["user_id"] as? Int, let face = entry["face"] as? Int else { return nil }
                return (id, face)
            })
    }

    @Test func faceAndFingerPunchesShareOnePersonAndOneDedupeWindow() throws {
        let dir = try TemporaryDirectory("mixed")
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.path + "/finger", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.path + "/face", withIntermediateDirectories: true)
        let finger = try Simulator(directory: dir.path + "/finger")
        defer { finger.stop() }
        let face = try Simulator(directory: dir.path + "/face", extraArguments: ["--kind", "face"])
        defer { face.stop() }
        let state = dir.path + "/state"
        let daemon = try DaemonUnderTest(stateDirectory: state, scannerPath: finger.link, extraConfig: Self.faceConfig(face))
        try daemon.waitForEvent(.scannerConnected, count: 2)

        // Siti enrolls a finger and a face: one of each is allowed.
        #expect(try daemon.enroll(pin: "1001", name: "Siti", finger: 11, simulator: finger).status == .enrolled)
        let sitiFace = try daemon.enrollFace(pin: "1001", name: "Siti", face: 7, simulator: face)
        #expect(sitiFace.status == .enrolled)
        #expect(sitiFace.modality == .face)
        let faceID = try #require(sitiFace.slot)
        #expect(try faceLibrary(face) == [Int(faceID): 7])
        // Every direction was asked for, in order, in Bahasa Indonesia.
        let prompts = daemon.events.filter { $0.event == .enrollStage && ($0.detail ?? "").hasPrefix("face_") }.map(\.message)
        #expect(prompts.count == 5)
        #expect(prompts.contains { $0.hasPrefix("Hadapkan wajah ke kiri") })

        // Budi presents Siti's face: refused by the module's duplicate check, naming Siti.
        let stolen = try daemon.enrollFace(pin: "1002", name: "Budi", face: 7, simulator: face)
        #expect(stolen.status == .refused)
        #expect(stolen.ownerPin == "1001")
        #expect(stolen.message.contains("wajah ini sudah terdaftar atas nama Siti"))
        #expect(try faceLibrary(face) == [Int(faceID): 7])
        // Siti cannot have a second face.
        let second = try daemon.enrollFace(pin: "1001", name: "Siti", face: 8, simulator: face)
        #expect(second.status == .refused)

        // A face punch, then the same person's finger inside the window: one punch, one "already".
        try face.send("look 7")
        let facePunch = try daemon.waitForEvent(.punch)
        #expect(facePunch.pin == "1001")
        #expect(facePunch.verify == VerifyMethod.face.rawValue)
        #expect(facePunch.message.hasPrefix("Terima kasih, Siti"))
        try finger.send("tap 11")
        let repeated = try daemon.waitForEvent(.duplicate)
        #expect(repeated.pin == "1001")

        // An unknown face is an event, not a punch.
        try face.send("look 99")
        #expect(try daemon.waitForEvent(.unknownFace).message == "Wajah tidak dikenali")

        // The face module restarts in the middle of a VERIFY: surfaced, resynchronised, and the
        // next face still punches (Rahmat, who has only a face).
        #expect(try daemon.enrollFace(pin: "1003", name: "Rahmat", face: 9, simulator: face).status == .enrolled)
        try face.send("fault restart")
        let restart = try daemon.waitForEvent(.scannerRestarted)
        #expect(restart.detail == "face")
        try face.send("look 9")
        let afterRestart = try daemon.waitForEvent(.punch, count: 2)
        #expect(afterRestart.pin == "1003")
        #expect(afterRestart.verify == 15)

        // Status shows both modules and each employee's modalities.
        let status = try daemon.client.status()
        #expect(status.scanners.map(\.kind) == ["ef01", "fm225"])
        #expect(status.scanners.map(\.connected) == [true, true])
        #expect(status.scanners[1].moduleRestarts >= 1)
        #expect(status.faces == 2)
        let users = Dictionary(uniqueKeysWithValues: try daemon.client.users().map { ($0.pin, $0.modalities) })
        #expect(users["1001"] == ["fingerprint", "face"])
        #expect(users["1003"] == ["face"])
        #expect(users["1002"] == [])

        // Deleting Rahmat removes his face from the module too.
        try daemon.client.removeUser(pin: "1003")
        #expect(try faceLibrary(face) == [Int(faceID): 7])
        #expect(daemon.terminate() == 0)

        let database = try HadirDatabase.open(path: state + "/hadir.sqlite", readOnly: true)
        let journal = try database.punches(pin: nil, fromUTC: 0, toUTC: nil, limit: nil)
        #expect(journal.map(\.draft.verify) == [.face, .face])
        #expect(try database.verifyChain() == .intact(count: 2))
        let actions = try database.auditLog().map(\.action.rawValue)
        #expect(actions.contains("enroll-face"))
        #expect(actions.contains("enroll-refused"))
        #expect(try database.orphanFaces().isEmpty)
    }
}
