import HadirCore
import HadirStore
import Logging

/// The daemon's tamper evidence: the device key that signs checkpoints, and what the start-up
/// check of the rows since the last checkpoint found.
public struct JournalIntegrity: Sendable {
    public let checkpointing: JournalCheckpointing
    /// "intact", "never signed", or the first break the start-up check found.
    public let atStart: String
    public let brokenAtStart: Bool

    /// Loads (or creates) the device key and checks what may have changed while hadird was down.
    ///
    /// A broken journal does not stop the kiosk (people must still punch); it is logged as
    /// critical, recorded as a `journal_tampered` event and shown in status.
    static func start(
        configuration: HadirConfiguration, serial: String, database: HadirDatabase, logger: Logger
    ) throws -> JournalIntegrity {
        let key = try DeviceSigningKey.loadOrCreate(path: configuration.signingKeyPath, publicPath: configuration.publicKeyPath)
        let checkpointing = JournalCheckpointing(signingKey: key, deviceSerial: serial, every: configuration.journal.checkpointEvery)
        guard let report = try database.auditJournalTail(publicKey: key.publicKey) else {
            return JournalIntegrity(checkpointing: checkpointing, atStart: "never signed", brokenAtStart: false)
        }
        guard let broken = report.firstBreak else {
            logger.info(
                "journal tail verified",
                metadata: ["last_checkpoint_seq": "\(report.lastCheckpointSeq ?? 0)", "unsigned": "\(report.unsignedPunches)"])
            return JournalIntegrity(checkpointing: checkpointing, atStart: "intact", brokenAtStart: false)
        }
        let summary = "broken at seq \(broken.firstBadSeq): \(broken)"
        logger.critical(
            "the journal was changed outside hadird", metadata: ["first_bad_seq": "\(broken.firstBadSeq)", "reason": "\(broken)"])
        try? database.recordScanEvent(
            kind: "journal_tampered", pin: nil, slot: nil, detail: summary, atMilliseconds: HadirDatabase.systemMilliseconds())
        return JournalIntegrity(checkpointing: checkpointing, atStart: summary, brokenAtStart: true)
    }

    /// Signs the last punch at shutdown, so the next start checks nothing unsigned.
    func checkpointAtShutdown(_ database: HadirDatabase, logger: Logger) {
        do {
            if let checkpoint = try database.checkpointTip(checkpointing) {
                logger.info("journal checkpoint signed at shutdown", metadata: ["seq": "\(checkpoint.seq)"])
            }
        } catch {
            logger.error("journal checkpoint at shutdown failed", metadata: ["error": "\(error)"])
        }
    }

    /// Status for `GET /v1/status`.
    func status(database: HadirDatabase) throws -> JournalStatus {
        let last = try database.lastCheckpoint()
        let tip = try database.lastPunch()?.seq ?? 0
        return JournalStatus(
            checkpointEvery: Int(checkpointing.every), lastCheckpointSeq: last?.seq, unsignedPunches: tip - (last?.seq ?? 0),
            publicKeyFingerprint: checkpointing.signingKey.publicKey.fingerprint, atStart: atStart)
    }
}

/// The journal's tamper-evidence state in `GET /v1/status`.
public struct JournalStatus: Codable, Sendable, Hashable {
    public var checkpointEvery: Int
    public var lastCheckpointSeq: Int64?
    /// Punches after the last checkpoint: chained, not yet signed.
    public var unsignedPunches: Int64
    public var publicKeyFingerprint: String
    /// What the start-up check found: "intact", "never signed" or "broken at seq N: …".
    public var atStart: String

    enum CodingKeys: String, CodingKey {
        case checkpointEvery = "checkpoint_every"
        case lastCheckpointSeq = "last_checkpoint_seq"
        case unsignedPunches = "unsigned_punches"
        case publicKeyFingerprint = "public_key_fingerprint"
        case atStart = "at_start"
    }
}
