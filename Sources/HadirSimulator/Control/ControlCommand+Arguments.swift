extension ControlCommand {
    /// Refuses more than `max` arguments.
    static func expect(_ arguments: [String], max: Int, _ verb: String) -> Result<Void, ControlParseError> {
        arguments.count <= max ? .success(()) : .failure(ControlParseError("too many arguments for \(verb)"))
    }

    /// An optional `times` or `count`, 1 when absent.
    static func repeatCount(_ word: String?, name: String) -> Result<Int, ControlParseError> {
        guard let word else { return .success(1) }
        guard let value = Int(word), (1...maximumRepeat).contains(value) else {
            return .failure(ControlParseError("bad \(name) '\(word.prefix(40))': need 1...\(maximumRepeat)"))
        }
        return .success(value)
    }

    /// Optional seconds for `disconnect` and `wait-idle`.
    static func seconds(_ word: String?) -> Result<Double?, ControlParseError> {
        guard let word else { return .success(nil) }
        guard let value = Double(word), value.isFinite, value >= 0, value <= maximumSeconds else {
            return .failure(ControlParseError("bad seconds '\(word.prefix(40))': need 0...\(Int(maximumSeconds))"))
        }
        return .success(value)
    }
}
