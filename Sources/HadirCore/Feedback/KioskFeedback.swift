/// What the kiosk tells the person in front of it. Produced only after the punch is durable.
public enum KioskFeedback: Hashable, Sendable {
    case accepted(name: String, time: LocalDateTime, assessment: PunchAssessment)
    case alreadyRecorded(name: String)
    case unknownFinger
    case unreadableFinger
    case unknownFace
    /// A face the module would not accept (liveness failed, turned away): look again.
    case unreadableFace
    case enrollStage(EnrollStage)
    case enrolled(name: String, slot: UInt16)
    case enrollRefused(EnrollmentRefusal, ownerName: String?, modality: BiometricModality = .fingerprint)
    case scannerUnavailable
    /// The punch could not be made durable: the person must not walk away believing it counted.
    case recordFailed
    /// Nobody vouches for the clock (no NTP, no server time yet): punches are flagged unsynced.
    case clockUnsynchronized
    /// Sync arrived; punches taken before it were re-timed by correction rows.
    case clockSynchronized
    /// The wall clock went back by `seconds`; punches keep their order by seq.
    case clockJumpedBack(seconds: Int64)
    /// The disk is full: the punch was refused, not kept in memory (decision 0012).
    case storageFull
    /// Free space under the state directory fell below a configured threshold.
    case storageLow
    /// Punches are stored again after a full disk, or free space is back above the thresholds.
    case storageRecovered
    /// The database was damaged at start, moved aside and a fresh one started.
    case databaseQuarantined
    /// `hadirctl export-usb` wrote the month's files and unmounted the stick.
    case usbExported
    /// The USB export stopped part way; nothing is left under the final names.
    case usbExportFailed

    /// The sentence for the screen and the voice.
    public func text(in language: KioskLanguage = .indonesian) -> String {
        switch language {
        case .indonesian: indonesian
        case .english: english
        }
    }

    private var indonesian: String {
        switch self {
        case .accepted(let name, let time, let assessment):
            "Terima kasih, \(name) — \(Self.indonesianStatus(time.clockTime, assessment))"
        case .alreadyRecorded: "Anda sudah absen"
        case .unknownFinger: "Jari tidak dikenali"
        case .unreadableFinger: "Sidik jari kurang jelas, silakan ulangi"
        case .unknownFace: "Wajah tidak dikenali"
        case .unreadableFace: "Wajah tidak terbaca, hadapkan wajah ke kamera dan ulangi"
        case .enrollStage(let stage): Self.indonesianStage(stage)
        case .enrolled(let name, _): "Pendaftaran berhasil: \(name)"
        case .enrollRefused(let refusal, let ownerName, .face):
            switch refusal {
            case .employeeAlreadyHasFinger: "Ditolak: pegawai ini sudah punya satu wajah terdaftar"
            case .fingerOwnedByAnotherEmployee(let pin, _):
                "Ditolak: wajah ini sudah terdaftar atas nama \(ownerName ?? pin.rawValue) (\(pin))"
            case .fingerInUnownedSlot(let slot): "Ditolak: wajah ini ada di modul (id \(slot)) tanpa pemilik; hubungi teknisi"
            }
        case .enrollRefused(let refusal, let ownerName, .fingerprint):
            switch refusal {
            case .employeeAlreadyHasFinger: "Ditolak: pegawai ini sudah punya satu sidik jari terdaftar"
            case .fingerOwnedByAnotherEmployee(let pin, _):
                "Ditolak: jari ini sudah terdaftar atas nama \(ownerName ?? pin.rawValue) (\(pin))"
            case .fingerInUnownedSlot(let slot): "Ditolak: jari ini ada di slot \(slot) tanpa pemilik; hubungi teknisi"
            }
        case .scannerUnavailable: "Pemindai tidak tersedia, hubungi teknisi"
        case .recordFailed: "Absen GAGAL disimpan, silakan ulangi atau hubungi teknisi"
        case .clockUnsynchronized: "Jam belum sinkron"
        case .clockSynchronized: "Jam sudah sinkron"
        case .clockJumpedBack(let seconds): "Jam mundur \(seconds) detik"
        case .storageFull: "Penyimpanan penuh — hubungi operator"
        case .storageLow: "Penyimpanan hampir penuh — hubungi operator"
        case .storageRecovered: "Penyimpanan kembali normal"
        case .databaseQuarantined: "Basis data rusak telah diganti — hubungi operator"
        case .usbExported: "Data tersalin ke USB — aman dicabut"
        case .usbExportFailed: "Gagal menyalin ke USB — hubungi operator"
        }
    }

    private var english: String {
        switch self {
        case .accepted(let name, let time, let assessment):
            "Thank you, \(name) — \(Self.englishStatus(time.clockTime, assessment))"
        case .alreadyRecorded: "You have already checked in"
        case .unknownFinger: "Finger not recognised"
        case .unreadableFinger: "Fingerprint unclear, please try again"
        case .unknownFace: "Face not recognised"
        case .unreadableFace: "Face not read, look at the camera and try again"
        case .enrollStage(let stage): Self.englishStage(stage)
        case .enrolled(let name, _): "Enrolled: \(name)"
        case .enrollRefused(let refusal, let ownerName, .face):
            switch refusal {
            case .employeeAlreadyHasFinger: "Refused: this employee already has a face enrolled"
            case .fingerOwnedByAnotherEmployee(let pin, _):
                "Refused: this face is already enrolled for \(ownerName ?? pin.rawValue) (\(pin))"
            case .fingerInUnownedSlot(let slot): "Refused: this face is on the module (id \(slot)) with no owner"
            }
        case .enrollRefused(let refusal, let ownerName, .fingerprint):
            switch refusal {
            case .employeeAlreadyHasFinger: "Refused: this employee already has a finger enrolled"
            case .fingerOwnedByAnotherEmployee(let pin, _):
                "Refused: this finger is already enrolled for \(ownerName ?? pin.rawValue) (\(pin))"
            case .fingerInUnownedSlot(let slot): "Refused: this finger is in slot \(slot), which has no owner"
            }
        case .scannerUnavailable: "Scanner unavailable, call a technician"
        case .recordFailed: "Attendance NOT saved, please try again or call a technician"
        case .clockUnsynchronized: "Clock not synchronised"
        case .clockSynchronized: "Clock synchronised"
        case .clockJumpedBack(let seconds): "Clock went back \(seconds) s"
        case .storageFull: "Storage full — contact the operator"
        case .storageLow: "Storage almost full — contact the operator"
        case .storageRecovered: "Storage back to normal"
        case .databaseQuarantined: "Damaged database replaced — contact the operator"
        case .usbExported: "Data copied to USB — safe to remove"
        case .usbExportFailed: "Copying to USB failed — contact the operator"
        }
    }

    private static func indonesianStatus(_ time: ClockTime, _ assessment: PunchAssessment) -> String {
        switch assessment.classification {
        case .onTime: "Masuk \(time) (tepat waktu)"
        case .late: "Masuk \(time) (terlambat \(assessment.minutesOff) menit)"
        case .checkOut: "Pulang \(time)"
        case .earlyLeave: "Pulang \(time) (pulang cepat \(assessment.minutesOff) menit)"
        case .outsideWindow: "Tercatat \(time) (di luar jam absen)"
        }
    }

    private static func englishStatus(_ time: ClockTime, _ assessment: PunchAssessment) -> String {
        switch assessment.classification {
        case .onTime: "In \(time) (on time)"
        case .late: "In \(time) (\(assessment.minutesOff) min late)"
        case .checkOut: "Out \(time)"
        case .earlyLeave: "Out \(time) (\(assessment.minutesOff) min early)"
        case .outsideWindow: "Recorded \(time) (outside attendance hours)"
        }
    }

    private static func indonesianStage(_ stage: EnrollStage) -> String {
        switch stage {
        case .placeFinger(let press, let total) where press == 1: "Tempelkan jari (\(press)/\(total))…"
        case .placeFinger(let press, let total): "Tempelkan lagi (\(press)/\(total))…"
        case .liftFinger: "Angkat jari"
        case .retryPress(let press, _): "Gambar kurang jelas, tempelkan jari lagi (\(press))…"
        case .checkingDuplicate: "Memeriksa apakah jari sudah terdaftar…"
        case .storing(let slot): "Menyimpan sidik jari ke slot \(slot)…"
        case .faceDirection(let direction, let step, let total): "\(indonesianDirection(direction)) (\(step)/\(total))…"
        case .retryFace: "Wajah belum terbaca, kita ulangi dari awal…"
        }
    }

    private static func englishStage(_ stage: EnrollStage) -> String {
        switch stage {
        case .placeFinger(let press, let total) where press == 1: "Place your finger (\(press)/\(total))…"
        case .placeFinger(let press, let total): "Place it again (\(press)/\(total))…"
        case .liftFinger: "Lift your finger"
        case .retryPress(let press, _): "Image unclear, place your finger again (\(press))…"
        case .checkingDuplicate: "Checking whether this finger is already enrolled…"
        case .storing(let slot): "Storing the fingerprint in slot \(slot)…"
        case .faceDirection(let direction, let step, let total): "\(englishDirection(direction)) (\(step)/\(total))…"
        case .retryFace: "Face not read yet, starting again…"
        }
    }

    private static func indonesianDirection(_ direction: FaceDirection) -> String {
        switch direction {
        case .middle: "Hadapkan wajah lurus ke kamera"
        case .left: "Hadapkan wajah ke kiri"
        case .right: "Hadapkan wajah ke kanan"
        case .up: "Hadapkan wajah ke atas"
        case .down: "Hadapkan wajah ke bawah"
        }
    }

    private static func englishDirection(_ direction: FaceDirection) -> String {
        switch direction {
        case .middle: "Look straight at the camera"
        case .left: "Turn your face to the left"
        case .right: "Turn your face to the right"
        case .up: "Tilt your face up"
        case .down: "Tilt your face down"
        }
    }
}
