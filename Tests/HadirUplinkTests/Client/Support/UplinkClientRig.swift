import Foundation
import HadirCore
import HadirHTTPClient
import HadirStore
import HadirUplink
import Synchronization

/// The wall clock the client reads: the system's, plus an offset a test can jump.
final class TestClock: Sendable {
    let offset = Atomic<Int64>(0)

    func now() -> Int64 { HadirDatabase.systemMilliseconds() + offset.load(ordering: .acquiring) }

    /// Sets the clock `milliseconds` off the system clock (negative: behind).
    func jump(to milliseconds: Int64) { offset.store(milliseconds, ordering: .releasing) }
}

/// A real ``UplinkClient`` over the real libcurl transport, against a ``FaultyADMSServer``, with a
/// real database in a temp directory and a ``FakeKiosk``.
final class UplinkClientRig {
    static let server = "main"

    let directory: URL
    let database: HadirDatabase
    let server: FaultyADMSServer
    let kiosk: FakeKiosk
    let client: UplinkClient
    let clock = TestClock()
    private var task: Task<Void, Never>?

    /// - Parameters:
    ///   - punches: the journal is filled through this seq before the client starts.
    ///   - allServers: every configured server (CLEAR LOG keeps what any of them lacks).
    ///   - totalTimeout: the transport's limit for one exchange.
    init(
        punches: Int64 = 0, allServers: [String] = [UplinkClientRig.server], totalTimeout: Duration = .seconds(10),
        session: (inout UplinkConfiguration) -> Void = { _ in }, settings: (inout UplinkClientSettings) -> Void = { _ in }
    ) throws {
        (database, directory) = try ClientFixtures.temporaryDatabase()
        try ClientFixtures.fill(database, through: punches)
        server = try FaultyADMSServer()
        kiosk = FakeKiosk(database: database)
        var clientSettings = UplinkClientSettings(
            server: Self.server, baseURL: server.baseURL, serialNumber: ClientFixtures.serial, zoneOffsetSeconds: ClientFixtures.zone)
        clientSettings.session = ClientFixtures.fastSession(session)
        settings(&clientSettings)
        var http = CurlHTTPConfiguration()
        http.proxy = ""  // loopback only, whatever the environment says
        http.connectTimeout = .seconds(2)
        http.totalTimeout = totalTimeout
        let executor = UplinkCommandExecutor(
            database: database, kiosk: kiosk, server: Self.server, allServers: allServers, zoneOffsetSeconds: ClientFixtures.zone)
        client = try UplinkClient(
            settings: clientSettings, database: database, transport: CurlHTTPTransport(configuration: http), executor: executor,
            kiosk: kiosk, clock: { [clock] in clock.now() }, logger: ClientFixtures.quietLogger)
        let database = database
        server.setCursorProbe { (try? database.uplinkStates().first { $0.server == UplinkClientRig.server }?.ackedSeq) ?? 0 }
    }

    deinit {
        task?.cancel()
        try? database.close()
        try? FileManager.default.removeItem(at: directory)
    }

    func start() {
        let client = client
        task = Task { await client.run() }
    }

    /// Cancels the client and waits for it to return.
    func stop() async {
        task?.cancel()
        await task?.value
        task = nil
    }

    var cursor: Int64 { (try? database.uplinkStates().first { $0.server == Self.server }?.ackedSeq) ?? 0 }

    var state: UplinkServerState? { try? database.uplinkStates().first { $0.server == Self.server } }

    var backlog: Int { (try? database.uplinkBacklog(server: Self.server).count) ?? -1 }

    /// Waits (bounded) until `condition` holds; the bound only keeps a broken client from hanging the run.
    func eventually(_ limit: Duration = .seconds(60), _ condition: () throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if try condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return try condition()
    }

    /// Polls the server answered OK since `index` (an exchange count).
    func polls(since index: Int) -> Int {
        server.exchanges.dropFirst(index).filter { $0.kind == .getRequest && $0.fault == nil }.count
    }

    /// Every request arrived while the stored cursor was at most what the server had acknowledged:
    /// the cursor only moves on a delivered OK (or a quarantine, passed in as `skipped`).
    func cursorNeverRanAhead(skipped: Set<Int64> = []) -> Bool {
        server.exchanges.allSatisfy { exchange in
            guard let cursor = exchange.cursorAtArrival else { return true }
            var through = exchange.acceptedThroughAtArrival
            while skipped.contains(through + 1) { through += 1 }
            return cursor <= through
        }
    }
}
