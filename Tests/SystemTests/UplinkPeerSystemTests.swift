import Foundation
import HadirCore
import HadirDaemon
import HadirStore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// hadird pushing to the real ADMS server (django-fingerprint-attendance, reference §5), with
/// hadir-sim, hadird and the peer as separate processes on loopback.
///
/// Runs under `make test`, which builds `.venv-peers` and exports `HADIRTEST_PEER_PYTHON`. Without
/// that variable the suite is skipped when run ad hoc, and fails when `CI` is set.
@Suite(
    .serialized,
    .enabled(
        if: ADMSPeer.shouldRun,
        "HADIRTEST_PEER_PYTHON is not set (and CI is not): skipped. Run `make peers` and export HADIRTEST_PEER_PYTHON=$PWD/.venv-peers/bin/python"
    ))
struct UplinkPeerSystemTests {
    /// Scans in the volume test. Each waits for the daemon's punch before the next.
    /// `HADIRTEST_UPLINK_PUNCHES` overrides it for a quicker local run.
    static let volumePunches = ProcessInfo.processInfo.environment["HADIRTEST_UPLINK_PUNCHES"].flatMap { Int($0) } ?? 1_000
    /// Punches queued while the peer is down in the crash test.
    static let outagePunches = 200

    // MARK: 1. Volume

    @Test func everyScanArrivesOnceWithItsLocalTime() throws {
        let rig = try UplinkRig("volume")
        defer { rig.remove() }
        // The pace is the scan loop: polls every 25 ms and 20 fingers (each PIN waits 1.1 s) keep
        // 1,000 scans near a minute instead of three.
        let daemon = try rig.startDaemon(environment: ["HADIR_SCANNER_POLL_INTERVAL_MS": "25"])
        var tapper = try rig.enrollTappers(daemon, count: 20, firstFinger: 51)

        let started = ContinuousClock.now
        for index in 0..<Self.volumePunches {
            try tapper.tapAndWait(daemon, finger: tapper.fingers[index % tapper.fingers.count])
        }
        let scanned = ContinuousClock.now
        let uplink = try rig.drain(daemon, timeout: .seconds(180))
        let drained = ContinuousClock.now
        let refused = rig.peer.requestLog.filter { !$0.contains("\" 200 ") }
        print(
            "UplinkPeerSystemTests.volume: \(Self.volumePunches) scans in \(scanned - started), "
                + "backlog 0 after a further \(drained - scanned); peer requests: \(rig.peer.requestLog.count), "
                + "not 200: \(refused.count) \(refused.prefix(3))")

        let journal = try rig.journal()
        #expect(journal.count == Self.volumePunches)
        #expect(uplink.ackedSeq == journal.last?.seq)
        #expect(uplink.quarantined.isEmpty)
        try expectPeerHoldsExactly(journal, rig: rig)
        #expect(daemon.terminate() == 0)
    }

    // MARK: 1b. Face punches

    /// A mixed kiosk's face punch reaches the server as verify 15 and its finger punch as verify 1.
    @Test func facePunchesUploadAsVerify15() throws {
        let rig = try UplinkRig("face")
        defer { rig.remove() }
        try FileManager.default.createDirectory(atPath: rig.directory.path + "/face", withIntermediateDirectories: true)
        let face = try Simulator(directory: rig.directory.path + "/face", extraArguments: ["--kind", "face"])
        defer { face.stop() }
        let daemon = try rig.startDaemon(extraConfig: MixedKioskSystemTests.faceConfig(face))
        try daemon.waitForEvent(.scannerConnected, count: 2)
        #expect(try daemon.enrollFace(pin: "7001", name: "Dewi", face: 3, simulator: face).status == .enrolled)
        #expect(try daemon.enroll(pin: "7002", name: "Agus", finger: 41, simulator: rig.simulator).status == .enrolled)
        try face.send("look 3")
        #expect(try daemon.waitForEvent(.punch).verify == 15)
        try rig.simulator.send("tap 41")
        #expect(try daemon.waitForEvent(.punch, count: 2).verify == 1)

        _ = try rig.drain(daemon, timeout: .seconds(60))
        let verifyByPIN = Dictionary(uniqueKeysWithValues: try rig.peer.punches(serial: rig.serial).map { ($0.pin, $0.verify) })
        #expect(verifyByPIN == ["7001": 15, "7002": 1])
        #expect(daemon.terminate() == 0)
    }

    // MARK: 2. add_user

    @Test func queuedAddUserAppearsOnTheKioskAndSucceeds() throws {
        let rig = try UplinkRig("adduser")
        defer { rig.remove() }
        let daemon = try rig.startDaemon()
        try rig.waitForHandshake(daemon)

        // Right after a regular poll, so the next one is a whole Delay (10 s) away.
        try rig.peer.waitForNextPoll(timeout: .seconds(30))
        let queued = try rig.peer.queueCommand(serial: rig.serial, "add_user", ["pin": "7001", "name": "Dewi Lestari"])
        #expect(queued.commandString.hasPrefix("DATA UPDATE USERINFO PIN=7001\tName=Dewi Lestari"))
        let asked = ContinuousClock.now
        _ = try rig.syncNow(daemon)
        let done = try rig.peer.waitForCommand(queued.id, timeout: .seconds(60)) { $0.status != "pending" && $0.status != "sent" }
        let latency = ContinuousClock.now - asked
        print("UplinkPeerSystemTests.addUser: command finished \(latency) after sync --now")
        #expect(done.status == "succeeded", "\(done)")
        #expect(done.returnCode == 0)
        // `hadirctl sync --now` handshakes and polls at once instead of waiting for the Delay poll.
        #expect(latency < .seconds(5), "command picked up \(latency) after sync --now; peer: \(rig.peer.requestLog.suffix(4))")

        let users = try rig.hadirctl(["users", "--json"], as: [UserRow].self)
        #expect(users.contains { $0.pin == "7001" && $0.name == "Dewi Lestari" }, "hadirctl users: \(users)")
        #expect(daemon.terminate() == 0)
    }

    // MARK: 3. query_attlog

    @Test func queuedQueryAttlogReuploadsTheDayWithoutDuplicates() throws {
        let rig = try UplinkRig("query")
        defer { rig.remove() }
        let daemon = try rig.startDaemon()
        var tapper = try rig.enrollTappers(daemon, count: 4, firstFinger: 61)
        for index in 0..<24 { try tapper.tapAndWait(daemon, finger: tapper.fingers[index % tapper.fingers.count]) }
        _ = try rig.drain(daemon, timeout: .seconds(60))
        let journal = try rig.journal()
        try expectPeerHoldsExactly(journal, rig: rig)
        let uploadsBefore = rig.peer.requestLog.filter { $0.contains("table=ATTLOG") }.count

        // The whole local day (or days, around midnight) of the punches.
        let days = journal.map { String(UplinkRig.wallTime(utcMilliseconds: $0.utcMilliseconds).prefix(10)) }
        let range = ["start": days.min()! + " 00:00:00", "end": days.max()! + " 23:59:59"]
        let queued = try rig.peer.queueCommand(serial: rig.serial, "query_attlog", range)
        _ = try rig.syncNow(daemon)
        let done = try rig.peer.waitForCommand(queued.id, timeout: .seconds(60)) { $0.status != "pending" && $0.status != "sent" }
        #expect(done.status == "succeeded", "\(done)")
        #expect(done.returnCode == 0)

        let uploadsAfter = rig.peer.requestLog.filter { $0.contains("table=ATTLOG") }.count
        #expect(uploadsAfter > uploadsBefore, "the range was not uploaded again: \(rig.peer.requestLog.suffix(8))")
        try expectPeerHoldsExactly(journal, rig: rig)
        let uplink = try rig.status(daemon).uplinks[0]
        #expect(uplink.ackedSeq == journal.last?.seq)
        #expect(uplink.backlog == 0)

        // A range that ends before the newest punch. This peer echoes the last Stamp it received as
        // ATTLOGStamp, and a Stamp below the cursor means "the server lost data" at the next handshake
        // (reference §1.1): the re-upload must not send one, or every restart re-sends the tail.
        let early = UplinkRig.wallTime(utcMilliseconds: journal[0].utcMilliseconds)
        let partial = try rig.peer.queueCommand(serial: rig.serial, "query_attlog", ["start": early, "end": early])
        _ = try rig.syncNow(daemon)
        let partialDone = try rig.peer.waitForCommand(partial.id, timeout: .seconds(60)) { $0.status != "pending" && $0.status != "sent" }
        #expect(partialDone.status == "succeeded", "\(partialDone)")
        let lastSeq = try #require(journal.last?.seq)
        #expect(try rig.peer.device(serial: rig.serial).attlogStamp == String(lastSeq))
        #expect(daemon.terminate() == 0)
        let restarted = try rig.startDaemon()
        try rig.peer.waitForHandshakes(2, timeout: .seconds(30))
        _ = try rig.drain(restarted, timeout: .seconds(60))
        #expect(!restarted.process.errors.contains { $0.contains("cursorRewound") }, "\(restarted.process.errors.suffix(5))")
        #expect(try rig.status(restarted).uplinks[0].ackedSeq == lastSeq)
        try expectPeerHoldsExactly(journal, rig: rig)
        #expect(restarted.terminate() == 0)
    }

    // MARK: 4. set_time

    @Test func setTimeIsRefusedUnderNTPAuthorityAndTheClockStays() throws {
        // The peer hands a command answered with a negative code out again after this backoff:
        // the second delivery has the same CmdID and must get the stored result, not a second run.
        let rig = try UplinkRig("settime", peerEnvironment: ["ADMS_PEER_COMMAND_RETRY_BACKOFF": "1s"])
        defer { rig.remove() }
        let daemon = try rig.startDaemon()
        try rig.waitForHandshake(daemon)

        let queued = try rig.peer.queueCommand(serial: rig.serial, "set_time", maxAttempts: 2)
        #expect(queued.commandString.hasPrefix("SET OPTION DateTime="))
        _ = try rig.syncNow(daemon)
        let first = try rig.peer.waitForCommand(queued.id, timeout: .seconds(60)) { $0.returnCode != nil }
        #expect(first.returnCode == -1004, "\(first)")
        #expect(first.status != "succeeded")

        // The peer retries it (attempt 2 of 2), then gives up.
        let final = try rig.peer.waitForCommand(queued.id, timeout: .seconds(90)) { command in
            if command.status == "pending" || command.status == "sent" { _ = try? rig.syncNow(daemon) }
            return command.status == "failed"
        }
        #expect(final.returnCode == -1004, "\(final)")
        #expect(final.attempts == 2)
        #expect(final.error == "device returned -1004")

        // Executed once, answered twice; the clock untouched.
        let log = daemon.process.errors
        #expect(log.filter { $0.contains("server asked to set the clock; refused") }.count == 1, "\(log.suffix(20))")
        #expect(log.contains { $0.contains("server repeated a command") }, "\(log.suffix(20))")
        #expect(!log.contains { $0.contains("clock set by the server") })
        let database = try HadirDatabase.open(path: rig.state + "/hadir.sqlite", readOnly: true)
        #expect(try database.scanEvents(limit: 1000).allSatisfy { $0.kind.rawValue != "clock_set" })
        let status = try rig.status(daemon)
        let kiosk = UplinkRig.wallTimeFormatter.date(from: String(status.localTime.prefix(19)))
        let drift = kiosk.map { abs($0.timeIntervalSinceNow) } ?? .infinity
        #expect(drift < 10, "kiosk local time \(status.localTime) vs host \(Date())")
        // The drift the handshake's Date header showed is in status and in the metrics.
        #expect(status.uplinks.first?.clockDriftMilliseconds != nil)
        let metrics = try daemon.client.metrics()
        #expect(metrics.contains("hadir_uplink_clock_drift_seconds{server="), "\(metrics)")
        #expect(metrics.contains("hadir_uplink_backlog{server="), "\(metrics)")
        #expect(daemon.terminate() == 0)
    }

    // MARK: 5. SIGKILL during the drain

    @Test func sigkillDuringTheDrainLosesAndDoublesNothing() throws {
        let rig = try UplinkRig("sigkill")
        defer { rig.remove() }
        // Small batches: the drain takes many requests, so the kills land inside it.
        var daemon = try rig.startDaemon(maxBatch: 10)
        var tapper = try rig.enrollTappers(daemon, count: 8, firstFinger: 71)
        _ = try rig.drain(daemon, timeout: .seconds(60))

        rig.peer.stop()
        for index in 0..<Self.outagePunches {
            try tapper.tapAndWait(daemon, finger: tapper.fingers[index % tapper.fingers.count])
        }
        let offline = try rig.status(daemon).uplinks[0]
        #expect(offline.backlog == Self.outagePunches)
        #expect(offline.lastError != nil)
        try rig.peer.restart()

        // Kill -9 three times while the backlog drains: each time the moment the peer has answered
        // a batch reaching a quarter, half, three quarters of the backlog. Its rows are committed
        // then, and the daemon has usually not stored its cursor yet, so the batch goes again.
        let lastSeq = try #require(try rig.journal().last?.seq)
        let startSeq = offline.ackedSeq
        var kills: [(peerStamp: Int64, cursor: Int64)] = []
        for fraction in [0.25, 0.5, 0.75] {
            let threshold = startSeq + Int64(Double(lastSeq - startSeq) * fraction)
            _ = try rig.syncNow(daemon)
            let stamp = try rig.peer.waitForAttendanceUpload(stampAtLeast: threshold, timeout: .seconds(90))
            daemon.process.kill9AndWait()
            kills.append((stamp, try rig.ackedSeqOnDisk()))
            daemon = try rig.startDaemon(maxBatch: 10)
        }
        let resent = kills.filter { $0.cursor < $0.peerStamp }.count
        print(
            "UplinkPeerSystemTests.sigkill: killed after the peer took stamps \(kills.map(\.peerStamp)) of \(startSeq + 1)...\(lastSeq); "
                + "the daemon's stored cursor was \(kills.map(\.cursor)) (\(resent) batch(es) committed at the peer but not acked)")
        #expect(resent >= 1, "no kill landed between the peer's commit and the daemon's cursor: \(kills)")

        let uplink = try rig.drain(daemon, timeout: .seconds(120))
        let journal = try rig.journal()
        #expect(journal.last?.seq == lastSeq)
        #expect(uplink.ackedSeq == lastSeq)
        #expect(uplink.backlog == 0)
        #expect(uplink.quarantined.isEmpty)
        try expectPeerHoldsExactly(journal, rig: rig)
        #expect(daemon.terminate() == 0)
    }

    // MARK: Shared assertions

    /// The peer has exactly one punch per journal seq: same PIN, same UTC second, WIB wall time as
    /// the ATTLOG line, status and verify as journaled. The peer dedupes on serial|PIN|UTC second,
    /// so the journal's (PIN, second) pairs must be distinct for this to be a per-seq check.
    func expectPeerHoldsExactly(_ journal: [Punch], rig: UplinkRig, sourceLocation: SourceLocation = #_sourceLocation) throws {
        struct Key: Hashable {
            var pin: String
            var second: Int64
        }
        let bySeq = Dictionary(grouping: journal) { Key(pin: $0.pin.rawValue, second: $0.utcMilliseconds / 1000) }
        try #require(
            bySeq.count == journal.count, "the test tapped one PIN twice in a second; the peer would merge those",
            sourceLocation: sourceLocation)
        let peer = try rig.peer.punches(serial: rig.serial)
        #expect(peer.count == journal.count, "peer holds \(peer.count) punches, journal \(journal.count)", sourceLocation: sourceLocation)
        let byKey = Dictionary(grouping: peer) { Key(pin: $0.pin, second: $0.utc) }
        var missing: [Int64] = []
        var doubled: [Int64] = []
        var wrong: [String] = []
        for punch in journal {
            let key = Key(pin: punch.pin.rawValue, second: punch.utcMilliseconds / 1000)
            guard let stored = byKey[key] else {
                missing.append(punch.seq)
                continue
            }
            if stored.count > 1 { doubled.append(punch.seq) }
            let row = stored[0]
            let local = UplinkRig.wallTime(utcMilliseconds: punch.utcMilliseconds)
            if row.local != local || row.rawState != String(punch.draft.state.rawValue) || row.verify != Int(punch.draft.verify.rawValue) {
                wrong.append("seq \(punch.seq): peer \(row.local)/\(row.rawState)/\(row.verify ?? -1), journal \(local)")
            }
        }
        let extra = byKey.keys.filter { !bySeq.keys.contains($0) }
        #expect(missing.isEmpty, "journal seqs missing at the peer: \(missing.prefix(20))", sourceLocation: sourceLocation)
        #expect(doubled.isEmpty, "seqs stored twice: \(doubled.prefix(20))", sourceLocation: sourceLocation)
        #expect(extra.isEmpty, "peer punches no journal seq has: \(extra.prefix(20))", sourceLocation: sourceLocation)
        #expect(wrong.isEmpty, "\(wrong.prefix(10))", sourceLocation: sourceLocation)
    }
}

/// One test's processes: hadir-sim, the peer, and hadird configured to push to it.
final class UplinkRig {
    let directory: TemporaryDirectory
    let simulator: Simulator
    let peer: ADMSPeer
    let state: String
    let serial = "HDRTEST0001"

    init(_ label: String, peerEnvironment: [String: String] = [:]) throws {
        _ = try ADMSPeer.readyPython()  // fail (or skip) before making anything
        let directory = try TemporaryDirectory("uplink-\(label)")
        do {
            simulator = try Simulator(
                directory: directory.path,
                extraArguments: ProcessInfo.processInfo.environment["HADIRTEST_SIM_LOG_COMMANDS"] != nil ? ["--log-commands"] : [])
            peer = try ADMSPeer(directory: directory.path + "/peer", extraEnvironment: peerEnvironment)
        } catch {
            directory.remove()
            throw error
        }
        self.directory = directory
        state = directory.path + "/state"
    }

    func remove() {
        peer.stop()
        simulator.stop()
        directory.remove()
    }

    /// hadird pushing to the peer; the clock stays NTP's (never let a test set the host clock).
    func startDaemon(maxBatch: Int = 500, extraConfig: String = "", environment: [String: String] = [:]) throws -> DaemonUnderTest {
        try DaemonUnderTest(
            stateDirectory: state, scannerPath: simulator.link, duplicateWindow: 0,
            extraConfig: """

                [clock]
                authority = "ntp"

                [uplink.peer]
                url = "\(peer.url)"
                max_batch = \(maxBatch)

                """
                    + (ProcessInfo.processInfo.environment["HADIRTEST_HADIRD_LOG_LEVEL"].map { "\n[output]\nlog_level = \"\($0)\"\n" } ?? "")
                    + extraConfig,
            environment: environment
        )
    }

    /// Enrolls `count` employees (PIN 9000+finger) and returns a tapper over their fingers.
    func enrollTappers(_ daemon: DaemonUnderTest, count: Int, firstFinger: Int) throws -> Tapper {
        let fingers = Array(firstFinger..<(firstFinger + count))
        for finger in fingers {
            let result = try daemon.enroll(pin: "\(9000 + finger)", name: "Pegawai \(finger)", finger: finger, simulator: simulator)
            guard result.status == .enrolled else { throw HarnessError("enrolling finger \(finger): \(result.message)") }
        }
        return Tapper(simulator: simulator, fingers: fingers)
    }

    func hadirctl<Document: Decodable>(_ arguments: [String], as type: Document.Type) throws -> Document {
        let run = try ManagedProcess(executable: Binaries.path("hadirctl"), arguments: ["--state", state] + arguments)
        guard run.waitForExit(timeout: .seconds(30)) == 0 else {
            throw HarnessError("hadirctl \(arguments.joined(separator: " ")) failed: \(run.output.suffix(5)) \(run.errors.suffix(5))")
        }
        return try JSONDecoder().decode(Document.self, from: Data(run.output.joined(separator: "\n").utf8))
    }

    func status(_ daemon: DaemonUnderTest) throws -> StatusReport {
        try hadirctl(["status", "--json"], as: StatusReport.self)
    }

    @discardableResult
    func syncNow(_ daemon: DaemonUnderTest) throws -> [UplinkStatus] {
        try hadirctl(["sync", "--now", "--json"], as: [UplinkStatus].self)
    }

    /// `hadirctl sync --now` until the peer has acknowledged the whole journal.
    func drain(_ daemon: DaemonUnderTest, timeout: Duration) throws -> UplinkStatus {
        let deadline = ContinuousClock.now + timeout
        var lastSync = ContinuousClock.now - .seconds(60)
        while true {
            if ContinuousClock.now - lastSync > .seconds(2) {
                try syncNow(daemon)
                lastSync = ContinuousClock.now
            }
            let status = try daemon.client.status()
            let uplink = try #require(status.uplinks.first)
            if uplink.backlog == 0 && uplink.ackedSeq == (status.lastSeq ?? 0) {
                return try self.status(daemon).uplinks[0]
            }
            guard ContinuousClock.now < deadline else {
                throw HarnessError(
                    "uplink did not drain in \(timeout): \(uplink); daemon: \(daemon.process.errors.suffix(10)); peer: \(peer.requestLog.suffix(5))"
                )
            }
            usleep(100_000)
        }
    }

    /// The upload cursor as the daemon last stored it (readable while the daemon is down).
    func ackedSeqOnDisk() throws -> Int64 {
        let database = try HadirDatabase.open(path: state + "/hadir.sqlite", readOnly: true)
        defer { try? database.close() }
        return try database.uplinkStates().first { $0.server == "peer" }?.ackedSeq ?? 0
    }

    /// Waits until the daemon has handshaken with the peer (which registers the device).
    func waitForHandshake(_ daemon: DaemonUnderTest, timeout: Duration = .seconds(60)) throws {
        let deadline = ContinuousClock.now + timeout
        while (try? peer.device(serial: serial).lastHandshakeAt) == nil {
            guard ContinuousClock.now < deadline else {
                throw HarnessError(
                    "no handshake in \(timeout); daemon: \(daemon.process.errors.suffix(10)); peer: \(peer.requestLog.suffix(5))")
            }
            usleep(250_000)
        }
    }

    /// The journal, read from the database file.
    func journal() throws -> [Punch] {
        let database = try HadirDatabase.open(path: state + "/hadir.sqlite", readOnly: true)
        defer { try? database.close() }
        return try database.punches(pin: nil, fromUTC: nil, toUTC: nil, limit: nil)
    }

    /// Device-local wall time in the device's zone (Asia/Jakarta), as the ATTLOG line carries it.
    static let wallTimeFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Jakarta")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter
    }()

    static func wallTime(utcMilliseconds: Int64) -> String {
        wallTimeFormatter.string(from: Date(timeIntervalSince1970: TimeInterval(utcMilliseconds / 1000)))
    }
}

/// Taps virtual fingers one at a time, each after the daemon acknowledged the previous punch and
/// checked the finger lifted, and never the same finger twice within 1.1 s (the peer keys punches
/// on PIN and UTC second).
struct Tapper {
    let simulator: Simulator
    let fingers: [Int]
    private var lastPunch: [Int: ContinuousClock.Instant] = [:]
    /// stdout lines of the current daemon already looked at.
    private var consumed = 0
    private var daemonIdentity: ObjectIdentifier?

    init(simulator: Simulator, fingers: [Int]) {
        self.simulator = simulator
        self.fingers = fingers
    }

    @discardableResult
    mutating func tapAndWait(_ daemon: DaemonUnderTest, finger: Int, timeout: Duration = .seconds(20)) throws -> FeedbackEvent {
        if daemonIdentity != ObjectIdentifier(daemon) {
            daemonIdentity = ObjectIdentifier(daemon)
            consumed = daemon.process.output.count
        }
        if let last = lastPunch[finger] {
            let wait = .milliseconds(1_100) - (ContinuousClock.now - last)
            if wait > .zero { try? sleepFor(wait) }
        }
        try simulator.send("tap \(finger)")
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let lines = daemon.process.output
            while consumed < lines.count {
                let line = lines[consumed]
                consumed += 1
                guard line.hasPrefix("{"), let event = try? JSONDecoder().decode(FeedbackEvent.self, from: Data(line.utf8)) else {
                    continue
                }
                switch event.event {
                case .punch:
                    lastPunch[finger] = ContinuousClock.now
                    try simulator.waitForLiftCheck()
                    return event
                case .duplicate, .unknownFinger, .unreadable, .recordFailed:
                    throw HarnessError("tap \(finger) gave \(event.event.rawValue): \(event.message)")
                default:
                    continue
                }
            }
            usleep(2_000)
        }
        throw HarnessError("no punch for tap \(finger) within \(timeout); \(stallReport(daemon))")
    }

    /// What the processes say when a tap got no punch: the simulator's state, the daemon's scanner
    /// status and log, and whether the punch turns up later after all.
    private mutating func stallReport(_ daemon: DaemonUnderTest) -> String {
        var report = "sim status: " + ((try? simulator.send("status")) ?? "(no reply)")
        usleep(2_000_000)
        report += "; 2 s later: " + ((try? simulator.send("status")) ?? "(no reply)")
        if let status = try? daemon.client.status() {
            report += "; daemon scanner: \(status.scanner), last seq \(status.lastSeq.map(String.init) ?? "-")"
        } else {
            report += "; daemon control socket did not answer"
        }
        // Diagnostics on demand: every thread's stack, by gdb.
        if let path = ProcessInfo.processInfo.environment["HADIRTEST_STALL_BACKTRACE"],
            let gdb = try? ManagedProcess(
                executable: "/usr/bin/gdb",
                arguments: ["-p", String(daemon.process.process.processIdentifier), "-batch", "-ex", "thread apply all bt"])
        {
            gdb.waitForExit(timeout: .seconds(120))
            try? (gdb.output + gdb.errors).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            report += "; backtrace in \(path)"
        }
        let waited = ContinuousClock.now
        while ContinuousClock.now - waited < .seconds(30) {
            let lines = daemon.process.output
            if lines[consumed...].contains(where: { $0.contains(#""event":"punch""#) }) {
                report += "; the punch came \(ContinuousClock.now - waited) later"
                break
            }
            usleep(50_000)
        }
        return report
            + "; sim log: \((simulator.process.output + simulator.process.errors).suffix(12)); stderr: \(daemon.process.errors.suffix(15))"
    }

    private func sleepFor(_ duration: Duration) throws {
        let (seconds, attoseconds) = duration.components
        usleep(UInt32(seconds) * 1_000_000 + UInt32(attoseconds / 1_000_000_000_000))
    }
}
