import Foundation
import GRDB
import HadirCore
import HadirDaemon
import HadirStore
import Logging

/// Benchmarks that report ratios against a baseline measured in the same run, so the figures mean
/// the same on a fast laptop and a slow kiosk board.
@main
struct HadirBench {
    static func main() async throws {
        let iterations = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 1_000
        let directory = NSTemporaryDirectory() + "hadir-bench-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        print("hadir-bench: \(iterations) iterations, database in \(directory)")

        let baseline = try Baseline.measure(path: directory + "/baseline.sqlite", iterations: iterations)
        let scan = try await ScanToDurable.measure(directory: directory + "/scan", iterations: iterations)
        let append = try JournalAppend.measure(directory: directory + "/append", iterations: iterations)

        print("")
        print("baseline: single-row SQLite insert + fsync (WAL, synchronous=FULL)")
        print("  p50 \(baseline.p50.ms)  p99 \(baseline.p99.ms)  throughput \(Int(baseline.perSecond))/s")
        print("scan-to-durable: scan event in → dedupe, policy, chain → COMMIT → feedback out")
        print("  p50 \(scan.p50.ms)  p99 \(scan.p99.ms)")
        print("  ratio p50 \(ratio(scan.p50, baseline.p50))×  p99 \(ratio(scan.p99, baseline.p99))×  (target p99 ≤ 2.00×)")
        print("journal append (seal + insert + commit)")
        print("  throughput \(Int(append.perSecond))/s = \(String(format: "%.2f", append.perSecond / baseline.perSecond))× baseline")
        let verdict = scan.p99 <= baseline.p99 * 2 ? "PASS" : "FAIL"
        print("\nscan-to-durable p99 target (≤ 2× baseline p99): \(verdict)")
    }

    static func ratio(_ a: Double, _ b: Double) -> String { String(format: "%.2f", a / b) }
}

/// Latency samples in seconds.
struct Samples {
    var values: [Double] = []
    var total: Double = 0

    mutating func add(_ seconds: Double) {
        values.append(seconds)
        total += seconds
    }

    func percentile(_ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)
        return sorted[max(0, index)]
    }

    var p50: Double { percentile(0.50) }
    var p99: Double { percentile(0.99) }
    var perSecond: Double { Double(values.count) / total }
}

extension Double {
    var ms: String { String(format: "%.3f ms", self * 1000) }
}

func elapsed(since start: ContinuousClock.Instant) -> Double {
    let duration = ContinuousClock.now - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// The floor: what one durable SQLite row costs on this disk.
enum Baseline {
    static func measure(path: String, iterations: Int) throws -> Samples {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.write { try $0.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)") }
        let payload = Data(repeating: 0xAB, count: 160)
        var samples = Samples()
        for _ in 0..<iterations {
            let start = ContinuousClock.now
            try pool.write { try $0.execute(sql: "INSERT INTO t (payload) VALUES (?)", arguments: [payload]) }
            samples.add(elapsed(since: start))
        }
        return samples
    }
}

/// The real punch path minus the module: PunchRecorder with a real journal.
enum ScanToDurable {
    static func measure(directory: String, iterations: Int) async throws -> Samples {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = try HadirDatabase.open(path: directory + "/hadir.sqlite")
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let pin = try EmployeePIN("198501012010011001")
        let employee = Employee(pin: pin, name: "Siti")
        try database.upsertUser(employee, actor: "bench")
        let hub = FeedbackHub(printsLines: false, logger: logger)
        let recorder = try PunchRecorder(
            database: database, clock: SystemClock(), profile: .bandungBarat, duplicateWindow: DuplicateWindow(seconds: 0),
            deviceSerial: "HDRBENCH", hub: hub, language: .indonesian, logger: logger)
        var samples = Samples()
        for _ in 0..<iterations {
            let start = ContinuousClock.now
            let outcome = await recorder.record(employee, verify: .fingerprint, slot: 1)
            samples.add(elapsed(since: start))
            guard case .recorded = outcome else { throw BenchError("punch not recorded: \(outcome)") }
        }
        return samples
    }
}

/// Raw journal appends, to compare with raw inserts.
enum JournalAppend {
    static func measure(directory: String, iterations: Int) throws -> Samples {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = try HadirDatabase.open(path: directory + "/hadir.sqlite")
        let clock = SystemClock()
        let pin = try EmployeePIN("1001")
        var samples = Samples()
        for _ in 0..<iterations {
            let draft = PunchDraft(
                deviceSerial: "HDRBENCH", pin: pin, clock: clock.now(), zoneOffsetSeconds: 25_200, verify: .fingerprint,
                state: .checkIn, classification: .onTime)
            let start = ContinuousClock.now
            _ = try database.append(draft)
            samples.add(elapsed(since: start))
        }
        return samples
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
