import ArgumentParser
import Foundation
import HadirCore
import HadirDaemon
import HadirPull
import HadirStore
import Logging

/// The real pull server and punch recorder on a state directory, with stdin standing in for the
/// scanner: `punch <count> <within-ms>` records punches as fast as the recorder takes them. Used
/// where one scanner cannot go fast enough (five punches in 100 ms for the live-capture test).
struct PullHost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull-host", abstract: "Serve a state directory over the ZK pull protocol; punches come from stdin.")

    @Option(help: "State directory (see `seed`).") var state: String
    @Option(help: "Port for TCP and UDP (0: any free port each).") var port = 0
    @Option(help: "Comm key (0: none).") var commKey: UInt32 = 0

    func run() async throws {
        var logger = Logger(label: "hadir-fixtures")
        logger.logLevel = ProcessInfo.processInfo.environment["HADIR_FIXTURES_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        let database = try HadirDatabase.open(path: state + "/hadir.sqlite")
        let users = try database.users()
        guard !users.isEmpty else { throw ValidationError("seed users first: punches need employees") }
        let events = ZKLiveEventHub()
        let recorder = try PunchRecorder(
            database: database, clock: SystemClock(), profile: .bandungBarat, duplicateWindow: DuplicateWindow(seconds: 0),
            deviceSerial: "HDRTEST0001", hub: FeedbackHub(printsLines: false, logger: logger), language: .indonesian, logger: logger,
            liveEvents: events)
        let server = ZKPullServer(
            configuration: ZKPullServerConfiguration(
                host: "127.0.0.1", port: port, commKey: commKey, device: ZKDeviceInfo(serialNumber: "HDRTEST0001")),
            device: ZKStoreDevice(
                database: database, actions: ZKScannerlessActions(), uplinkServers: [],
                zoneOffsetSeconds: IndonesianZone.wib.offsetSeconds, logger: logger),
            events: events, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.run { status in
                    say("listening tcp=\(status.tcpPort ?? 0) udp=\(status.udpPort ?? 0)")
                }
            }
            group.addTask {
                for await line in Self.standardInputLines() {
                    let words = line.split(separator: " ")
                    guard words.first == "punch", words.count == 3, let count = Int(words[1]), let within = Int(words[2]) else {
                        if line == "quit" { break }
                        say("error: use `punch <count> <within-ms>` or `quit`")
                        continue
                    }
                    let started = ContinuousClock.now
                    for index in 0..<count {
                        await recorder.record(users[index % users.count], verify: .fingerprint, slot: nil)
                        if count > 1 { try await Task.sleep(for: .milliseconds(within / count)) }
                    }
                    let elapsed = ContinuousClock.now - started
                    say(
                        "recorded \(count) in \(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000) ms"
                    )
                }
            }
            _ = try await group.next()
            group.cancelAll()
        }
    }
}

extension PullHost {
    /// stdin lines, read on a thread of their own (FileHandle has no async bytes on Linux).
    static func standardInputLines() -> AsyncStream<String> {
        AsyncStream { continuation in
            Thread.detachNewThread {
                while let line = readLine() { continuation.yield(line) }
                continuation.finish()
            }
        }
    }
}

/// One line to stdout, unbuffered (fflush would contend with the thread blocked reading stdin).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
