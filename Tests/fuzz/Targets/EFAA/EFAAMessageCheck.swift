import HadirFuzzSupport
import HadirScanner

/// Both directions' message parsers on any frame: a value or a typed error, and whatever the
/// encoder makes of a parsed value is read back as exactly that encoding (names and texts are
/// normalised once: cut to their field, invalid UTF-8 shown as U+FFFD).
enum EFAAMessageCheck {
    static func check(_ frame: EFAAFrame) {
        if let message = try? EFAAMessage(frame: frame) {
            checkMessage(message)
        }
        if let command = try? EFAACommand(frame: frame) {
            checkCommand(command)
        }
    }

    static func checkMessage(_ message: EFAAMessage) {
        guard let encoded = try? message.frame() else {
            fuzzCheck(false, "parsed message \(message) cannot be encoded")
            return
        }
        guard let reread = try? EFAAMessage(frame: encoded) else {
            fuzzCheck(false, "the encoding of \(message) does not parse")
            return
        }
        fuzzCheck((try? reread.frame()) == encoded, "\(message) is not stable: encoded, parsed and encoded again it changes")
    }

    static func checkCommand(_ command: EFAACommand) {
        let encoded = command.frame
        guard let reread = try? EFAACommand(frame: encoded) else {
            fuzzCheck(false, "the encoding of \(command) does not parse")
            return
        }
        fuzzCheck(reread.frame == encoded, "\(command) is not stable: encoded, parsed and encoded again it changes")
    }

    /// The one-frame reader (replies read in one piece, recorded vectors): exactly one frame or an error.
    static func checkWholeFrame(_ bytes: [UInt8]) {
        guard let frame = try? EFAAFrame.decode(bytes) else { return }
        fuzzCheck(frame.encoded == bytes, "EFAAFrame.decode accepted bytes that are not exactly one frame")
    }
}
