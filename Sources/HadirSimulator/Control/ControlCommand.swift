/// One line of the simulator's control language (stdin or the control socket).
///
/// Every command gets exactly one reply line, `ok…` or `error <reason>`.
public enum ControlCommand: Hashable, Sendable {
    /// `place <finger>`: rest a finger on the sensor until `lift`.
    case place(VirtualFinger)
    /// `lift`: remove the finger and cancel pending presses.
    case lift
    /// `press <finger> [times]` (default 1) or `tap <finger>`: separate presses with a lift
    /// between each.
    case press(VirtualFinger, times: Int)
    /// `fault <kind> [count]` (default 1).
    case fault(FaultKind, count: Int)
    /// `disconnect [seconds]`: unplug; re-plug after `seconds`, or only on `reconnect`.
    case disconnect(seconds: Double?)
    /// `reconnect`: plug back in now.
    case reconnect
    /// `status`: `ok {json}`.
    case status
    /// `library`: `ok {json}` describing stored slots.
    case library
    /// `wait-idle [seconds]`: reply once no press is pending (error on timeout).
    case waitIdle(timeout: Double?)
    /// `clear-library`: delete every stored template.
    case clearLibrary
    /// `help`: `ok` followed by the command list on the same line.
    case help
    /// `quit`: reply `ok`, then exit cleanly.
    case quit

    /// Largest `times` and `count` accepted.
    public static let maximumRepeat = 10_000
    /// Largest number of seconds accepted by `disconnect` and `wait-idle`.
    public static let maximumSeconds = 86_400.0

    /// The list shown by `help`.
    public static let synopsis =
        "place <finger> | lift | press <finger> [times] | tap <finger> | "
        + "fault <checksum|timeout|flash|full|garbage|sensor> [count] | disconnect [seconds] | "
        + "reconnect | status | library | wait-idle [seconds] | clear-library | help | quit"

    /// Parses one line (surrounding blanks ignored, words separated by spaces or tabs).
    public static func parse(_ line: String) -> Result<ControlCommand, ControlParseError> {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard let verb = words.first?.lowercased() else {
            return .failure(ControlParseError("empty command"))
        }
        let arguments = Array(words.dropFirst())
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
        case "disconnect":
            return expect(arguments, max: 1, verb).flatMap { _ in seconds(arguments.first) }.map {
                .disconnect(seconds: $0)
            }
        case "wait-idle":
            return expect(arguments, max: 1, verb).flatMap { _ in seconds(arguments.first) }.map {
                .waitIdle(timeout: $0)
            }
        case "lift": return expect(arguments, max: 0, verb).map { _ in .lift }
        case "reconnect": return expect(arguments, max: 0, verb).map { _ in .reconnect }
        case "status": return expect(arguments, max: 0, verb).map { _ in .status }
        case "library": return expect(arguments, max: 0, verb).map { _ in .library }
        case "clear-library": return expect(arguments, max: 0, verb).map { _ in .clearLibrary }
        case "help": return expect(arguments, max: 0, verb).map { _ in .help }
        case "quit", "exit": return expect(arguments, max: 0, verb).map { _ in .quit }
        default:
            return .failure(ControlParseError("unknown command '\(words[0].prefix(40))' (try help)"))
        }
    }

    private static func expect(_ arguments: [String], max: Int, _ verb: String) -> Result<Void, ControlParseError> {
        arguments.count <= max ? .success(()) : .failure(ControlParseError("too many arguments for \(verb)"))
    }

    private static func finger(_ word: String?, _ verb: String) -> Result<VirtualFinger, ControlParseError> {
        guard let word else { return .failure(ControlParseError("\(verb) needs a finger number")) }
        guard let id = Int(word), let finger = VirtualFinger(id: id) else {
            return .failure(ControlParseError("bad finger '\(word.prefix(40))': need 1...\(VirtualFinger.maximumID)"))
        }
        return .success(finger)
    }

    private static func repeatCount(_ word: String?, name: String) -> Result<Int, ControlParseError> {
        guard let word else { return .success(1) }
        guard let value = Int(word), (1...maximumRepeat).contains(value) else {
            return .failure(ControlParseError("bad \(name) '\(word.prefix(40))': need 1...\(maximumRepeat)"))
        }
        return .success(value)
    }

    private static func seconds(_ word: String?) -> Result<Double?, ControlParseError> {
        guard let word else { return .success(nil) }
        guard let value = Double(word), value.isFinite, value >= 0, value <= maximumSeconds else {
            return .failure(ControlParseError("bad seconds '\(word.prefix(40))': need 0...\(Int(maximumSeconds))"))
        }
        return .success(value)
    }
}

/// Why a control line was refused; `reason` becomes `error <reason>`.
public struct ControlParseError: Error, Hashable, Sendable {
    /// Human-readable reason, one line.
    public let reason: String

    /// Creates an error with `reason`.
    public init(_ reason: String) {
        self.reason = reason
    }
}
