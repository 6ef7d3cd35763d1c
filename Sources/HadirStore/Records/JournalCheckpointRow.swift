import Foundation
import GRDB
import HadirCore

/// One row of `journal_checkpoints`, converted to ``HadirCore/JournalCheckpoint`` at the edge.
struct JournalCheckpointRow: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "journal_checkpoints"

    var seq: Int64
    var deviceSerial: String
    var chainHash: Data
    var signature: Data
    var signedMilliseconds: Int64

    enum CodingKeys: String, CodingKey {
        case seq
        case deviceSerial = "device_serial"
        case chainHash = "chain_hash"
        case signature
        case signedMilliseconds = "signed_ms"
    }

    enum Columns {
        static let seq = Column(CodingKeys.seq)
    }

    init(_ checkpoint: JournalCheckpoint) {
        seq = checkpoint.seq
        deviceSerial = checkpoint.deviceSerial
        chainHash = Data(checkpoint.chainHash)
        signature = Data(checkpoint.signature)
        signedMilliseconds = checkpoint.signedAtMilliseconds
    }

    var checkpoint: JournalCheckpoint {
        JournalCheckpoint(
            deviceSerial: deviceSerial, seq: seq, chainHash: [UInt8](chainHash), signedAtMilliseconds: signedMilliseconds,
            signature: [UInt8](signature))
    }
}
