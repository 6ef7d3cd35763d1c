import HadirCore

/// One thing the kiosk said or noticed, as a structured record: printed as a JSON line, logged,
/// and streamed to control clients. `message` is the kiosk text in the configured language.
public struct FeedbackEvent: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case punch
        case duplicate
        case unknownFinger = "unknown_finger"
        case unknownFace = "unknown_face"
        case unreadable
        case recordFailed = "record_failed"
        case enrollStage = "enroll_stage"
        case enrolled
        case enrollRefused = "enroll_refused"
        case scannerConnected = "scanner_connected"
        case scannerDisconnected = "scanner_disconnected"
        case scannerRestarted = "scanner_restarted"
        /// The clock is not (or no longer) synchronised: the screen shows "Jam belum sinkron".
        case clockUnsynced = "clock_unsynced"
        /// Sync arrived; `detail` says from where and how many punches were corrected.
        case clockSynced = "clock_synced"
        /// The wall clock went back against the monotonic clock.
        case clockBackwardJump = "clock_backward_jump"
        /// A punch refused because the disk is full ("Penyimpanan penuh — hubungi operator").
        case storageFull = "storage_full"
        /// Free space crossed a `[storage]` threshold; `detail` says which and how much is left.
        case storageLow = "storage_low"
        /// Punches are stored again, or free space is back above the thresholds.
        case storageRecovered = "storage_recovered"
        /// The database was damaged at start and moved aside; `detail` names the kept file.
        case databaseQuarantined = "database_quarantined"
        /// `hadirctl export-usb` finished: "Data tersalin ke USB — aman dicabut"; `detail` lists the files.
        case usbExported = "usb_exported"
        /// `hadirctl export-usb` failed; `detail` says why.
        case usbExportFailed = "usb_export_failed"
        case ready
        case stopping
    }

    public var event: Kind
    public var message: String
    public var pin: String?
    public var name: String?
    public var seq: Int64?
    public var hash: String?
    public var localTime: String?
    public var classification: String?
    public var verify: UInt8?
    public var slot: UInt16?
    public var detail: String?
    /// Punches: minutes late or early (``PunchAssessment/minutesOff``), for "terlambat 5 menit".
    public var minutesOff: Int?
    /// Duplicates: the local time of the earlier punch ("Anda sudah absen pukul 07:12").
    public var previousLocalTime: String?
    /// The real-time clock (ms since the epoch) when the hub published the event, right after its
    /// commit: the door screen measures delivery against it.
    public var publishedAtMilliseconds: Int64?

    public init(
        event: Kind, message: String, pin: String? = nil, name: String? = nil, seq: Int64? = nil, hash: String? = nil,
        localTime: String? = nil, classification: String? = nil, verify: UInt8? = nil, slot: UInt16? = nil,
        detail: String? = nil, minutesOff: Int? = nil, previousLocalTime: String? = nil
    ) {
        self.event = event
        self.message = message
        self.pin = pin
        self.name = name
        self.seq = seq
        self.hash = hash
        self.localTime = localTime
        self.classification = classification
        self.verify = verify
        self.slot = slot
        self.detail = detail
        self.minutesOff = minutesOff
        self.previousLocalTime = previousLocalTime
    }

    enum CodingKeys: String, CodingKey {
        case event, message, pin, name, seq, hash, classification, verify, slot, detail
        case localTime = "local_time"
        case minutesOff = "minutes_off"
        case previousLocalTime = "previous_local_time"
        case publishedAtMilliseconds = "published_at_ms"
    }
}

extension Array where Element == UInt8 {
    /// Lowercase hex, for hashes in logs and JSON.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
