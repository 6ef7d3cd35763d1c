import HadirCore

/// How the journal signs itself as it grows: a checkpoint every `every` punches, written in the
/// same transaction as the punch that reaches it, so a power cut never leaves one without the other.
public struct JournalCheckpointing: Sendable {
    public let signingKey: JournalSigningKey
    public let deviceSerial: String
    /// Punches between checkpoints (at least 1).
    public let every: Int64

    public init(signingKey: JournalSigningKey, deviceSerial: String, every: Int) {
        self.signingKey = signingKey
        self.deviceSerial = deviceSerial
        self.every = Int64(max(1, every))
    }

    /// True when the punch at `seq` is due a checkpoint after the one at `lastCheckpointSeq`.
    func isDue(seq: Int64, lastCheckpointSeq: Int64?) -> Bool {
        seq - (lastCheckpointSeq ?? 0) >= every
    }

    func checkpoint(of punch: Punch, atMilliseconds: Int64) -> JournalCheckpoint {
        signingKey.checkpoint(deviceSerial: deviceSerial, seq: punch.seq, chainHash: punch.hash, atMilliseconds: atMilliseconds)
    }
}
