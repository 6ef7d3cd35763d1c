import Foundation
import GRDB
import HadirCore

/// One row of `journal`, as stored. Converted to and from ``HadirCore/Punch`` at the edge so
/// that a bad value on disk becomes a ``StoreError`` instead of a trap.
struct JournalRow: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "journal"

    var seq: Int64
    var deviceSerial: String
    var pin: String
    var utcMilliseconds: Int64
    var zoneOffsetSeconds: Int64
    /// Stored as the bit pattern of the UInt64 (SQLite integers are signed 64-bit).
    var monotonicNanoseconds: Int64
    var bootID: String
    var clockQuality: String
    var verify: Int64
    var state: Int64
    var classification: String
    var correctsSeq: Int64?
    var previousHash: Data
    var hash: Data

    enum CodingKeys: String, CodingKey {
        case seq
        case deviceSerial = "device_serial"
        case pin
        case utcMilliseconds = "utc_ms"
        case zoneOffsetSeconds = "zone_offset_s"
        case monotonicNanoseconds = "monotonic_ns"
        case bootID = "boot_id"
        case clockQuality = "clock_quality"
        case verify
        case state
        case classification
        case correctsSeq = "corrects_seq"
        case previousHash = "prev_hash"
        case hash
    }

    enum Columns {
        static let seq = Column(CodingKeys.seq)
        static let pin = Column(CodingKeys.pin)
        static let utcMilliseconds = Column(CodingKeys.utcMilliseconds)
        static let correctsSeq = Column(CodingKeys.correctsSeq)
        static let hash = Column(CodingKeys.hash)
    }

    init(_ punch: Punch) {
        let draft = punch.draft
        seq = punch.seq
        deviceSerial = draft.deviceSerial
        pin = draft.pin.rawValue
        utcMilliseconds = draft.clock.utcMilliseconds
        zoneOffsetSeconds = Int64(draft.zoneOffsetSeconds)
        monotonicNanoseconds = Int64(bitPattern: draft.clock.monotonicNanoseconds)
        bootID = draft.clock.bootID
        clockQuality = draft.clock.quality.rawValue
        verify = Int64(draft.verify.rawValue)
        state = Int64(draft.state.rawValue)
        classification = draft.classification.rawValue
        correctsSeq = draft.correctsSeq
        previousHash = Data(punch.previousHash)
        hash = Data(punch.hash)
    }

    /// The domain punch, or ``StoreError/invalidRow(table:key:reason:)`` naming the bad column.
    func punch() throws(StoreError) -> Punch {
        func invalid(_ reason: String) -> StoreError {
            .invalidRow(table: Self.databaseTableName, key: "seq \(seq)", reason: reason)
        }
        let employee: EmployeePIN
        do { employee = try EmployeePIN(pin) } catch { throw invalid("pin: \(error)") }
        guard let zoneOffset = Int32(exactly: zoneOffsetSeconds) else {
            throw invalid("zone_offset_s \(zoneOffsetSeconds) is out of range")
        }
        guard let quality = ClockQuality(rawValue: clockQuality) else {
            throw invalid("unknown clock_quality \"\(clockQuality)\"")
        }
        guard let verifyMethod = UInt8(exactly: verify).flatMap(VerifyMethod.init(rawValue:)) else {
            throw invalid("unknown verify code \(verify)")
        }
        guard let punchState = UInt8(exactly: state).flatMap(PunchState.init(rawValue:)) else {
            throw invalid("unknown state code \(state)")
        }
        guard let punchClassification = PunchClassification(rawValue: classification) else {
            throw invalid("unknown classification \"\(classification)\"")
        }
        let clock = ClockReading(
            utcMilliseconds: utcMilliseconds, monotonicNanoseconds: UInt64(bitPattern: monotonicNanoseconds),
            bootID: bootID, quality: quality)
        let draft = PunchDraft(
            deviceSerial: deviceSerial, pin: employee, clock: clock, zoneOffsetSeconds: zoneOffset,
            verify: verifyMethod, state: punchState, classification: punchClassification, correctsSeq: correctsSeq)
        return Punch(seq: seq, draft: draft, previousHash: [UInt8](previousHash), hash: [UInt8](hash))
    }
}

/// The last link of the chain: all an append needs to read.
struct ChainTip: Decodable, FetchableRecord {
    var seq: Int64
    var hash: Data

    static func fetch(_ db: Database) throws -> ChainTip? {
        try JournalRow
            .select(JournalRow.Columns.seq, JournalRow.Columns.hash)
            .order(JournalRow.Columns.seq.desc)
            .asRequest(of: ChainTip.self)
            .fetchOne(db)
    }
}
