extension ADMSCommand {
    /// The `CMD=` token of this command's result line (reference §3 table).
    ///
    /// For unknown commands the token is derived from the text: the first word upper-cased, with
    /// `CLEAR_<WHAT>` for other CLEAR commands (as ZKTeco names `CLEAR PHOTO` → `CLEAR_PHOTO`) and
    /// `VERIFY SUM` for other VERIFY SUM tables.
    public var cmdToken: String {
        switch self {
        case .updateUser, .deleteUser, .updateFingerTemplate, .deleteFingerTemplates, .updateBiodata, .deleteBiodata,
            .queryAttendance, .queryUsers, .queryFingerTemplates:
            "DATA"
        case .clearLog: "CLEAR_LOG"
        case .clearData: "CLEAR_DATA"
        case .clearBiodata: "CLEAR_BIODATA"
        case .check: "CHECK"
        case .log: "LOG"
        case .verifySumAttendance: "VERIFY SUM"
        case .setOption: "SET OPTION"
        case .reloadOptions: "RELOAD OPTIONS"
        case .info: "INFO"
        case .reboot: "REBOOT"
        case .enrollFingerprint: "ENROLL_FP"
        case .refused(let command): command.rawValue
        case .unknown(let text): Self.unknownToken(Array(text.utf8)[...])
        }
    }

    /// `CMD=` for a command this parser does not know: the first word (letters, digits, `_` only,
    /// at most 32), `CLEAR_<second word>` for CLEAR, `VERIFY SUM` for VERIFY SUM, `UNKNOWN` when
    /// nothing usable is left.
    static func unknownToken(_ text: ArraySlice<UInt8>) -> String {
        var words = ADMSWordReader(text)
        func clean(_ word: ArraySlice<UInt8>?) -> String {
            let kept = (word ?? []).filter { ADMSBytes.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "_") }.prefix(32)
            return ADMSBytes.upper(kept[...])
        }
        let first = clean(words.nextWord())
        if first.isEmpty { return "UNKNOWN" }
        let second = clean(words.nextWord())
        if first == "CLEAR", !second.isEmpty { return first + "_" + second }
        if first == "VERIFY", second == "SUM" { return "VERIFY SUM" }
        return first
    }
}
