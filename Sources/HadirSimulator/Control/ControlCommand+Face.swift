extension ControlCommand {
    /// The face module's own commands; nil when `verb` is not one of them.
    static func parseFace(_ verb: String, _ arguments: [String]) -> Result<ControlCommand, ControlParseError>? {
        switch verb {
        case "show":
            return expect(arguments, max: 1, verb).flatMap { _ in face(arguments.first, verb) }.map {
                .show(face: $0)
            }
        case "look":
            return expect(arguments, max: 2, verb).flatMap { _ in face(arguments.first, verb) }.flatMap { face in
                repeatCount(arguments.dropFirst().first, name: "times").map { .look(face: face, times: $0) }
            }
        case "fault":
            let kinds = FaceFault.allCases.map(\.rawValue).joined(separator: "|")
            guard let name = arguments.first else {
                return .failure(ControlParseError("fault needs a kind: \(kinds)"))
            }
            guard let fault = FaceFault(rawValue: name.lowercased()) else {
                return .failure(ControlParseError("unknown face-module fault '\(name.prefix(40))': need \(kinds)"))
            }
            return expect(arguments, max: 2, verb).flatMap { _ in
                repeatCount(arguments.dropFirst().first, name: "count").map { .faceFault(fault, count: $0) }
            }
        case "hide":
            return expect(arguments, max: 0, verb).map { _ in .hide }
        default:
            return nil
        }
    }

    private static func face(_ word: String?, _ verb: String) -> Result<Int, ControlParseError> {
        guard let word else { return .failure(ControlParseError("\(verb) needs a face number")) }
        guard let face = Int(word), (1...CameraView.maximumFace).contains(face) else {
            return .failure(ControlParseError("bad face '\(word.prefix(40))': need 1...\(CameraView.maximumFace)"))
        }
        return .success(face)
    }
}
