extension ControlCommand {
    /// The fingerprint module's own commands; nil when `verb` is not one of them.
    static func parseFingerprint(_ verb: String, _ arguments: [String]) -> Result<ControlCommand, ControlParseError>? {
        switch verb {
        case "place":
            return expect(arguments, max: 1, verb).flatMap { _ in finger(arguments.first, verb) }.map(
                ControlCommand.place)
        case "tap":
            return expect(arguments, max: 1, verb).flatMap { _ in finger(arguments.first, verb) }.map {
                .press($0, times: 1)
            }
        case "press":
            return expect(arguments, max: 2, verb).flatMap { _ in finger(arguments.first, verb) }.flatMap { finger in
                repeatCount(arguments.dropFirst().first, name: "times").map { .press(finger, times: $0) }
            }
        case "fault":
            guard let name = arguments.first else {
                return .failure(
                    ControlParseError(
                        "fault needs a kind: \(FaultKind.allCases.map(\.rawValue).joined(separator: "|"))"))
            }
            guard let kind = FaultKind(rawValue: name.lowercased()) else {
                return .failure(ControlParseError("unknown fault '\(name)'"))
            }
            return expect(arguments, max: 2, verb).flatMap { _ in
                repeatCount(arguments.dropFirst().first, name: "count").map { .fault(kind, count: $0) }
            }
        case "lift":
            return expect(arguments, max: 0, verb).map { _ in .lift }
        default:
            return nil
        }
    }

    private static func finger(_ word: String?, _ verb: String) -> Result<VirtualFinger, ControlParseError> {
        guard let word else { return .failure(ControlParseError("\(verb) needs a finger number")) }
        guard let id = Int(word), let finger = VirtualFinger(id: id) else {
            return .failure(ControlParseError("bad finger '\(word.prefix(40))': need 1...\(VirtualFinger.maximumID)"))
        }
        return .success(finger)
    }
}
