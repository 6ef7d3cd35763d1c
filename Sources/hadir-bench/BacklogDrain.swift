import Foundation
import HadirCore
import HadirHTTPClient
import HadirStore
import HadirUplink
import Logging

/// Backlog drain: N punches queued while offline, then the real uplink client delivers them to a
/// loopback ADMS server; compared with a plain loop posting the same batches over the same transport.
enum BacklogDrain {
    struct Result {
        var punches: Int
        var drainSeconds: Double
        var plainLoopSeconds: Double
        var peakRSSMegabytes: Double
    }

    static func measure(directory: String, punches count: Int) async throws -> Result {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = try HadirDatabase.open(path: directory + "/hadir.sqlite")
        try prefill(database, count: count)
        let sink = try ADMSSink()
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let transport = CurlHTTPTransport()
        var settings = UplinkClientSettings(server: "bench", baseURL: sink.baseURL, serialNumber: "HDRBENCH", zoneOffsetSeconds: 25_200)
        settings.session.maxBatch = 500
        let client = try UplinkClient(
            settings: settings, database: database, transport: transport,
            executor: UplinkCommandExecutor(
                database: database, kiosk: BenchKiosk(), server: "bench", allServers: ["bench"], zoneOffsetSeconds: 25_200),
            kiosk: BenchKiosk(), clock: { SystemClockMilliseconds.now() }, logger: logger)

        resetPeakRSS()
        let start = ContinuousClock.now
        let task = Task { await client.run() }
        while try database.uplinkState(server: "bench").ackedSeq < Int64(count) {
            try await Task.sleep(for: .milliseconds(5))
        }
        let drainSeconds = elapsed(since: start)
        task.cancel()
        let peak = peakRSSMegabytes()
        guard sink.lines == count else { throw BenchError("sink received \(sink.lines) lines for \(count) punches") }

        // The same payload as a plain loop: read the batch, encode it, POST it, nothing else.
        let endpoints = try ADMSEndpoints(baseURL: sink.baseURL, serialNumber: "HDRBENCH")
        let plainStart = ContinuousClock.now
        var after: Int64 = 0
        while after < Int64(count) {
            let batch = try ATTLOGEncoder.batch(try database.punches(afterSeq: after, limit: 500), zoneOffsetSeconds: 25_200)
            let response = try await transport.send(
                .post(endpoints.upload(table: .attendanceLog, stamp: batch.stamp), body: batch.bodyBytes))
            guard response.status == 200 else { throw BenchError("plain loop got HTTP \(response.status)") }
            after = batch.stamp
        }
        return Result(punches: count, drainSeconds: drainSeconds, plainLoopSeconds: elapsed(since: plainStart), peakRSSMegabytes: peak)
    }

    /// Punches queued during an outage, written in one transaction (the bench measures the drain).
    static func prefill(_ database: HadirDatabase, count: Int) throws {
        let start: Int64 = 1_795_392_000_000
        let pins = try (1...200).map { try EmployeePIN(String(198_500_000 + $0)) }
        var drafts: [PunchDraft] = []
        drafts.reserveCapacity(10_000)
        for index in 0..<count {
            let clock = ClockReading(
                utcMilliseconds: start + Int64(index) * 1000, monotonicNanoseconds: UInt64(index) * 1_000_000_000, bootID: "bench",
                quality: .synced)
            drafts.append(
                PunchDraft(
                    deviceSerial: "HDRBENCH", pin: pins[index % pins.count], clock: clock, zoneOffsetSeconds: 25_200, verify: .fingerprint,
                    state: .checkIn, classification: .onTime))
            if drafts.count == 10_000 {
                try database.append(contentsOf: drafts)
                drafts.removeAll(keepingCapacity: true)
            }
        }
        if !drafts.isEmpty { try database.append(contentsOf: drafts) }
    }

    /// Linux resets VmHWM (peak RSS) when "5" is written to clear_refs.
    static func resetPeakRSS() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func peakRSSMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return .nan }
        return kilobytes / 1024
    }
}

/// The drain needs no scanner, clock or restart.
struct BenchKiosk: UplinkKiosk {
    var firmwareVersion: String { "Hadir bench" }
    func installTemplate(_ template: [UInt8], for pin: EmployeePIN) async -> TemplateInstallOutcome { .failed("bench") }
    func deleteFinger(of pin: EmployeePIN) async throws {}
    func removeUser(_ pin: EmployeePIN) async throws {}
    func clearFingers() async throws -> Int { 0 }
    func setClock(local: LocalDateTime) async -> ClockChangeOutcome { .refusedByPolicy("bench") }
    func setDuplicateWindow(seconds: Int) async {}
    func serverClockObserved(driftMilliseconds: Int64) async {}
    func startEnrollment(pin: EmployeePIN) async -> ADMSReturnCode { .notSupported }
    func restart() async {}
}

enum SystemClockMilliseconds {
    static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}
