import HadirCore
import Testing

@testable import HadirUplink

struct ADMSHandshakeParserTests {
    /// ZKTeco's example reply (reference §1), with the 2.4.1 version keys.
    static let referenceExample = """
        GET OPTION FROM: 0316144680030
        ATTLOGStamp=None
        OPERLOGStamp=9999
        ATTPHOTOStamp=None
        ErrorDelay=30
        Delay=10
        TransTimes=00:00;14:05
        TransInterval=1
        TransFlag=TransData AttLog OpLog AttPhoto EnrollUser ChgUser EnrollFP ChgFP UserPic
        TimeZone=8
        Realtime=1
        Encrypt=None
        ServerVer=2.4.1
        PushProtVer=2.4.1
        """

    static func options(_ body: String) throws -> ADMSServerOptions {
        let reply = try ADMSHandshakeParser.parse(body)
        guard case .options(let options) = reply else {
            Issue.record("expected options, got \(reply)")
            return ADMSServerOptions()
        }
        return options
    }

    @Test func referenceExampleYieldsEveryOption() throws {
        let options = try Self.options(Self.referenceExample)
        #expect(options.echoedSerialNumber == "0316144680030")
        #expect(options.attlogStamp == .none)
        #expect(options.operlogStamp == .number(9999))
        #expect(options.attphotoStamp == .none)
        #expect(options.errorDelaySeconds == 30)
        #expect(options.delaySeconds == 10)
        #expect(options.transTimes == [0, 14 * 60 + 5])
        #expect(options.transIntervalMinutes == 1)
        #expect(options.transTables == ["ATTLOG", "OPLOG", "ATTPHOTO", "ENROLLUSER", "CHGUSER", "ENROLLFP", "CHGFP", "USERPIC"])
        #expect(options.timeZoneOffsetMinutes == 480)
        #expect(options.realtime)
        #expect(options.encryption == "None")
        #expect(options.serverVersion == "2.4.1")
        #expect(options.pushProtocolVersion == "2.4.1")
        #expect(options.unknownKeys.isEmpty)
        #expect(options.rejectedValues.isEmpty)
        #expect(options.wantsAttendanceLog && options.wantsOperationLog)
    }

    @Test func bareOKMeansProtocolDefaults() throws {
        for body in ["OK", "OK\n", "OK\r\n", "  OK  ", "\r\nOK\r\n\r\n"] {
            let reply = try ADMSHandshakeParser.parse(body)
            #expect(reply == .useDefaults, "\(body.debugDescription)")
            #expect(reply.options == ADMSServerOptions())
        }
    }

    @Test func unknownDeviceMeansRetryAfterErrorDelay() throws {
        for body in ["UNKNOWN DEVICE", "UNKNOWN DEVICE\r\n", "Unknown device: 0316144680030\n"] {
            let reply = try ADMSHandshakeParser.parse(body)
            guard case .retry(let reason) = reply else {
                Issue.record("expected retry for \(body.debugDescription), got \(reply)")
                continue
            }
            #expect(reason.uppercased().hasPrefix("UNKNOWN DEVICE"))
            #expect(reply.options == nil)
        }
    }

    @Test func retryLineMeansRetryAfterErrorDelay() throws {
        for body in ["RETRY", "RETRY\n", "RETRY=30", "RETRY later", "GET OPTION FROM: X\nRETRY\n"] {
            let reply = try ADMSHandshakeParser.parse(body)
            guard case .retry = reply else {
                Issue.record("expected retry for \(body.debugDescription), got \(reply)")
                continue
            }
        }
    }

    @Test func keysThatOnlyStartWithRetryAreNotRetryRequests() throws {
        let options = try Self.options("GET OPTION FROM: X\nRetryCount=3\nRETRY_MAX=2")
        #expect(options.unknownKeys == ["RetryCount", "RETRY_MAX"])
    }

    @Test func everyLineEndingStyleGivesTheSameOptions() throws {
        let expected = try Self.options(Self.referenceExample)
        let lines = Self.referenceExample.split(separator: "\n").map(String.init)
        let variants = [
            lines.joined(separator: "\r\n") + "\r\n",
            lines.joined(separator: "\n\r") + "\n\r",
            lines.joined(separator: "\r"),
            lines.joined(separator: "\n"),
            lines.map { $0 + "   " }.joined(separator: "\n") + "\n",
            lines.map { $0 + " \t" }.joined(separator: "\r\n\r\n"),
            "\u{FEFF}" + lines.joined(separator: "\n"),
        ]
        for variant in variants {
            #expect(try Self.options(variant) == expected, "\(variant.prefix(60).debugDescription)")
        }
    }

    @Test(arguments: [
        ("GET OPTION FROM: SN123", "SN123"), ("GET OPTION FROM:SN123", "SN123"), ("GET OPTION FROM :SN123", "SN123"),
        ("get option from: SN123 ", "SN123"), ("GET OPTION FROM SN123", "SN123"),
    ])
    func headerIsReadWithOrWithoutSpace(header: String, serial: String) throws {
        let options = try Self.options(header + "\nDelay=5")
        #expect(options.echoedSerialNumber == serial)
        #expect(options.delaySeconds == 5)
    }

    @Test func headerWithoutSerialStillIntroducesOptions() throws {
        let options = try Self.options("GET OPTION FROM:\nDelay=20")
        #expect(options.echoedSerialNumber == nil)
        #expect(options.delaySeconds == 20)
        #expect(
            try Self.options("GET OPTION FROM: SN1")
                == {
                    var o = ADMSServerOptions()
                    o.echoedSerialNumber = "SN1"
                    return o
                }())
    }

    @Test func keyValueLinesWithoutHeaderAreAccepted() throws {
        let options = try Self.options("ATTLOGStamp=12\nDelay=15")
        #expect(options.attlogStamp == .number(12))
        #expect(options.delaySeconds == 15)
    }

    @Test func legacyStampKeysFillTheirTables() throws {
        let options = try Self.options("GET OPTION FROM: X\nStamp=5\nOpStamp=6\nPhotoStamp=None")
        #expect(options.attlogStamp == .number(5))
        #expect(options.operlogStamp == .number(6))
        #expect(options.attphotoStamp == .none)
    }

    @Test func modernStampKeysWinOverLegacyInEitherOrder() throws {
        let before = try Self.options("Stamp=1\nATTLOGStamp=2\nOpStamp=3\nOPERLOGStamp=4")
        let after = try Self.options("ATTLOGStamp=2\nStamp=1\nOPERLOGStamp=4\nOpStamp=3")
        #expect(before.attlogStamp == .number(2) && after.attlogStamp == .number(2))
        #expect(before.operlogStamp == .number(4) && after.operlogStamp == .number(4))
    }

    @Test func stampValuesAreTyped() throws {
        let options = try Self.options("ATTLOGStamp=\nOPERLOGStamp=0\nATTPHOTOStamp=1438244188\nBIODATAStamp=later\nERRORLOGStamp=NONE")
        #expect(options.attlogStamp == .none)
        #expect(options.operlogStamp == .number(0))
        #expect(options.attphotoStamp == .number(1_438_244_188))
        #expect(options.otherStamps == ["BIODATA": .other("later"), "ERRORLOG": .none])
        #expect(try Self.options("Delay=10").attlogStamp == .absent)
        #expect(ADMSStamp(parsing: " none ") == .none)
        #expect(ADMSStamp(parsing: "-1") == .number(-1))
        #expect(ADMSStamp(parsing: "99999999999999999999") == .other("99999999999999999999"))
    }

    @Test func unknownKeysAreIgnoredButKept() throws {
        let options = try Self.options("GET OPTION FROM: X\nMultiBioDataSupport=0:1:0\nFoo=bar\nDelay=12\nSessionID=abc")
        #expect(options.unknownKeys == ["MultiBioDataSupport", "Foo", "SessionID"])
        #expect(options.delaySeconds == 12)
    }

    @Test func keysAreCaseInsensitive() throws {
        let options = try Self.options("errordelay=60\nDELAY=5\nattlogstamp=7\ntimezone=7")
        #expect(options.errorDelaySeconds == 60)
        #expect(options.delaySeconds == 5)
        #expect(options.attlogStamp == .number(7))
        #expect(options.timeZoneOffsetMinutes == 420)
    }

    @Test(arguments: [
        ("ErrorDelay=1", 30), ("ErrorDelay=5000", 300), ("ErrorDelay=-20", 30), ("ErrorDelay=120", 120), ("Delay=0", 2),
        ("Delay=600", 60), ("Delay=30", 30), ("TransInterval=-5", 0), ("TransInterval=99999", 1440), ("TransInterval=0", 0),
    ])
    func numericOptionsAreClampedToSaneRanges(line: String, expected: Int) throws {
        let options = try Self.options(line)
        let value =
            switch line.prefix(while: { $0 != "=" }) {
            case "ErrorDelay": options.errorDelaySeconds
            case "Delay": options.delaySeconds
            default: options.transIntervalMinutes
            }
        #expect(value == expected)
    }

    @Test func unusableValuesKeepTheDefaultAndAreReported() throws {
        let options = try Self.options("ErrorDelay=abc\nDelay=\nTimeZone=99\nRealtime=maybe\nTransFlag=garbage\nTransTimes=25:00")
        #expect(options.errorDelaySeconds == 30)
        #expect(options.delaySeconds == 10)
        #expect(options.timeZoneOffsetMinutes == nil)
        #expect(options.realtime)
        #expect(options.transTables == nil)
        #expect(options.transTimes.isEmpty)
        #expect(
            options.rejectedValues == [
                "ErrorDelay=abc", "Delay=", "TimeZone=99", "Realtime=maybe", "TransFlag=garbage", "TransTimes=25:00",
            ])
    }

    @Test func realtimeAndPushOptionsAreRead() throws {
        let options = try Self.options("Realtime=0\nPushOptionsFlag=1\nPushOptions=FingerFunOn, FaceFunOn,,")
        #expect(!options.realtime)
        #expect(options.pushOptionsRequested)
        #expect(options.pushOptionKeys == ["FingerFunOn", "FaceFunOn"])
        #expect(try !Self.options("PushOptions=A,B").pushOptionsRequested)
    }

    @Test(
        arguments: [("8", 480), ("420", 420), ("5.5", 330), ("+05:30", 330), ("-3:30", -210), ("99", nil), ("abc", nil)] as [(String, Int?)]
    )
    func timeZoneFormsInAReply(value: String, minutes: Int?) throws {
        let options = try Self.options("GET OPTION FROM: X\r\nTimeZone=\(value)\r\n")
        #expect(options.timeZoneOffsetMinutes == minutes)
        #expect(options.rejectedValues == (minutes == nil ? ["TimeZone=\(value)"] : []))
    }

    @Test func transFlagNamesMaySeparateByTabOrSpace() throws {
        #expect(try Self.options("TransFlag=TransData AttLog\tOpLog").transTables == ["ATTLOG", "OPLOG"])
        #expect(try Self.options("TransFlag=TransData\tAttLog\tOpLog").transTables == ["ATTLOG", "OPLOG"])
        let attendanceOnly = try Self.options("TransFlag=TransData AttLog")
        #expect(attendanceOnly.wantsAttendanceLog && !attendanceOnly.wantsOperationLog)
        let usersOnly = try Self.options("TransFlag=TransData EnrollUser")
        #expect(!usersOnly.wantsAttendanceLog && usersOnly.wantsOperationLog)
    }

    @Test func emptyAndErrorBodiesAreTypedErrors() {
        #expect(throws: ADMSHandshakeError.emptyBody) { try ADMSHandshakeParser.parse("") }
        #expect(throws: ADMSHandshakeError.emptyBody) { try ADMSHandshakeParser.parse(" \r\n\t\n") }
        #expect(throws: ADMSHandshakeError.unrecognisedBody(excerpt: "<html><body>Login</body></html>")) {
            try ADMSHandshakeParser.parse("<html><body>Login</body></html>\n")
        }
        #expect(throws: ADMSHandshakeError.unrecognisedBody(excerpt: "<meta charset=utf-8>")) {
            try ADMSHandshakeParser.parse("<meta charset=utf-8>")
        }
        let huge = [UInt8](repeating: UInt8(ascii: "A"), count: ADMSHandshakeParser.maximumBodyBytes + 1)
        #expect(throws: ADMSHandshakeError.bodyTooLarge(byteCount: huge.count)) { try ADMSHandshakeParser.parse(huge) }
    }

    @Test func recordedKeysAreBounded() throws {
        let body = (0..<200).map { "Key\($0)=\($0)" }.joined(separator: "\n") + "\nDelay=9"
        let options = try Self.options(body)
        #expect(options.unknownKeys.count == ADMSHandshakeParser.maximumRecordedKeys)
        #expect(options.delaySeconds == 9)
    }

    @Test func invalidUTF8IsReplacedNotTrapped() throws {
        var body = Array("GET OPTION FROM: ".utf8) + [0xFF, 0xFE] + Array("\nServerVer=".utf8) + [0xC3]
        body += Array("\nDelay=7".utf8)
        let options = try #require(try ADMSHandshakeParser.parse(body).options)
        #expect(options.echoedSerialNumber == "\u{FFFD}\u{FFFD}")
        #expect(options.serverVersion == "\u{FFFD}")
        #expect(options.delaySeconds == 7)
    }
}
