import Foundation
import GRDB

/// One row of `salvaged_punches`: where the journal row `seq` was copied from.
struct SalvagedPunchRow: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "salvaged_punches"

    var seq: Int64
    var sourceFile: String
    var originalSeq: Int64
    var originalHash: Data
    var originalCorrectsSeq: Int64?
    var salvagedMilliseconds: Int64

    enum CodingKeys: String, CodingKey {
        case seq
        case sourceFile = "source_file"
        case originalSeq = "original_seq"
        case originalHash = "original_hash"
        case originalCorrectsSeq = "original_corrects_seq"
        case salvagedMilliseconds = "salvaged_ms"
    }
}
