import HadirDaemon
import HadirFuzzSupport

/// What every config outcome promises (DESIGN §6: validation fails fast with file:line:key and the
/// reason, on one line), and that parsing the same text twice gives the same outcome.
enum ConfigCheck {
    static let file = "fuzz.toml"

    static func check(_ source: String) {
        let first = outcome(source)
        let second = outcome(source)
        switch (first, second) {
        case (.success(let config), .success):
            checkConfiguration(config)
        case (.failure(let error), .failure(let again)):
            fuzzCheck(error == again, "the same text failed differently: \(error) / \(again)")
            checkError(error, source: source)
        default:
            fuzzCheck(false, "the same text once parsed and once failed")
        }
    }

    static func outcome(_ source: String) -> Result<HadirConfiguration, ConfigError> {
        Result { () throws(ConfigError) in try ConfigLoader.parse(source: source, file: file, environment: [:]) }
    }

    static func checkError(_ error: ConfigError, source: String) {
        let lineCount = source.utf8.filter { $0 == 0x0A }.count + 1
        fuzzCheck(error.file == file, "error names file \(error.file)")
        if let line = error.line { fuzzCheck((1...lineCount).contains(line), "error line \(line) of a \(lineCount)-line text: \(error)") }
        if let key = error.key { fuzzCheck(!key.isEmpty, "error with an empty key: \(error)") }
        fuzzCheck(!error.reason.isEmpty, "error without a reason")
        fuzzCheck(
            !error.description.contains("\n") && !error.description.contains("\r"),
            "error spans lines: \(error.description.debugDescription)")
    }

    /// A configuration that parsed obeys the rules `finish` enforces.
    static func checkConfiguration(_ config: HadirConfiguration) {
        fuzzCheck(!config.scanners.isEmpty, "no scanner")
        for scanner in config.scanners {
            fuzzCheck(
                scanner.reconnectMinimumMilliseconds <= scanner.reconnectMaximumMilliseconds, "scanner \(scanner.name) reconnect range")
        }
        fuzzCheck(Set(config.scanners.map(\.kind.modality)).count == config.scanners.count, "two scanners of one modality")
        fuzzCheck(config.uplinks.allSatisfy { !$0.url.isEmpty }, "an uplink without url")
        fuzzCheck(Set(config.uplinks.map(\.name)).count == config.uplinks.count, "two uplinks of one name")
        fuzzCheck(config.control.listen == nil || !config.control.token.isEmpty, "LAN control API without a token")
    }
}
