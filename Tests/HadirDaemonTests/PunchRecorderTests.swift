import Foundation
import HadirCore
import HadirStore
import Logging
import Synchronization
import Testing

@testable import HadirDaemon

/// A clock the test moves by hand.
final class ManualClock: ClockSource {
    private let reading: Mutex<ClockReading>

    init(local: String, zone: IndonesianZone = .wib) {
        let start = SimulatedClockStart(local)!.local
        reading = Mutex(
            ClockReading(
                utcMilliseconds: start.utcMilliseconds(offsetSeconds: zone.offsetSeconds), monotonicNanoseconds: 1_000_000_000,
                bootID: "test-boot", quality: .synced))
    }

    func now() -> ClockReading { reading.withLock { $0 } }

    func advance(seconds: Int64) {
        reading.withLock {
            $0.utcMilliseconds += seconds * 1000
            $0.monotonicNanoseconds += UInt64(seconds) * 1_000_000_000
        }
    }
}

@Suite struct PunchRecorderTests {
    let directory = NSTemporaryDirectory() + "hadir-recorder-\(UUID().uuidString.prefix(8))"
    let siti = Employee(pin: try! EmployeePIN("1001"), name: "Siti")

    func makeRecorder(_ clock: ManualClock, window: Int = 60) throws -> (PunchRecorder, HadirDatabase, FeedbackHub) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = try HadirDatabase.open(path: directory + "/hadir.sqlite")
        try database.upsertUser(siti, actor: "test")
        let hub = FeedbackHub(printsLines: false, logger: Logger(label: "test"))
        let recorder = try PunchRecorder(
            database: database, clock: clock, profile: .bandungBarat, duplicateWindow: DuplicateWindow(seconds: window),
            deviceSerial: "HDRTEST", hub: hub, language: .indonesian, logger: Logger(label: "test"))
        return (recorder, database, hub)
    }

    @Test func feedbackCarriesTheCommittedSeqAndHash() async throws {
        let clock = ManualClock(local: "2026-11-23 07:12")
        let (recorder, database, hub) = try makeRecorder(clock)
        var events = hub.subscribe().makeAsyncIterator()
        let outcome = await recorder.record(siti, verify: .fingerprint, slot: 3)
        guard case .recorded(let punch) = outcome else {
            Issue.record("not recorded: \(outcome)")
            return
        }
        let event = await events.next()
        #expect(event?.message == "Terima kasih, Siti — Masuk 07:12 (tepat waktu)")
        #expect(event?.seq == punch.seq)
        // The feedback's punch is already durable: read back through a second connection.
        let reader = try HadirDatabase.open(path: directory + "/hadir.sqlite", readOnly: true)
        #expect(try reader.punch(seq: punch.seq)?.hash.hexString == event?.hash)
        #expect(try database.punchCount() == 1)
    }

    @Test func repeatWithinTheWindowIsNotAPunch() async throws {
        let clock = ManualClock(local: "2026-11-23 07:12")
        let (recorder, database, _) = try makeRecorder(clock)
        await recorder.record(siti, verify: .fingerprint, slot: 3)
        clock.advance(seconds: 30)
        #expect(await recorder.record(siti, verify: .fingerprint, slot: 3) == .duplicate)
        clock.advance(seconds: 31)
        guard case .recorded = await recorder.record(siti, verify: .fingerprint, slot: 3) else {
            Issue.record("a punch after the window must count")
            return
        }
        #expect(try database.punchCount() == 2)
        #expect(try database.scanEvents().contains { $0.kind == "duplicate" })
    }

    @Test func restartRemembersWhoAlreadyCheckedInToday() async throws {
        let clock = ManualClock(local: "2026-11-23 07:12")
        do {
            let (recorder, _, _) = try makeRecorder(clock)
            await recorder.record(siti, verify: .fingerprint, slot: 3)
        }
        clock.advance(seconds: 3 * 3600)
        let (recorder, _, _) = try makeRecorder(clock)
        guard case .recorded(let punch) = await recorder.record(siti, verify: .fingerprint, slot: 3) else {
            Issue.record("not recorded")
            return
        }
        #expect(punch.draft.classification == .earlyLeave)
        #expect(punch.draft.state == .checkOut)
    }

    @Test func aFailedCommitNeverSaysThankYou() async throws {
        let clock = ManualClock(local: "2026-11-23 07:12")
        let (recorder, database, hub) = try makeRecorder(clock)
        var events = hub.subscribe().makeAsyncIterator()
        try database.close()
        let outcome = await recorder.record(siti, verify: .fingerprint, slot: 3)
        guard case .failed = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        let event = await events.next()
        #expect(event?.event == .recordFailed)
        #expect(event?.message.contains("GAGAL") == true)
        #expect(event?.message.contains("Terima kasih") == false)
    }

    @Test func unknownFingerIsAnEventNotAPunch() async throws {
        let clock = ManualClock(local: "2026-11-23 07:12")
        let (recorder, database, _) = try makeRecorder(clock)
        await recorder.recordUnknown(slot: nil, detail: nil)
        #expect(try database.punchCount() == 0)
        #expect(try database.scanEvents().map(\.kind).contains("unknown_finger"))
    }
}
