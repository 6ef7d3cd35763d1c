import Foundation
import HadirCore
import HadirPull
import HadirStore
import Logging

/// The pull server's share of a 100,000-record pyzk download: the device-side snapshot build, and
/// the wall time of pyzk's `get_attendance()` next to pyzk parsing the same bytes from memory.
enum PullBench {
    struct Result {
        var records: Int
        var snapshotMilliseconds: Double
        var wallSeconds: Double?
        var parseSeconds: Double?
        var skipped: String?
    }

    static func measure(directory: String, punches count: Int) async throws -> Result {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = try HadirDatabase.open(path: directory + "/hadir.sqlite")
        try BacklogDrain.prefill(database, count: count)
        var logger = Logger(label: "hadir-bench")
        logger.logLevel = .error
        let device = ZKStoreDevice(
            database: database, actions: ZKScannerlessActions(), uplinkServers: [], zoneOffsetSeconds: IndonesianZone.wib.offsetSeconds,
            logger: logger)
        let context = ZKQueryContext(peer: "bench", sessionID: 1, transport: .tcp)

        // The snapshot a pull serves: GET_FREE_SIZES' inventory, then the attendance buffer.
        var snapshot = Samples()
        for _ in 0..<5 {
            let start = ContinuousClock.now
            guard case .inventory(let inventory) = await device.answer(.inventory, context: context),
                case .buffer(let bytes, _) = await device.answer(.attendanceBuffer(inventory.attendance), context: context),
                bytes.count == 4 + count * ZKAttendanceRecord.size
            else { throw BenchError("the snapshot did not hold \(count) records") }
            snapshot.add(elapsed(since: start))
        }
        var result = Result(records: count, snapshotMilliseconds: snapshot.p50 * 1000)

        let environment = ProcessInfo.processInfo.environment
        let python = environment["HADIR_BENCH_PYTHON"] ?? environment["HADIRTEST_PEER_PYTHON"] ?? ".venv-peers/bin/python"
        let script = "Tests/peers/zk/bench_pull.py"
        guard FileManager.default.isExecutableFile(atPath: python), FileManager.default.fileExists(atPath: script) else {
            result.skipped = "no pyzk (run `make peers` from the repository root)"
            return result
        }
        let server = ZKPullServer(
            configuration: ZKPullServerConfiguration(
                host: "127.0.0.1", port: 0, udp: false, requestsPerSecond: 10_000, requestBurst: 10_000,
                device: ZKDeviceInfo(serialNumber: "HDRBENCH")),
            device: device, events: ZKLiveEventHub(), logger: logger)
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let serving = Task { try await server.run { portContinuation.yield($0.tcpPort ?? 0) } }
        defer { serving.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw BenchError("the pull server did not start") }
        let output = try run(python, [script, String(port)])
        guard let data = output.split(separator: "\n").last.map({ Data($0.utf8) }),
            let figures = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            figures["records"] as? Int == count
        else { throw BenchError("bench_pull.py: \(output)") }
        result.wallSeconds = figures["wall_seconds"] as? Double
        result.parseSeconds = figures["parse_seconds"] as? Double
        return result
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("\(executable) exited with \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }
}
