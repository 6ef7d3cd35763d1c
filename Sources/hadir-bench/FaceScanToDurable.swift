import Foundation
import HadirCore
import HadirDaemon
import HadirScanner
import HadirStore
import Logging

/// The face punch path minus the module: the VERIFY reply's bytes as the tty delivers them →
/// EFAA frame decoding → face id → owner in the store → PunchRecorder (verify 15) → COMMIT →
/// feedback. The module's own recognition and the 115200-baud transfer are excluded, like the
/// fingerprint figure excludes GenImg and Search.
struct FaceScanToDurable {
    let recorder: PunchRecorder
    let database: HadirDatabase
    let replyBytes: [UInt8]

    init(directory: String) async throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        database = try HadirDatabase.open(path: directory + "/hadir.sqlite")
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let employee = Employee(pin: try EmployeePIN("198501012010011002"), name: "Dewi")
        try database.upsertUser(employee, actor: "bench")
        try database.assignFace(pin: employee.pin, faceID: 7, replace: false, actor: "bench")
        let hub = FeedbackHub(printsLines: false, logger: logger)
        recorder = try PunchRecorder(
            database: database, clock: SystemClock(), profile: .bandungBarat, duplicateWindow: DuplicateWindow(seconds: 0),
            deviceSerial: "HDRBENCH", hub: hub, language: .indonesian, logger: logger,
            checkpointing: JournalCheckpointing(signingKey: JournalSigningKey(), deviceSerial: "HDRBENCH", every: 100))
        let reply = EFAAReply(
            command: .verify, result: .success,
            payload: .verified(EFAAUserInfo(userID: 7, name: employee.pin.rawValue, admin: false), unlockStatus: 1))
        replyBytes = try EFAAMessage.reply(reply).frame().encoded
    }

    func sample() async throws -> Double {
        let start = ContinuousClock.now
        var decoder = EFAAFrameDecoder()
        decoder.feed(replyBytes)
        guard let frame = try decoder.next(), case .reply(let reply) = try EFAAMessage(frame: frame),
            case .verified(let user, _) = reply.payload
        else { throw BenchError("the VERIFY reply did not decode") }
        guard let pin = try database.owner(ofFace: user.userID), let employee = try database.user(pin: pin) else {
            throw BenchError("face \(user.userID) has no employee")
        }
        let outcome = await recorder.record(employee, verify: .face, slot: user.userID)
        let seconds = elapsed(since: start)
        guard case .recorded = outcome else { throw BenchError("face punch not recorded: \(outcome)") }
        return seconds
    }
}
