import HadirCore

/// One spoken outcome: a short WAV per language, named `<rawValue>.wav`.
public enum VoicePrompt: String, Sendable, CaseIterable {
    /// "Terima kasih".
    case punchRecorded = "punch-recorded"
    /// "Silakan ulangi": an image or face too poor to read.
    case tryAgain = "try-again"
    /// "Anda sudah absen".
    case alreadyRecorded = "already-recorded"
    /// "Jari tidak dikenali".
    case unknownFinger = "unknown-finger"
    /// "Wajah tidak dikenali".
    case unknownFace = "unknown-face"
    /// "Absen gagal disimpan, hubungi operator".
    case recordFailed = "record-failed"
    /// "Penyimpanan penuh, hubungi operator".
    case storageFull = "storage-full"
    /// "Pemindai bermasalah, hubungi operator".
    case scannerFault = "scanner-fault"

    /// The prompt an event is spoken with; nil for events the person at the kiosk does not need to
    /// hear (enrollment stages, clock and storage notices, lifecycle).
    public init?(event: FeedbackEvent.Kind) {
        switch event {
        case .punch: self = .punchRecorded
        case .unreadable: self = .tryAgain
        case .duplicate: self = .alreadyRecorded
        case .unknownFinger: self = .unknownFinger
        case .unknownFace: self = .unknownFace
        case .recordFailed: self = .recordFailed
        case .storageFull: self = .storageFull
        case .scannerDisconnected: self = .scannerFault
        case .enrollStage, .enrolled, .enrollRefused, .scannerConnected, .scannerRestarted, .clockUnsynced, .clockSynced,
            .clockBackwardJump, .storageLow, .storageRecovered, .databaseQuarantined, .usbExported, .usbExportFailed, .ready, .stopping:
            return nil
        }
    }

    /// The file name, the same in every language directory.
    public var fileName: String { rawValue + ".wav" }
}
