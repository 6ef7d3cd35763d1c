import HadirCore
import Testing

@testable import HadirUplink

struct ADMSGetRequestReplyTests {
    @Test func okMeansNoCommands() {
        for body in ["OK", "OK\n", "OK\r\n", "", "\r\n", "ok"] {
            let reply = ADMSGetRequestReply.parse(body)
            #expect(!reply.hasCommands && reply.diagnostics.isEmpty, "\(body.debugDescription)")
        }
    }

    @Test func commandsComeInServerOrderWithTheirIDs() {
        let reply = ADMSGetRequestReply.parse("C:1:CHECK\r\nC:info8487:INFO\r\nC:fp-7_x.1:LOG\nC:  12 : REBOOT\n")
        #expect(reply.commands.map(\.id) == ["1", "info8487", "fp-7_x.1", "12"])
        #expect(reply.commands.map(\.command) == [.check, .info, .log, .reboot])
        #expect(reply.commands.map(\.cmdToken) == ["CHECK", "INFO", "LOG", "REBOOT"])
        #expect(reply.diagnostics.isEmpty)
    }

    @Test func argumentsKeepTheirTabsAndColonsAcrossLineEndings() {
        let reply = ADMSGetRequestReply.parse("C:5:DATA QUERY ATTLOG StartTime=2015-07-29 00:00:00\tEndTime=2015-07-29 23:59:59\r\n")
        let range = ADMSTimeRange(start: ADMSFixtures.time(2015, 7, 29), end: ADMSFixtures.time(2015, 7, 29, 23, 59, 59))
        #expect(reply.commands.first?.command == .queryAttendance(range))
        #expect(reply.commands.first?.text == "DATA QUERY ATTLOG StartTime=2015-07-29 00:00:00?EndTime=2015-07-29 23:59:59")
    }

    @Test func commandIDsUpToSixteenCharactersAreUsable() {
        let reply = ADMSGetRequestReply.parse("C:ABCDEFGHIJ123456:INFO\nC:ABCDEFGHIJ1234567:INFO")
        #expect(reply.commands.map(\.id) == ["ABCDEFGHIJ123456"])
        #expect(reply.diagnostics == [ADMSCommandDiagnostic(line: 2, excerpt: "C:ABCDEFGHIJ1234567:INFO", problem: .commandIDTooLong)])
    }

    @Test func linesWithoutAUsableCmdIDAreReportedAndDoNotStopTheOthers() {
        let body = "hello\nC:1:CHECK\nC::INFO\nC:12\nC:1&2:LOG\nC:a b:LOG\nX:3:INFO\nC:2:LOG"
        let reply = ADMSGetRequestReply.parse(body)
        #expect(reply.commands.map(\.id) == ["1", "2"])
        #expect(
            reply.diagnostics.map(\.problem) == [
                .notACommandLine, .emptyCommandID, .missingCommandSeparator, .invalidCommandID, .invalidCommandID, .notACommandLine,
            ])
        #expect(reply.diagnostics.map(\.line) == [1, 3, 4, 5, 6, 7])
        #expect(reply.diagnostics[0].excerpt == "hello")
    }

    @Test func malformedArgumentsAreAnsweredWithTheirCmdID() throws {
        let reply = ADMSGetRequestReply.parse("C:77:DATA UPDATE USERINFO Name=x\nC:78:DATA UPDATE FINGERTMP PIN=7\tFID=1\tTMP=%%%")
        #expect(reply.commands.count == 2)
        #expect(reply.commands[0].command == nil)
        #expect(reply.commands[0].immediateResult?.encoded == "ID=77&Return=-1&CMD=DATA")
        #expect(reply.commands[1].immediateResult?.encoded == "ID=78&Return=-11&CMD=DATA")
        guard case .failure(let error) = reply.commands[0].result else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.id == "77" && error.reason == .missing(key: "PIN"))
    }

    @Test func refusedAndUnknownCommandsAreAnsweredNotSupported() {
        let reply = ADMSGetRequestReply.parse("C:1:SHELL reboot\nC:2:AC_UNLOCK\nC:3:PutFile x\ty\nC:4:INFO")
        #expect(
            reply.commands.map { $0.immediateResult?.encoded } == [
                "ID=1&Return=-1002&CMD=SHELL", "ID=2&Return=-1002&CMD=AC_UNLOCK", "ID=3&Return=-1002&CMD=PutFile", nil,
            ])
    }

    @Test func overlongLinesAreAnsweredTooLong() throws {
        let template = String(repeating: "A", count: ADMSGetRequestReply.maximumLineBytes)
        let reply = ADMSGetRequestReply.parse("C:9:DATA UPDATE FINGERTMP PIN=7\tFID=1\tTMP=\(template)\nC:10:CHECK")
        #expect(reply.commands.count == 2)
        let error = try #require(reply.commands[0].immediateResult)
        #expect(error.encoded == "ID=9&Return=-1006&CMD=DATA")
        #expect(reply.commands[0].text.utf8.count <= 260)
        #expect(reply.commands[1].command == .check)
    }

    @Test func repeatedCmdIDsAreAllReturnedForTheSessionToDeduplicate() {
        let reply = ADMSGetRequestReply.parse("C:5:INFO\nC:5:INFO")
        #expect(reply.commands.map(\.id) == ["5", "5"])
    }

    @Test func commandsBeyondTheLimitWaitForTheNextPoll() {
        let body = (1...300).map { "C:\($0):LOG" }.joined(separator: "\n")
        let reply = ADMSGetRequestReply.parse(body)
        #expect(reply.commands.count == ADMSGetRequestReply.maximumCommands)
        #expect(reply.commands.last?.id == "256")
        #expect(reply.diagnostics.map(\.problem) == [.tooManyCommands(skipped: 44)])
    }

    @Test func hugeBodiesAreReadUpToTheLastWholeLine() {
        let line = "C:1:DATA UPDATE USERINFO PIN=7\tName=" + String(repeating: "n", count: 100) + "\n"
        let count = ADMSGetRequestReply.maximumBodyBytes / line.utf8.count + 10
        let reply = ADMSGetRequestReply.parse(String(repeating: line, count: count))
        #expect(reply.commands.count == ADMSGetRequestReply.maximumCommands)
        #expect(reply.diagnostics.map(\.problem).contains(.bodyTruncated))
        #expect(reply.commands.allSatisfy { $0.command != nil })
    }

    @Test func diagnosticsAreBoundedAndTheOverflowCounted() {
        let body = (0..<100).map { "garbage \($0)" }.joined(separator: "\n")
        let reply = ADMSGetRequestReply.parse(body)
        #expect(reply.diagnostics.count == ADMSGetRequestReply.maximumDiagnostics + 1)
        #expect(reply.diagnostics.last?.problem == .moreProblems(count: 100 - ADMSGetRequestReply.maximumDiagnostics))
    }

    @Test func controlBytesAreMaskedInExcerpts() {
        let reply = ADMSGetRequestReply.parse(Array("junk\u{1B}[2J\u{07}".utf8) + [0xFF])
        #expect(reply.diagnostics.first?.excerpt == "junk?[2J?\u{FFFD}")
    }
}
