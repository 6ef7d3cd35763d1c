/// The words on the door screen (`/kiosk`): the card after a scan and the status strip. Short,
/// readable from a metre away; the full sentences stay in ``KioskFeedback`` for logs and voice.
public enum DoorScreenText: Hashable, Sendable {
    case prompt
    case checkIn
    case checkOut
    case recorded
    case onTime
    case late(minutes: Int)
    case earlyLeave(minutes: Int)
    case outsideWindow
    case thankYou
    /// A second scan inside the duplicate window; `at` is the earlier punch's local time.
    case alreadyRecorded(at: ClockTime?)
    case unknownFinger
    case unknownFace
    case unreadable
    case scannerFault
    case recordFailed
    case storageFull
    case online
    case offline(backlog: Int)
    case clockUnsynced
    case storageLow
    case connecting
    case switchLanguage

    public func text(in language: KioskLanguage) -> String {
        switch language {
        case .indonesian: indonesian
        case .english: english
        }
    }

    private var indonesian: String {
        switch self {
        case .prompt: "Silakan tempelkan jari"
        case .checkIn: "Masuk"
        case .checkOut: "Pulang"
        case .recorded: "Tercatat"
        case .onTime: "Tepat waktu"
        case .late(let minutes): "Terlambat \(minutes) menit"
        case .earlyLeave(let minutes): "Pulang cepat \(minutes) menit"
        case .outsideWindow: "Di luar jam absen"
        case .thankYou: "Terima kasih"
        case .alreadyRecorded(let time?): "Anda sudah absen pukul \(time)"
        case .alreadyRecorded(nil): "Anda sudah absen"
        case .unknownFinger: "Jari tidak dikenali, coba lagi"
        case .unknownFace: "Wajah tidak dikenali, coba lagi"
        case .unreadable: "Kurang jelas, silakan ulangi"
        case .scannerFault: "Pemindai bermasalah — hubungi operator"
        case .recordFailed: "Absen GAGAL disimpan — ulangi atau hubungi operator"
        case .storageFull: "Penyimpanan penuh — hubungi operator"
        case .online: "Online"
        case .offline(let backlog) where backlog > 0: "Offline — \(backlog) data tersimpan, akan dikirim otomatis"
        case .offline: "Offline"
        case .clockUnsynced: "Jam belum sinkron"
        case .storageLow: "Penyimpanan hampir penuh — hubungi operator"
        case .connecting: "Menghubungkan…"
        case .switchLanguage: "English"
        }
    }

    private var english: String {
        switch self {
        case .prompt: "Please place your finger"
        case .checkIn: "In"
        case .checkOut: "Out"
        case .recorded: "Recorded"
        case .onTime: "On time"
        case .late(let minutes): "\(minutes) min late"
        case .earlyLeave(let minutes): "Left \(minutes) min early"
        case .outsideWindow: "Outside attendance hours"
        case .thankYou: "Thank you"
        case .alreadyRecorded(let time?): "You already checked in at \(time)"
        case .alreadyRecorded(nil): "You already checked in"
        case .unknownFinger: "Finger not recognised, try again"
        case .unknownFace: "Face not recognised, try again"
        case .unreadable: "Not clear, please try again"
        case .scannerFault: "Scanner problem — contact the operator"
        case .recordFailed: "Attendance NOT saved — try again or contact the operator"
        case .storageFull: "Storage full — contact the operator"
        case .online: "Online"
        case .offline(let backlog) where backlog == 1: "Offline — 1 record stored, will be sent automatically"
        case .offline(let backlog) where backlog > 0: "Offline — \(backlog) records stored, will be sent automatically"
        case .offline: "Offline"
        case .clockUnsynced: "Clock not synchronised"
        case .storageLow: "Storage almost full — contact the operator"
        case .connecting: "Connecting…"
        case .switchLanguage: "Bahasa Indonesia"
        }
    }

    /// Weekday names, Sunday first (JavaScript's `getUTCDay()` order).
    public static func weekdays(in language: KioskLanguage) -> [String] {
        switch language {
        case .indonesian: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]
        case .english: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        }
    }

    public static func months(in language: KioskLanguage) -> [String] {
        switch language {
        case .indonesian:
            ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
        case .english:
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        }
    }
}
