import HadirSimulator
import Testing

@Suite("Control commands")
struct ControlCommandTests {
    private func parse(_ line: String) -> ControlCommand? {
        try? ControlCommand.parse(line).get()
    }

    @Test func parsesEveryCommand() throws {
        let seventeen = try fingerNumber(17)
        #expect(parse("place 17") == .place(seventeen))
        #expect(parse("lift") == .lift)
        #expect(parse("press 17") == .press(seventeen, times: 1))
        #expect(parse("press 17 2") == .press(seventeen, times: 2))
        #expect(parse("tap 17") == .press(seventeen, times: 1))
        #expect(parse("fault checksum") == .fault(.checksum, count: 1))
        #expect(parse("fault timeout 3") == .fault(.timeout, count: 3))
        #expect(parse("fault flash") == .fault(.flash, count: 1))
        #expect(parse("fault full") == .fault(.full, count: 1))
        #expect(parse("fault garbage 2") == .fault(.garbage, count: 2))
        #expect(parse("disconnect") == .disconnect(seconds: nil))
        #expect(parse("disconnect 1.5") == .disconnect(seconds: 1.5))
        #expect(parse("reconnect") == .reconnect)
        #expect(parse("status") == .status)
        #expect(parse("library") == .library)
        #expect(parse("wait-idle") == .waitIdle(timeout: nil))
        #expect(parse("wait-idle 5") == .waitIdle(timeout: 5))
        #expect(parse("clear-library") == .clearLibrary)
        #expect(parse("quit") == .quit)
        #expect(parse("  PRESS\t17   2 \r") == .press(seventeen, times: 2))
    }

    @Test func refusesMalformedCommandsWithAReason() {
        for line in [
            "", "dance", "place", "place x", "place 0", "press 17 0", "press 17 2 3", "tap 17 2",
            "fault", "fault fire", "fault checksum -1", "disconnect -1", "disconnect nan", "lift now",
            "wait-idle forever", "place 99999999999999999999",
        ] {
            guard case .failure(let error) = ControlCommand.parse(line) else {
                Issue.record("accepted '\(line)'")
                continue
            }
            #expect(!error.reason.isEmpty)
            #expect(!error.reason.contains("\n"))
        }
    }
}
