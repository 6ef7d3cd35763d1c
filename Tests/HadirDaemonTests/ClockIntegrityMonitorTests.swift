import Foundation
import HadirCore
import HadirStore
import Logging
import Synchronization
import Testing

@testable import HadirDaemon

/// The board's clocks and sync source as the test sets them.
final class ScriptedClocks: Sendable {
    let state: Mutex<ClockSample>

    init(wall: Int64, mono: UInt64 = 100_000_000_000) {
        state = Mutex(ClockSample(wallMilliseconds: wall, monotonicNanoseconds: mono, bootID: "boot-t", sync: .unsynchronized))
    }

    func advance(seconds: Int64, wallJump: Int64 = 0) {
        state.withLock {
            $0.wallMilliseconds += seconds * 1000 + wallJump
            $0.monotonicNanoseconds += UInt64(seconds) * 1_000_000_000
        }
    }

    func setSync(_ sync: ClockSyncStatus) { state.withLock { $0.sync = sync } }
    var now: ClockSample { state.withLock { $0 } }
}

/// The monitor over a real store with scripted clocks: corrections on sync arrival, once only,
/// stragglers, backward jumps, and what status and the kiosk see.
@Suite struct ClockIntegrityMonitorTests {
    /// 2026-11-23 08:00 WIB on the board's (wrong) clock.
    static let wall: Int64 = 1_795_395_600_000
    let path = NSTemporaryDirectory() + "hadir-clock-\(UUID().uuidString.prefix(8)).sqlite"

    func monitor(_ database: HadirDatabase, _ clocks: ScriptedClocks, hub: FeedbackHub) -> ClockIntegrityMonitor {
        ClockIntegrityMonitor(
            database: database, bootID: "boot-t", sourceOrigin: .file, serverTrust: ServerClockTrust(), hub: hub,
            language: .indonesian, logger: Logger(label: "test"), sample: { (clocks.now, nil) })
    }

    /// An unsynced punch taken now on the scripted clocks.
    func punch(_ database: HadirDatabase, _ clocks: ScriptedClocks) throws -> Punch {
        let now = clocks.now
        return try database.append(
            PunchDraft(
                deviceSerial: "HDRTEST", pin: try EmployeePIN("1001"),
                clock: ClockReading(
                    utcMilliseconds: now.wallMilliseconds, monotonicNanoseconds: now.monotonicNanoseconds, bootID: now.bootID,
                    quality: .unsynced),
                zoneOffsetSeconds: 25_200, verify: .fingerprint, state: .checkIn, classification: .onTime))
    }

    @Test func syncArrivalCorrectsEachUnsyncedPunchOnceAndTheKioskSeesIt() async throws {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let database = try HadirDatabase.open(path: path)
        let hub = FeedbackHub(printsLines: false, logger: Logger(label: "test"))
        var events = hub.subscribe().makeAsyncIterator()
        let clocks = ScriptedClocks(wall: Self.wall)
        let monitor = monitor(database, clocks, hub: hub)

        await monitor.poll()
        let unsyncedEvent = await events.next()
        #expect(unsyncedEvent?.event == .clockUnsynced)
        #expect(unsyncedEvent?.message == "Jam belum sinkron")
        let first = try punch(database, clocks)
        clocks.advance(seconds: 30)
        let second = try punch(database, clocks)
        clocks.advance(seconds: 2)
        await monitor.poll()
        var status = await monitor.status()
        #expect(status.synced == false)
        #expect(status.message == "Jam belum sinkron")
        #expect(status.unsyncedPunches == 2)

        // The board ran an hour ahead.
        clocks.advance(seconds: 60)
        clocks.setSync(.synchronized(offsetMilliseconds: -3_600_000))
        await monitor.poll()
        let corrections = try database.punches(afterSeq: 2, limit: 10)
        #expect(corrections.map(\.draft.correctsSeq) == [1, 2])
        #expect(corrections.map(\.utcMilliseconds) == [first.utcMilliseconds - 3_600_000, second.utcMilliseconds - 3_600_000])
        #expect(try database.punch(seq: 1) == first)
        #expect(try database.verifyChain() == .intact(count: 4))
        status = await monitor.status()
        #expect(status.synced)
        #expect(status.source == "file")
        #expect(status.message == nil)
        #expect(status.unsyncedPunches == 0)
        #expect(status.corrections == 2)
        let synced = await events.next()
        #expect(synced?.event == .clockSynced)
        #expect(synced?.message == "Jam sudah sinkron")
        #expect(synced?.detail == "source file, 2 punch(es) corrected")
        // Going an hour back is also a backward jump of the kiosk's time.
        #expect(await events.next()?.event == .clockBackwardJump)

        // A restart in the same boot corrects nothing twice.
        let restarted = self.monitor(database, clocks, hub: hub)
        await restarted.poll()
        #expect(try database.punchCount() == 4)
        #expect(await restarted.status().corrections == 2)

        // A punch the recorder flagged unsynced just before it saw sync is corrected at the next poll.
        let straggler = try punch(database, clocks)
        await restarted.poll()
        #expect(try database.punch(seq: 6)?.draft.correctsSeq == straggler.seq)
        #expect(try database.punch(seq: 6)?.utcMilliseconds == straggler.utcMilliseconds - 3_600_000)
        try database.close()
    }

    @Test func aBackwardJumpIsCountedShownAndKept() async throws {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let database = try HadirDatabase.open(path: path)
        let hub = FeedbackHub(printsLines: false, logger: Logger(label: "test"))
        let clocks = ScriptedClocks(wall: Self.wall)
        clocks.setSync(.synchronized(offsetMilliseconds: 0))
        let monitor = monitor(database, clocks, hub: hub)
        await monitor.poll()
        var events = hub.subscribe().makeAsyncIterator()
        clocks.advance(seconds: 2, wallJump: -600_000)
        await monitor.poll()
        let event = await events.next()
        #expect(event?.event == .clockBackwardJump)
        #expect(event?.message == "Jam mundur 600 detik")
        let status = await monitor.status()
        #expect(status.backwardJumps == 1)
        #expect(status.lastBackwardJumpMilliseconds == 600_000)
        #expect(status.lastBackwardJumpAtMilliseconds == Self.wall + 2_000 - 600_000)
        #expect(try database.scanEvents(limit: 1).first?.kind == ScanEventKind(rawValue: "clock_backward_jump"))
        try database.close()
    }

    @Test func aServerTimeIsSyncArrivalAndLastsTheBoot() async throws {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let database = try HadirDatabase.open(path: path)
        let hub = FeedbackHub(printsLines: false, logger: Logger(label: "test"))
        let clocks = ScriptedClocks(wall: Self.wall)
        let trust = ServerClockTrust()
        let monitor = ClockIntegrityMonitor(
            database: database, bootID: "boot-t", sourceOrigin: .ntp, serverTrust: trust, hub: hub, language: .english,
            logger: Logger(label: "test"), sample: { (clocks.now, nil) })
        await monitor.poll()
        #expect(await monitor.status().message == "Clock not synchronised")
        let original = try punch(database, clocks)
        clocks.advance(seconds: 10)
        // The server says it is 20 s later than the board thinks.
        await monitor.serverTimeAccepted(
            trueUTCMilliseconds: clocks.now.wallMilliseconds + 20_000, monotonicNanoseconds: clocks.now.monotonicNanoseconds)
        #expect(trust.isTrusted)
        #expect(try database.punch(seq: 2)?.utcMilliseconds == original.utcMilliseconds + 20_000)
        await monitor.poll()
        let status = await monitor.status()
        #expect(status.synced)
        #expect(status.source == "server")
        try database.close()
    }
}
