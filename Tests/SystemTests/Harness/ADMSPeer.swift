import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The real ADMS server, `django-fingerprint-attendance` in the host project `Tests/peers/adms_peer`,
/// as a separate process (`manage.py runserver 127.0.0.1:<port> --noreload`) with its own SQLite in
/// a temporary `ADMS_PEER_DIR`. Its database is read and commands are queued through
/// `Tests/peers/peerctl.py`, which uses the package's own services.
///
/// The interpreter comes from `HADIRTEST_PEER_PYTHON` (`make peers` builds `.venv-peers` and
/// `make test` exports it).
final class ADMSPeer {
    /// Whether the peer can run here, decided once per test process.
    enum Availability: Sendable {
        case ready(python: String)
        /// The suite must fail with this message (CI, or a configured interpreter that is broken).
        case broken(String)
        /// Run ad hoc without the variable and outside CI: the suite is skipped, saying why.
        case notConfigured(String)
    }

    static let availability: Availability = {
        let environment = ProcessInfo.processInfo.environment
        let howTo = "run `make peers` (or `make test`, which does it) and export HADIRTEST_PEER_PYTHON=$PWD/.venv-peers/bin/python"
        guard let python = environment["HADIRTEST_PEER_PYTHON"], !python.isEmpty else {
            let message = "HADIRTEST_PEER_PYTHON is not set, so the real ADMS peer cannot run: \(howTo)"
            return environment["CI"].map { !$0.isEmpty } == true ? .broken(message) : .notConfigured(message)
        }
        guard FileManager.default.isExecutableFile(atPath: python) else {
            return .broken("HADIRTEST_PEER_PYTHON=\(python) is not an executable interpreter: \(howTo)")
        }
        guard let probe = try? ManagedProcess(executable: python, arguments: ["-c", "import django, fingerprint_attendance"]),
            probe.waitForExit(timeout: .seconds(60)) == 0
        else {
            return .broken("\(python) cannot import django-fingerprint-attendance (Tests/peers/requirements.txt): \(howTo)")
        }
        return .ready(python: python)
    }()

    /// Runs the suite when the peer is ready, and also when it must fail loudly; skips only ad hoc.
    static var shouldRun: Bool {
        if case .notConfigured = availability { return false }
        return true
    }

    /// `Tests/peers`, from this file's location.
    static let peersDirectory: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("peers").path

    /// A migrated database, made once per test process and copied for each peer (`migrate` takes
    /// several seconds on a busy two-core machine).
    private static let migratedTemplate: Result<String, HarnessError> = {
        do {
            let python = try readyPython()
            let template = try TemporaryDirectory("peer-template")
            let migrate = try ManagedProcess(
                executable: python, arguments: [peersDirectory + "/adms_peer/manage.py", "migrate", "--no-input", "-v", "0"],
                environment: peerEnvironment(directory: template.path))
            guard migrate.waitForExit(timeout: .seconds(180)) == 0 else {
                throw HarnessError("peer migrate failed: \(migrate.errors.suffix(20).joined(separator: "\n"))")
            }
            atexit { ADMSPeer.removeTemplate() }
            return .success(template.path)
        } catch let error as HarnessError {
            return .failure(error)
        } catch {
            return .failure(HarnessError("peer migrate: \(error)"))
        }
    }()

    private static func removeTemplate() {
        if case .success(let path) = migratedTemplate { try? FileManager.default.removeItem(atPath: path) }
    }

    static func readyPython() throws -> String {
        switch availability {
        case .ready(let python): return python
        case .broken(let message), .notConfigured(let message): throw HarnessError(message)
        }
    }

    static func peerEnvironment(directory: String, extra: [String: String] = [:]) -> [String: String] {
        ["ADMS_PEER_DIR": directory, "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1"].merging(extra) { _, new in new }
    }

    let python: String
    /// `ADMS_PEER_DIR`: the SQLite database and its Fernet key.
    let directory: String
    let port: Int
    let environment: [String: String]
    private(set) var process: ManagedProcess?
    /// Every server process this peer ran, oldest first (stderr carries the request log).
    private(set) var generations: [ManagedProcess] = []

    /// The base URL hadird is configured with.
    var url: String { "http://127.0.0.1:\(port)/iclock/" }

    /// Copies the migrated database into `directory` and starts the server on a free loopback port.
    /// `extraEnvironment` passes test knobs to the settings (e.g. `ADMS_PEER_COMMAND_RETRY_BACKOFF`).
    init(directory: String, extraEnvironment: [String: String] = [:]) throws {
        python = try Self.readyPython()
        self.directory = directory
        environment = Self.peerEnvironment(directory: directory, extra: extraEnvironment)
        let template = try Self.migratedTemplate.get()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in ["peer.sqlite3", "fernet.key"] {
            try FileManager.default.copyItem(atPath: template + "/" + name, toPath: directory + "/" + name)
        }
        var lastError: (any Error)?
        for _ in 0..<5 {
            let candidate = try LoopbackPort.free()
            do {
                let server = try Self.launch(python: python, environment: environment, port: candidate)
                port = candidate
                process = server
                generations = [server]
                return
            } catch let error as PortInUse {
                lastError = error  // lost the race for the port; pick another
            }
        }
        throw HarnessError("peer could not get a loopback port: \(String(describing: lastError))")
    }

    private struct PortInUse: Error, CustomStringConvertible {
        let port: Int
        var description: String { "127.0.0.1:\(port) is already in use" }
    }

    /// Starts `runserver` and waits until it listens.
    private static func launch(python: String, environment: [String: String], port: Int) throws -> ManagedProcess {
        let server = try ManagedProcess(
            executable: python,
            arguments: [peersDirectory + "/adms_peer/manage.py", "runserver", "127.0.0.1:\(port)", "--noreload", "--skip-checks"],
            environment: environment)
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if !server.process.isRunning {
                server.waitForExit()
                if server.errors.contains(where: { $0.contains("already in use") }) { throw PortInUse(port: port) }
                throw HarnessError("peer exited during start: \(server.errors.suffix(20).joined(separator: "\n"))")
            }
            if server.output.contains(where: { $0.contains("Starting development server at http://127.0.0.1:\(port)/") }),
                LoopbackPort.accepts(port)
            {
                return server
            }
            usleep(50_000)
        }
        server.kill9AndWait()
        throw HarnessError("peer did not listen on 127.0.0.1:\(port) within 60 s: \(server.errors.suffix(20))")
    }

    /// Stops the server (the database stays).
    func stop() {
        guard let process else { return }
        process.signal(SIGTERM)
        if process.waitForExit(timeout: .seconds(10)) == nil { process.kill9AndWait() }
        self.process = nil
    }

    /// Starts the server again on the same port, over the same database.
    func restart() throws {
        stop()
        // The old socket may linger in TIME_WAIT; runserver sets SO_REUSEADDR, but retry a little anyway.
        for attempt in 0..<20 {
            do {
                let server = try Self.launch(python: python, environment: environment, port: port)
                process = server
                generations.append(server)
                return
            } catch is PortInUse where attempt < 19 {
                usleep(250_000)
            }
        }
    }

    /// The request log (django.server writes one stderr line per request) across restarts.
    var requestLog: [String] {
        generations.flatMap(\.errors).filter { $0.contains("\"GET /") || $0.contains("\"POST /") }
    }

    /// Waits (polling every millisecond) until the server has answered an ATTLOG upload whose Stamp
    /// is at least `stamp`; returns that Stamp. django.server logs a request as its response goes out,
    /// after the view committed the punches.
    func waitForAttendanceUpload(stampAtLeast stamp: Int64, timeout: Duration) throws -> Int64 {
        guard let server = process else { throw HarnessError("peer is not running") }
        let deadline = ContinuousClock.now + timeout
        var checked = 0
        while ContinuousClock.now < deadline {
            let lines = server.errors
            for line in lines[checked...] {
                guard line.contains("\"POST /iclock/cdata?"), line.contains("table=ATTLOG"), line.contains("\" 200 "),
                    let value = Self.queryValue("Stamp", in: line), value >= stamp
                else { continue }
                return value
            }
            checked = lines.count
            usleep(1_000)
        }
        throw HarnessError("no ATTLOG upload with Stamp >= \(stamp) within \(timeout): \(requestLog.suffix(5))")
    }

    /// Waits until the server has answered `count` handshakes (`GET /iclock/cdata?…options=all`) in all.
    func waitForHandshakes(_ count: Int, timeout: Duration) throws {
        let deadline = ContinuousClock.now + timeout
        while requestLog.filter({ $0.contains("\"GET /iclock/cdata?") }).count < count {
            guard ContinuousClock.now < deadline else {
                throw HarnessError("fewer than \(count) handshakes in \(timeout): \(requestLog.suffix(5))")
            }
            usleep(20_000)
        }
    }

    /// Waits for the next getrequest the server answers.
    func waitForNextPoll(timeout: Duration) throws {
        guard let server = process else { throw HarnessError("peer is not running") }
        let isPoll: (String) -> Bool = { $0.contains("\"GET /iclock/getrequest?") }
        let seen = server.errors.filter(isPoll).count
        let deadline = ContinuousClock.now + timeout
        while server.errors.filter(isPoll).count == seen {
            guard ContinuousClock.now < deadline else { throw HarnessError("no getrequest within \(timeout): \(requestLog.suffix(5))") }
            usleep(5_000)
        }
    }

    /// `name=<integer>` from a logged request line.
    static func queryValue(_ name: String, in line: String) -> Int64? {
        guard let range = line.range(of: "&\(name)=") ?? line.range(of: "?\(name)=") else { return nil }
        return Int64(line[range.upperBound...].prefix { $0.isNumber })
    }

    deinit {
        stop()
    }

    // MARK: Database, through peerctl.py

    private func peerctl<Document: Decodable>(_ arguments: [String], as type: Document.Type) throws -> Document {
        let run = try ManagedProcess(
            executable: python, arguments: [Self.peersDirectory + "/peerctl.py"] + arguments, environment: environment)
        let status = run.waitForExit(timeout: .seconds(90))
        guard status == 0, let line = run.output.last else {
            throw HarnessError(
                "peerctl \(arguments.joined(separator: " ")) failed (\(String(describing: status))): \(run.output.suffix(3)) \(run.errors.suffix(20))"
            )
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(Document.self, from: Data(line.utf8))
        } catch {
            throw HarnessError("peerctl \(arguments.first ?? ""): unexpected output \(line.prefix(500)): \(error)")
        }
    }

    /// Queues a command the way an administrator would (`services.commands.queue_command`).
    func queueCommand(serial: String, _ type: String, _ payload: [String: String] = [:], maxAttempts: Int? = nil) throws -> PeerCommand {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys]), as: UTF8.self)
        return try peerctl(
            ["queue", serial, type, json] + (maxAttempts.map { ["--max-attempts", String($0)] } ?? []), as: PeerCommand.self)
    }

    func command(_ id: Int) throws -> PeerCommand {
        try peerctl(["command", String(id)], as: PeerCommand.self)
    }

    /// Waits until the command satisfies `done` (checked every half second).
    func waitForCommand(_ id: Int, timeout: Duration, until done: (PeerCommand) -> Bool) throws -> PeerCommand {
        let deadline = ContinuousClock.now + timeout
        var last = try command(id)
        while !done(last) {
            guard ContinuousClock.now < deadline else {
                throw HarnessError("peer command \(id) still \(last) after \(timeout); requests: \(requestLog.suffix(10))")
            }
            usleep(500_000)
            last = try command(id)
        }
        return last
    }

    /// Every punch the peer stored for the device, in time order.
    func punches(serial: String) throws -> [PeerPunch] {
        try peerctl(["punches", serial], as: PeerPunches.self).punches
    }

    func device(serial: String) throws -> PeerDevice {
        try peerctl(["device", serial], as: PeerDevice.self)
    }
}

/// A `DeviceCommand` row.
struct PeerCommand: Decodable, CustomStringConvertible {
    var id: Int
    var type: String
    var commandString: String
    var status: String
    var attempts: Int
    var returnCode: Int?
    var error: String
    var responseBody: String
    var nextAttemptAt: String?

    var description: String {
        "#\(id) \(type) status=\(status) attempts=\(attempts) return=\(returnCode.map(String.init) ?? "-") error=\"\(error)\""
    }
}

/// A `Punch` row: `utc` is `punched_at` in whole seconds since the epoch.
struct PeerPunch: Decodable, Hashable {
    var pin: String
    var utc: Int64
    var local: String
    var rawState: String
    var verify: Int?
    var flags: String
}

struct PeerPunches: Decodable {
    var count: Int
    var punches: [PeerPunch]
}

/// The `Device` row and its latest event log entries.
struct PeerDevice: Decodable {
    struct Event: Decodable {
        var type: String
        var message: String
    }
    var serial: String
    var status: String
    var attlogStamp: String
    var reportedUserCount: Int?
    var reportedPunchCount: Int?
    var clockDriftSeconds: Double?
    var lastHandshakeAt: String?
    var events: [Event]
}

/// Loopback TCP ports for servers the tests start.
enum LoopbackPort {
    /// A port the kernel just handed out for 127.0.0.1 (free at the moment of asking).
    static func free() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw HarnessError("bind 127.0.0.1:0: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// True when something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
