import HadirCore
import Testing

@testable import HadirUplink

/// Deterministic fuzzing of the parsers that read untrusted server text. Errors are typed by
/// construction (typed throws, or results), so these tests check the rest of the contract: no trap,
/// every output within its documented bounds, and no command line dropped without a diagnostic.
struct ADMSFuzzTests {
    static let rounds = 20_000

    /// Fragments that reach the interesting paths far more often than uniform random bytes would.
    static let handshakeFragments = [
        "GET OPTION FROM:", "GET OPTION FROM: ", "SN123", "ATTLOGStamp=", "OPERLOGStamp=", "Stamp=", "OpStamp=", "PhotoStamp=",
        "BIODATAStamp=",
        "ErrorDelay=", "Delay=", "TransTimes=", "TransInterval=", "TransFlag=", "TransData ", "AttLog", "OpLog", "TimeZone=", "Realtime=",
        "PushOptionsFlag=", "PushOptions=", "ServerVer=", "Encrypt=", "None", "OK", "RETRY", "UNKNOWN DEVICE", "9999", "0", "-1", "5.5",
        "+05:30",
        "00:00;14:05", "1111000000", "=", ":", ";", ",", ".", "\t", " ", "\n", "\r", "\r\n", "\n\r", "\u{FEFF}", "é", "\u{0}",
        "99999999999999999999",
    ]

    static let commandFragments = [
        "C:", "C:1:", "C:abc:", "C::", "C:12345678901234567:", "c:7:", "OK", "DATA ", "UPDATE ", "DELETE ", "QUERY ", "USERINFO ",
        "FINGERTMP ",
        "BIODATA ", "ATTLOG ", "USER ", "FP ", "DEL_USER ", "DEL_FP ", "CLEAR ", "LOG", "CHECK", "INFO", "REBOOT", "VERIFY SUM ATTLOG ",
        "SET OPTION ", "RELOAD OPTIONS", "ENROLL_FP ", "SHELL ", "GetFile ", "PutFile ", "UPGRADE ", "PIN=", "Pin=", "Name=", "Pri=",
        "Privilege=",
        "FID=", "FingerID=", "Size=", "Valid=", "TMP=", "Tmp=", "Type=", "No=", "StartTime=", "EndTime=", "RETRY=", "OVERWRITE=",
        "DateTime=",
        "AlarmReRec=", "7", "1001", "-1", "999999999999999999999", "AQIDBAU=", "@@", "2015-07-29 00:00:00", "2015-02-30 00:00:00",
        "583512660",
        "=", ":", "\t", " ", "\n", "\r\n", "&", "é", "\u{0}", "\u{FFFD}",
    ]

    static func compose(_ fragments: [String], _ random: inout SplitMix64) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0...40, using: &random) {
            if Int.random(in: 0..<6, using: &random) == 0 {
                bytes.append(UInt8.random(in: 0...255, using: &random))
            } else {
                bytes += Array((fragments.randomElement(using: &random) ?? "").utf8)
            }
        }
        return bytes
    }

    static func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        guard !bytes.isEmpty else { return }
        let index = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<7, using: &random) {
        case 0: bytes[index] ^= 1 << UInt8.random(in: 0...7, using: &random)
        case 1: bytes[index] = UInt8.random(in: 0...255, using: &random)
        case 2: bytes.insert([0x09, 0x0A, 0x0D, 0x3A, 0x3D, 0x20].randomElement(using: &random) ?? 0, at: index)
        case 3: bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...8, using: &random)))
        case 4: bytes.removeSubrange(index...)
        case 5:
            let end = min(bytes.count, index + Int.random(in: 1...30, using: &random))
            bytes.insert(contentsOf: Array(bytes[index..<end]), at: Int.random(in: 0...bytes.count, using: &random))
        default: bytes.insert(contentsOf: [UInt8](repeating: UInt8(ascii: "9"), count: Int.random(in: 1...30, using: &random)), at: index)
        }
    }

    /// Everything a handshake reply may promise, checked on whatever the parser returned.
    static func violations(of reply: ADMSHandshakeReply) -> [String] {
        guard case .options(let o) = reply else { return [] }
        var problems: [String] = []
        if !ADMSServerOptions.errorDelayRange.contains(o.errorDelaySeconds) { problems.append("errorDelay \(o.errorDelaySeconds)") }
        if !ADMSServerOptions.delayRange.contains(o.delaySeconds) { problems.append("delay \(o.delaySeconds)") }
        if !ADMSServerOptions.transIntervalRange.contains(o.transIntervalMinutes) { problems.append("interval \(o.transIntervalMinutes)") }
        if o.transTimes.count > 10 || o.transTimes != o.transTimes.sorted() || o.transTimes.contains(where: { !(0..<1440).contains($0) }) {
            problems.append("transTimes \(o.transTimes)")
        }
        if let zone = o.timeZoneOffsetMinutes, abs(zone) > 840 || zone % 15 != 0 { problems.append("zone \(zone)") }
        if o.unknownKeys.count > ADMSHandshakeParser.maximumRecordedKeys || o.rejectedValues.count > ADMSHandshakeParser.maximumRecordedKeys
        {
            problems.append("recorded keys unbounded")
        }
        if let tables = o.transTables, !tables.isEmpty, tables.isDisjoint(with: ADMSTransFlag.digitPositions) {
            problems.append("TransFlag without a known table: \(tables)")
        }
        return problems
    }

    @Test func handshakeParserSurvivesRandomAndMutatedBodies() async {
        var random = SplitMix64(seed: 0xAD35)
        let seeds = [ADMSHandshakeParserTests.referenceExample, "OK", "RETRY", "UNKNOWN DEVICE", "GET OPTION FROM:X\r\nStamp=1\r\n"].map {
            Array($0.utf8)
        }
        var violations: [String] = []
        var outcomes: [String: Int] = [:]
        for round in 0..<Self.rounds {
            if round % 500 == 0 { await Task.yield() }
            var body: [UInt8]
            switch round % 3 {
            case 0: body = Self.compose(Self.handshakeFragments, &random)
            case 1: body = (0..<Int.random(in: 0...200, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            default:
                body = seeds.randomElement(using: &random) ?? []
                for _ in 0..<Int.random(in: 0...6, using: &random) { Self.mutate(&body, &random) }
            }
            do {
                let reply = try ADMSHandshakeParser.parse(body)
                violations += Self.violations(of: reply)
                switch reply {
                case .options: outcomes["options", default: 0] += 1
                case .useDefaults: outcomes["defaults", default: 0] += 1
                case .retry(let reason):
                    outcomes["retry", default: 0] += 1
                    if reason.contains("\n") || reason.unicodeScalars.count > 81 {
                        violations.append("retry reason \(reason.debugDescription)")
                    }
                }
            } catch {
                let kind =
                    switch error {
                    case .emptyBody: "empty"
                    case .bodyTooLarge: "too large"
                    case .unrecognisedBody: "unrecognised"
                    }
                outcomes[kind, default: 0] += 1
            }
            // Value parsers on random text, directly.
            let text = String(decoding: body.prefix(24), as: UTF8.self)
            if let zone = ADMSTimeZone.offsetMinutes(parsing: text), abs(zone) > 840 || zone % 15 != 0 { violations.append("zone \(zone)") }
            _ = ADMSTransTimes.minutes(parsing: text)
            _ = ADMSTransFlag.tables(parsing: text)
            _ = ADMSStamp(parsing: text)
            _ = ADMSUploadReply(statusCode: 200, body: body)
        }
        #expect(violations.isEmpty, "\(violations.prefix(5))")
        // Every kind of outcome was reached, so the fuzzing exercised more than the error path.
        #expect(Set(outcomes.keys) == ["options", "defaults", "retry", "empty", "unrecognised"], "\(outcomes)")
        #expect((outcomes["options"] ?? 0) > 1000, "\(outcomes)")
    }

    /// Everything a getrequest reply may promise, checked on whatever the parser returned.
    static func violations(of reply: ADMSGetRequestReply, body: [UInt8]) -> [String] {
        var problems: [String] = []
        if reply.commands.count > ADMSGetRequestReply.maximumCommands { problems.append("too many commands") }
        if reply.diagnostics.count > ADMSGetRequestReply.maximumDiagnostics + 1 { problems.append("too many diagnostics") }
        for command in reply.commands {
            let idOK =
                (1...16).contains(command.id.utf8.count)
                && command.id.utf8.allSatisfy { ADMSBytes.isASCIIAlphanumeric($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
            if !idOK { problems.append("bad id \(command.id.debugDescription)") }
            if command.cmdToken.isEmpty || command.cmdToken.contains(where: { $0 == "&" || $0.isNewline }) {
                problems.append("bad token \(command.cmdToken.debugDescription)")
            }
            let result = command.immediateResult ?? ADMSCommandResult(id: command.id, returnCode: .success, cmdToken: command.cmdToken)
            let encoded = result.encoded
            if encoded.contains("\n") || encoded.contains("\r") || !encoded.hasPrefix("ID=\(command.id)&Return=") {
                problems.append("bad result \(encoded.debugDescription)")
            }
            if case .success(let parsed) = command.result, parsed.cmdToken != command.cmdToken {
                problems.append("token mismatch \(parsed.cmdToken) vs \(command.cmdToken)")
            }
        }
        // Nothing dropped silently: each non-empty, non-OK line is a command or a line diagnostic.
        let lines = ADMSBytes.lines(body[...]).map(ADMSBytes.trimmed).filter { !$0.isEmpty && ADMSBytes.upper($0) != "OK" }
        let lineDiagnostics = reply.diagnostics.filter { $0.line > 0 }.count
        let bounded = reply.diagnostics.allSatisfy { $0.line > 0 }
        if bounded, body.count <= ADMSGetRequestReply.maximumBodyBytes, lines.count != reply.commands.count + lineDiagnostics {
            problems.append("\(lines.count) lines but \(reply.commands.count) commands + \(lineDiagnostics) diagnostics")
        }
        return problems
    }

    @Test func commandParserSurvivesRandomAndMutatedBodies() async {
        var random = SplitMix64(seed: 0xC0DE)
        let seeds = [
            "C:1:DATA UPDATE USERINFO PIN=1001\tName=Budi\tPri=14\tPasswd=\tCard=\tGrp=1\tTZ=0000000000000000\tVerify=-1",
            "C:2:DATA UPDATE FINGERTMP PIN=7\tFID=6\tSize=8\tValid=1\tTMP=AQIDBAU=\r\nC:3:DATA DELETE USERINFO PIN=7",
            "C:4:DATA QUERY ATTLOG StartTime=2015-07-29 00:00:00\tEndTime=2015-07-29 23:59:59\nC:5:VERIFY SUM ATTLOG StartTime=2015-07-29 00:00:00",
            "C:6:SET OPTION DateTime=583512660\nC:7:ENROLL_FP PIN=7\tFID=1\tRETRY=3\tOVERWRITE=0\nC:8:CLEAR LOG\nC:9:INFO",
            "C:10:DATA UPDATE BIODATA Pin=7\tNo=6\tIndex=0\tValid=1\tDuress=0\tType=1\tMajorVer=12\tMinorVer=0\tFormat=0\tTmp=AQID",
            "OK",
        ].map { Array($0.utf8) }
        var violations: [String] = []
        var commands = 0
        var failures: Set<String> = []
        var kinds: Set<String> = []
        for round in 0..<Self.rounds {
            if round % 500 == 0 { await Task.yield() }
            var body: [UInt8]
            switch round % 3 {
            case 0:
                body = (0..<Int.random(in: 1...4, using: &random)).flatMap { _ in
                    Array("C:".utf8) + Self.compose(Self.commandFragments, &random) + [0x0A]
                }
            case 1: body = Self.compose(Self.commandFragments, &random)
            default:
                body = seeds.randomElement(using: &random) ?? []
                for _ in 0..<Int.random(in: 0...5, using: &random) { Self.mutate(&body, &random) }
            }
            let reply = ADMSGetRequestReply.parse(body)
            violations += Self.violations(of: reply, body: body)
            commands += reply.commands.count
            for command in reply.commands {
                switch command.result {
                case .success(let parsed): kinds.insert(String(describing: parsed).prefix(12).description)
                case .failure(let error): failures.insert(String(describing: error.reason).prefix(12).description)
                }
            }
            // The argument reader on its own, with and without the space fallback.
            _ = try? ADMSCommandArguments(parsing: String(decoding: body, as: UTF8.self), knownKeys: ADMSCommandParser.userKeys)
            _ = ADMSLocalTime.parse(String(decoding: body.prefix(30), as: UTF8.self))
            _ = try? ADMSCompactTime.decode(text: String(decoding: body.prefix(14), as: UTF8.self))
            _ = ADMSBase64.decode(String(decoding: body, as: UTF8.self))
        }
        #expect(violations.isEmpty, "\(violations.prefix(5))")
        #expect(commands > 5_000)
        #expect(kinds.count >= 15, "\(kinds.sorted())")
        #expect(failures.count >= 5, "\(failures.sorted())")
    }
}
