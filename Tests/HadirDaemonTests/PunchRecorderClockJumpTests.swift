import Foundation
import HadirCore
import HadirStore
import Logging
import Synchronization
import Testing

@testable import HadirDaemon

/// A clock whose wall time the test can step without the monotonic time following.
final class SteppableClock: ClockSource {
    private let reading: Mutex<ClockReading>

    init(utc: Int64) {
        reading = Mutex(ClockReading(utcMilliseconds: utc, monotonicNanoseconds: 1_000_000_000, bootID: "test-boot", quality: .synced))
    }

    func now() -> ClockReading { reading.withLock { $0 } }

    func advance(seconds: Int64, wallJump: Int64 = 0) {
        reading.withLock {
            $0.utcMilliseconds += seconds * 1000 + wallJump
            $0.monotonicNanoseconds += UInt64(seconds) * 1_000_000_000
        }
    }
}

/// A backward jump of the wall clock neither lets a repeat scan through nor blocks a real one,
/// and the journal keeps recording order (seq), not wall-clock order.
@Suite struct PunchRecorderClockJumpTests {
    @Test func theDuplicateWindowAndSeqOrderSurviveABackwardJump() async throws {
        let path = NSTemporaryDirectory() + "hadir-jump-\(UUID().uuidString.prefix(8)).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let database = try HadirDatabase.open(path: path)
        let siti = Employee(pin: try EmployeePIN("1001"), name: "Siti")
        try database.upsertUser(siti, actor: "test")
        // 2026-11-23 07:10 WIB.
        let clock = SteppableClock(utc: 1_795_392_000_000 - 25_200_000 + 7 * 3_600_000 + 600_000)
        let recorder = try PunchRecorder(
            database: database, clock: clock, profile: .bandungBarat, duplicateWindow: DuplicateWindow(seconds: 60),
            deviceSerial: "HDRTEST", hub: FeedbackHub(printsLines: false, logger: Logger(label: "test")), language: .indonesian,
            logger: Logger(label: "test"))

        guard case .recorded(let first) = await recorder.record(siti, verify: .fingerprint, slot: 1) else {
            Issue.record("first punch not recorded")
            return
        }
        // 5 s later the wall clock is set back an hour: still the same press.
        clock.advance(seconds: 5, wallJump: -3_600_000)
        #expect(await recorder.record(siti, verify: .fingerprint, slot: 1) == .duplicate)
        // Past the window on the monotonic clock: a real punch, although its wall time is earlier.
        clock.advance(seconds: 56)
        guard case .recorded(let second) = await recorder.record(siti, verify: .fingerprint, slot: 1) else {
            Issue.record("punch after the window not recorded")
            return
        }
        #expect(second.seq == first.seq + 1)
        #expect(second.utcMilliseconds < first.utcMilliseconds)
        #expect(try database.punches(afterSeq: 0, limit: 10).map(\.seq) == [1, 2])
        #expect(try database.verifyChain() == .intact(count: 2))
        try database.close()
    }
}
