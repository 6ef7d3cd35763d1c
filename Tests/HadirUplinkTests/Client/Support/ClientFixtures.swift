import Foundation
import HadirCore
import HadirStore
import HadirUplink
import Logging

/// Values and builders shared by the client and command-executor tests.
enum ClientFixtures {
    static let serial = "HDRTEST0001"
    /// WIB: the kiosk's zone in these tests.
    static let zone: Int32 = 7 * 3600
    /// 2026-11-20 00:00:00 UTC (07:00 WIB), the first punch of a backlog.
    static let firstPunchUTC: Int64 = 1_795_392_000_000
    /// Seconds between queued punches: 20,000 of them span three days.
    static let spacingSeconds: Int64 = 13
    /// Test punches carry their seq in the PIN (`1000000 + seq`), so the server can name every line's seq
    /// without trusting the client's Stamp.
    static let pinBase: Int64 = 1_000_000

    static func pin(_ text: String) -> EmployeePIN {
        try! EmployeePIN(text)  // fixtures use valid PINs only
    }

    static func pin(forSeq seq: Int64) -> EmployeePIN { pin(String(pinBase + seq)) }

    /// The seq an ATTLOG line's PIN stands for; -1 for a line that is not a fixture punch.
    static func seq(ofLine line: String) -> Int64 {
        guard let field = line.split(separator: "\t", omittingEmptySubsequences: false).first, let number = Int64(field),
            number > pinBase
        else { return -1 }
        return number - pinBase
    }

    static func utc(ofSeq seq: Int64) -> Int64 { firstPunchUTC + (seq - 1) * spacingSeconds * 1000 }

    /// The draft journaled as `seq` when punches are appended in order from an empty journal.
    static func draft(seq: Int64) -> PunchDraft {
        PunchDraft(
            deviceSerial: serial, pin: pin(forSeq: seq),
            clock: ClockReading(
                utcMilliseconds: utc(ofSeq: seq), monotonicNanoseconds: UInt64(seq) * 1_000_000_000, bootID: "boot-test",
                quality: .synced),
            zoneOffsetSeconds: zone, verify: .fingerprint, state: seq % 2 == 0 ? .checkOut : .checkIn, classification: .onTime)
    }

    /// Appends punches until the journal's last seq is `through`, in transactions of up to 5,000.
    static func fill(_ database: HadirDatabase, through: Int64) throws {
        var next = (try database.lastPunch()?.seq ?? 0) + 1
        while next <= through {
            let end = min(through, next + 4_999)
            try database.append(contentsOf: (next...end).map(draft(seq:)))
            next = end + 1
        }
    }

    /// Session knobs that make a test run in seconds: short backoff, fast polls.
    static func fastSession(_ edit: (inout UplinkConfiguration) -> Void = { _ in }) -> UplinkConfiguration {
        var configuration = UplinkConfiguration()
        configuration.backoffBase = .milliseconds(50)
        configuration.backoffCap = .milliseconds(500)
        configuration.minimumRetryDelay = .milliseconds(10)
        configuration.minimumPollDelay = .milliseconds(50)
        configuration.maximumPollDelay = .milliseconds(150)
        configuration.pollDelayAfterCommands = .milliseconds(20)
        configuration.quarantineAfter = 3
        configuration.utcOffsetMinutes = Int(zone) / 60
        edit(&configuration)
        return configuration
    }

    static var quietLogger: Logger {
        Logger(label: "hadir.uplink.test", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    /// A fresh temp directory with a database in it.
    static func temporaryDatabase() throws -> (HadirDatabase, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hadir-uplink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (try HadirDatabase.open(path: directory.appendingPathComponent("hadir.sqlite").path), directory)
    }

    /// `C:<id>:<text>` lines parsed as the client parses a getrequest reply.
    static func received(_ id: String, _ text: String) -> ADMSReceivedCommand {
        ADMSGetRequestReply.parse("C:\(id):\(text)").commands[0]
    }

    static func local(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> LocalDateTime {
        LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// An IMF-fixdate whole seconds at least `seconds` ahead of the wall clock, and the monotonic
    /// instant it corresponds to (for comparing with the server's arrival times).
    static func imfDate(afterSeconds seconds: Int64) -> (text: String, instant: ContinuousClock.Instant) {
        let monotonic = ContinuousClock.now
        let wall = HadirDatabase.systemMilliseconds()
        let target = (wall / 1000 + seconds + 1) * 1000
        let text = FaultyADMSServer.imfDate(Date(timeIntervalSince1970: Double(target) / 1000))
        return (text, monotonic + .milliseconds(target - wall))
    }

    /// `YYYY-MM-DD HH:MM:SS` in the kiosk's zone, for command ranges.
    static func localText(utc: Int64) -> String {
        let time = LocalDateTime(utcMilliseconds: utc, offsetSeconds: zone)
        func pad(_ value: Int, _ width: Int = 2) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        return "\(pad(time.year, 4))-\(pad(time.month))-\(pad(time.day)) \(pad(time.hour)):\(pad(time.minute)):\(pad(time.second))"
    }
}

extension Array where Element == Int64 {
    /// True when the array is exactly `range`, in order.
    func isExactly(_ range: ClosedRange<Int64>) -> Bool { elementsEqual(range) }
}
