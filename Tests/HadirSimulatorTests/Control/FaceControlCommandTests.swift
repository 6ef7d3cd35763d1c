import HadirSimulator
import Testing

@Suite("Face control commands")
struct FaceControlCommandTests {
    private func parse(_ line: String, _ kind: SimulatedModuleKind = .face) -> ControlCommand? {
        try? ControlCommand.parse(line, kind: kind).get()
    }

    private func refusal(_ line: String, _ kind: SimulatedModuleKind = .face) -> String? {
        guard case .failure(let error) = ControlCommand.parse(line, kind: kind) else { return nil }
        return error.reason
    }

    @Test func parsesEveryFaceCommand() {
        #expect(parse("show 3") == .show(face: 3))
        #expect(parse("hide") == .hide)
        #expect(parse("look 3") == .look(face: 3, times: 1))
        #expect(parse("look 3 4") == .look(face: 3, times: 4))
        #expect(parse("fault liveness") == .faceFault(.liveness, count: 1))
        #expect(parse("fault timeout 2") == .faceFault(.timeout, count: 2))
        #expect(parse("FAULT Restart") == .faceFault(.restart, count: 1))
        #expect(parse("  LOOK\t3   2 \r") == .look(face: 3, times: 2))
    }

    @Test func sharedCommandsParseTheSameForBothKinds() {
        for line in [
            "disconnect", "disconnect 2.5", "reconnect", "status", "library", "wait-idle", "wait-idle 3", "clear-library", "help", "quit",
        ] {
            #expect(parse(line, .face) != nil)
            #expect(parse(line, .face) == parse(line, .fingerprint))
        }
        // `fault timeout` means the kind's own fault.
        #expect(parse("fault timeout", .fingerprint) == .fault(.timeout, count: 1))
        #expect(parse("fault timeout", .face) == .faceFault(.timeout, count: 1))
    }

    @Test func commandsOfTheOtherKindAreRefusedSayingSo() {
        for verb in ["place 17", "lift", "press 17", "tap 17"] {
            #expect(refusal(verb, .face)?.contains("is a fingerprint-module command; this simulator is a face module") == true)
        }
        for verb in ["show 3", "hide", "look 3"] {
            #expect(refusal(verb, .fingerprint)?.contains("is a face-module command; this simulator is a fingerprint module") == true)
        }
        #expect(refusal("fault checksum", .face) == "unknown face-module fault 'checksum': need liveness|timeout|restart")
        #expect(refusal("fault liveness", .fingerprint) == "unknown fault 'liveness'")
    }

    @Test func refusesMalformedFaceCommandsWithAReason() {
        for line in [
            "", "dance", "show", "show x", "show 0", "show -3", "show 3 4", "look", "look 3 0", "look 3 2 1", "look 3 x", "hide now",
            "fault", "fault fire", "fault restart 0", "fault liveness 1 2", "show 99999999999999999999", "look 4294967296",
        ] {
            guard let reason = refusal(line) else {
                Issue.record("accepted '\(line)'")
                continue
            }
            #expect(!reason.isEmpty)
            #expect(!reason.contains("\n"))
        }
    }

    @Test func helpListsTheKindsOwnCommands() {
        let face = ControlCommand.synopsis(for: .face)
        #expect(face.hasPrefix("show <face> | hide | look <face> [times] | fault <liveness|timeout|restart> [count] | "))
        #expect(!face.contains("press"))
        #expect(ControlCommand.synopsis == ControlCommand.synopsis(for: .fingerprint))
        #expect(ControlCommand.synopsis.hasPrefix("place <finger> | lift | press <finger> [times]"))
        #expect(face.hasSuffix("clear-library | help | quit"))
    }
}
