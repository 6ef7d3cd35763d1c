/// One line of the simulator's control language (stdin or the control socket).
///
/// Every command gets exactly one reply line, `ok…` or `error <reason>`. Some commands belong to
/// one kind of module (fingers to the fingerprint module, faces to the face module); the rest
/// work on both.
public enum ControlCommand: Hashable, Sendable {
    /// `place <finger>`: rest a finger on the sensor until `lift`.
    case place(VirtualFinger)
    /// `lift`: remove the finger and cancel pending presses.
    case lift
    /// `press <finger> [times]` (default 1) or `tap <finger>`: separate presses with a lift
    /// between each.
    case press(VirtualFinger, times: Int)
    /// `fault <kind> [count]` (default 1) on a fingerprint module.
    case fault(FaultKind, count: Int)
    /// `show <face>`: a face stays in front of the camera until `hide`.
    case show(face: Int)
    /// `hide`: nobody in front of the camera; pending looks are cancelled.
    case hide
    /// `look <face> [times]` (default 1): the face stays in view for `times` decisions of the
    /// module (VERIFY or enroll-step replies), then leaves.
    case look(face: Int, times: Int)
    /// `fault liveness|timeout|restart [count]` (default 1) on a face module.
    case faceFault(FaceFault, count: Int)
    /// `disconnect [seconds]`: unplug; re-plug after `seconds`, or only on `reconnect`.
    case disconnect(seconds: Double?)
    /// `reconnect`: plug back in now.
    case reconnect
    /// `status`: `ok {json}`.
    case status
    /// `library`: `ok {json}` describing stored slots or enrolled faces.
    case library
    /// `wait-idle [seconds]`: reply once no press or look is pending (error on timeout).
    case waitIdle(timeout: Double?)
    /// `clear-library`: delete every stored template or face.
    case clearLibrary
    /// `help`: `ok` followed by the command list on the same line.
    case help
    /// `quit`: reply `ok`, then exit cleanly.
    case quit

    /// Largest `times` and `count` accepted.
    public static let maximumRepeat = 10_000
    /// Largest number of seconds accepted by `disconnect` and `wait-idle`.
    public static let maximumSeconds = 86_400.0

    /// The fingerprint module's command list (what `help` shows there).
    public static let synopsis = synopsis(for: .fingerprint)

    /// The list `help` shows for a module of `kind`.
    public static func synopsis(for kind: SimulatedModuleKind) -> String {
        let specific =
            switch kind {
            case .fingerprint:
                "place <finger> | lift | press <finger> [times] | tap <finger> | "
                    + "fault <\(FaultKind.allCases.map(\.rawValue).joined(separator: "|"))> [count]"
            case .face:
                "show <face> | hide | look <face> [times] | "
                    + "fault <\(FaceFault.allCases.map(\.rawValue).joined(separator: "|"))> [count]"
            }
        return specific
            + " | disconnect [seconds] | reconnect | status | library | wait-idle [seconds] | clear-library | help | quit"
    }

    /// Parses one line for a module of `kind` (surrounding blanks ignored, words separated by
    /// spaces or tabs). A command of the other kind is refused with a reason saying so.
    public static func parse(_ line: String, kind: SimulatedModuleKind = .fingerprint) -> Result<ControlCommand, ControlParseError> {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard let verb = words.first?.lowercased() else {
            return .failure(ControlParseError("empty command"))
        }
        let arguments = Array(words.dropFirst())
        if let shared = parseShared(verb, arguments) { return shared }
        let specific =
            switch kind {
            case .fingerprint: parseFingerprint(verb, arguments)
            case .face: parseFace(verb, arguments)
            }
        if let specific { return specific }
        if let other = SimulatedModuleKind.allCases.first(where: { $0 != kind && verbs(of: $0).contains(verb) }) {
            return .failure(wrongKind(verb, for: kind, belongsTo: other))
        }
        return .failure(ControlParseError("unknown command '\(words[0].prefix(40))' (try help)"))
    }

    /// Commands every module understands; nil when `verb` is not one of them.
    private static func parseShared(_ verb: String, _ arguments: [String]) -> Result<ControlCommand, ControlParseError>? {
        switch verb {
        case "disconnect":
            return expect(arguments, max: 1, verb).flatMap { _ in seconds(arguments.first) }.map {
                .disconnect(seconds: $0)
            }
        case "wait-idle":
            return expect(arguments, max: 1, verb).flatMap { _ in seconds(arguments.first) }.map {
                .waitIdle(timeout: $0)
            }
        case "reconnect": return expect(arguments, max: 0, verb).map { _ in .reconnect }
        case "status": return expect(arguments, max: 0, verb).map { _ in .status }
        case "library": return expect(arguments, max: 0, verb).map { _ in .library }
        case "clear-library": return expect(arguments, max: 0, verb).map { _ in .clearLibrary }
        case "help": return expect(arguments, max: 0, verb).map { _ in .help }
        case "quit", "exit": return expect(arguments, max: 0, verb).map { _ in .quit }
        default: return nil
        }
    }

    /// The verbs only a module of `kind` understands.
    static func verbs(of kind: SimulatedModuleKind) -> Set<String> {
        switch kind {
        case .fingerprint: ["place", "lift", "press", "tap"]
        case .face: ["show", "hide", "look"]
        }
    }

    /// The command's first word, for messages.
    public var verb: String {
        switch self {
        case .place: "place"
        case .lift: "lift"
        case .press: "press"
        case .fault, .faceFault: "fault"
        case .show: "show"
        case .hide: "hide"
        case .look: "look"
        case .disconnect: "disconnect"
        case .reconnect: "reconnect"
        case .status: "status"
        case .library: "library"
        case .waitIdle: "wait-idle"
        case .clearLibrary: "clear-library"
        case .help: "help"
        case .quit: "quit"
        }
    }

    /// The refusal of a command meant for another kind of module.
    static func wrongKind(_ verb: String, for kind: SimulatedModuleKind, belongsTo other: SimulatedModuleKind? = nil) -> ControlParseError {
        let owner = other.map { "a \($0.rawValue)-module command" } ?? "not a \(kind.rawValue)-module command"
        return ControlParseError("'\(verb)' is \(owner); this simulator is a \(kind.rawValue) module (try help)")
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
