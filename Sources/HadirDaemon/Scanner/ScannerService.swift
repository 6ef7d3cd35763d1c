import HadirCore
import HadirScanner
import HadirStore
import Logging
import ServiceLifecycle
import Synchronization

/// Owns one scanner module (fingerprint or face): connects (and reconnects with backoff when it is
/// unplugged), runs the identify loop, and runs technician jobs (enroll, delete, list) between
/// identify rounds so they never interleave with a scan on the module.
public final class ScannerService: Service {
    /// Opens a transport for the configured device; injectable so tests can choose the path.
    public typealias TransportFactory = @Sendable () -> any ScannerTransport

    let configuration: HadirConfiguration.Scanner
    let makeTransport: TransportFactory
    let deviceArrivals: ScannerArrivalSignal?
    let recorder: PunchRecorder
    let database: HadirDatabase
    let hub: FeedbackHub
    let language: KioskLanguage
    let logger: Logger
    /// Beaten every loop round, connected or retrying, for the watchdog.
    public let heartbeat: LoopHeartbeat
    private let jobs = Mutex<[ScannerJob]>([])
    private let state: Mutex<ScannerStatus>

    public init(
        configuration: HadirConfiguration.Scanner, makeTransport: @escaping TransportFactory,
        deviceArrivals: ScannerArrivalSignal? = nil, recorder: PunchRecorder,
        database: HadirDatabase, hub: FeedbackHub, language: KioskLanguage, logger: Logger,
        heartbeat: LoopHeartbeat = LoopHeartbeat()
    ) {
        self.heartbeat = heartbeat
        self.configuration = configuration
        self.makeTransport = makeTransport
        self.deviceArrivals = deviceArrivals
        self.recorder = recorder
        self.database = database
        self.hub = hub
        self.language = language
        self.logger = logger
        state = Mutex(ScannerStatus(name: configuration.name, kind: configuration.kind.rawValue, path: configuration.path))
    }

    public var status: ScannerStatus { state.withLock { $0 } }

    /// What this module reads; its punches carry the matching verify method.
    public var modality: BiometricModality { configuration.kind.modality }

    /// The store's record of this module's slots.
    var book: ModuleSlotBook { ModuleSlotBook(modality: modality, database: database) }

    public func run() async throws {
        var backoff = configuration.reconnectMinimumMilliseconds
        var wasConnected = false
        // Kept across reconnects, so a module without the ring is logged once, not once per connect.
        var led = makeLedSequencer()
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            heartbeat.beat(within: stepBudget)
            let transport = makeTransport()
            let module = makeModule(transport)
            do {
                let info = try await module.open()
                backoff = configuration.reconnectMinimumMilliseconds
                wasConnected = true
                markConnected(info, device: device(of: transport))
                try await adoptInterruptedFaceEnrollment(module)
                try await deleteOrphanSlots(module)
                led?.connected()
                try await serve(module, led: &led)
                await module.close()
                return
            } catch {
                await module.close()
                if wasConnected || status.lastError == nil {
                    markDisconnected(error)
                } else {
                    state.withLock { $0.lastError = "\(error)" }
                }
                wasConnected = false
                failPendingJobs(error)
                // Retrying is progress: the sleep is announced so the watchdog waits it out.
                heartbeat.beat(within: .milliseconds(backoff) + stepBudget)
                try? await gracefulSleep(milliseconds: backoff)
                backoff = min(backoff * 2, configuration.reconnectMaximumMilliseconds)
            }
        }
    }

    /// Runs `body` on the module between identify rounds. Fails at once when no scanner is connected.
    public func perform<T: Sendable>(_ body: @escaping @Sendable (any ScannerModule) async throws -> T) async throws -> T {
        guard status.connected else { throw DaemonError.scannerNotConnected(status.lastError) }
        return try await withCheckedThrowingContinuation { continuation in
            jobs.withLock {
                $0.append(
                    ScannerJob(
                        run: { driver in
                            do {
                                continuation.resume(returning: try await body(driver))
                                return nil
                            } catch {
                                continuation.resume(throwing: error)
                                return error
                            }
                        },
                        fail: { continuation.resume(throwing: $0) }))
            }
        }
    }

    /// Deletes slots the database marked as orphaned from the module and clears their marks, between
    /// identify rounds. A slot is re-checked with the module held, because an enrollment may have
    /// claimed it meanwhile; one that cannot be deleted now stays marked for the next connect.
    public func deleteOrphanedSlots(_ slots: [UInt16], actor: String) async {
        let book = self.book
        for slot in slots {
            _ = try? await perform { module in
                guard try book.orphans().contains(slot) else { return }
                try await module.delete(slot: slot)
                try book.clearOrphan(slot, actor: actor)
            }
        }
    }

    /// Deletes every slot the store has marked for deletion on this module, as above.
    public func deletePendingOrphans(actor: String) async {
        guard let slots = try? book.orphans(), !slots.isEmpty else { return }
        await deleteOrphanedSlots(slots, actor: actor)
    }

    private func serve(_ module: any ScannerModule, led: inout AuraLedSequencer?) async throws {
        var consecutiveFaults = 0
        let origin = ContinuousClock.now
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            heartbeat.beat(within: stepBudget)
            while let job = nextJob() {
                heartbeat.beat(within: jobBudget)
                if let error = await job.run(module), Self.needsReconnect(error) { throw error }
            }
            var window = Duration.milliseconds(configuration.identifyTimeoutMilliseconds)
            if var sequencer = led {
                let step = sequencer.roundStarting(at: ContinuousClock.now - origin)
                if let setting = step.send { await sendLed(setting, on: module, sequencer: &sequencer) }
                // A shorter round lets blue return on time; a finger placed meanwhile is still read.
                if let limit = step.roundLimit { window = max(min(window, limit), .milliseconds(100)) }
                led = sequencer
            }
            do {
                let outcome = try await identifyOnce(module, within: window)
                if var sequencer = led, let outcome, let setting = sequencer.scanned(outcome, at: ContinuousClock.now - origin) {
                    await sendLed(setting, on: module, sequencer: &sequencer)
                    led = sequencer
                }
                try await awaitRelease(module, after: outcome)
                consecutiveFaults = 0
            } catch ScannerError.moduleRestarted {
                // The driver has resynchronised; the module is usable again at once.
                noteModuleRestart()
            } catch let error as ScannerError {
                if Self.needsReconnect(error) { throw error }
                consecutiveFaults += 1
                logger.warning("scanner fault", metadata: ["error": "\(error)", "consecutive": "\(consecutiveFaults)"])
                try? database.recordScanEvent(
                    kind: "scanner_error", pin: nil, slot: nil, detail: "\(error)", atMilliseconds: SystemClock.realtimeMilliseconds())
                // A module that keeps failing is reset by reconnecting to it.
                if consecutiveFaults >= 3 { throw error }
            }
        }
    }

    /// One identify round; what it came to, or nil when no finger came.
    private func identifyOnce(_ module: any ScannerModule, within window: Duration) async throws -> AuraLedSequencer.Outcome? {
        let outcome = try await module.identify(within: window)
        switch outcome {
        case .noFinger:
            return nil
        case .matched(let slot, let score):
            if let pin = try? book.owner(of: slot), let employee = try? database.user(pin: pin) {
                switch await recorder.record(employee, verify: modality.verifyMethod, slot: slot) {
                case .recorded, .duplicate: return .accepted
                case .failed: return .refused
                }
            }
            await recorder.recordUnknown(
                slot: slot, detail: "matched slot \(slot) (score \(score)) has no employee", modality: modality)
        case .notFound:
            await recorder.recordUnknown(slot: nil, detail: nil, modality: modality)
        case .unreadable(let reason):
            await recorder.recordUnreadable(detail: reason, modality: modality)
        }
        return .refused
    }

    /// One punch per touch or look: after a scan, wait for the finger to leave before scanning again.
    private func awaitRelease(_ module: any ScannerModule, after outcome: AuraLedSequencer.Outcome?) async throws {
        guard outcome != nil else { return }
        _ = try await module.awaitRelease(timeout: .seconds(3))
    }

    /// Slots the database marked for deletion (replaced, removed, or an interrupted enrollment).
    private func deleteOrphanSlots(_ module: any ScannerModule) async throws {
        for slot in try book.orphans() {
            heartbeat.beat(within: stepBudget)
            do {
                try await module.delete(slot: slot)
                try book.clearOrphan(slot, actor: "hadird")
                logger.notice("deleted orphan slot from module", metadata: ["slot": "\(slot)"])
            } catch let error as ScannerError where Self.needsReconnect(error) {
                throw error
            } catch {
                logger.warning("orphan slot not deleted; will retry", metadata: ["slot": "\(slot)", "error": "\(error)"])
            }
        }
    }

    /// The longest one identify round (or connect) takes when the module answers: the identify
    /// window, the lift wait, a few exchanges, and slack for a busy board.
    var stepBudget: Duration {
        .milliseconds(configuration.identifyTimeoutMilliseconds + 4 * configuration.responseTimeoutMilliseconds) + .seconds(8)
    }

    /// A technician job may hold the module longer: a finger enrollment waits for up to two presses
    /// and lifts; a face enrollment for five directions, each with the driver's 5 s guard, retried.
    var jobBudget: Duration {
        switch configuration.kind {
        case .ef01:
            .milliseconds(4 * configuration.enrollPressTimeoutMilliseconds) + stepBudget
        case .fm225:
            (.milliseconds(configuration.enrollPressTimeoutMilliseconds) + .seconds(5)) * 5 * Self.faceEnrollAttempts + stepBudget
        }
    }

    static func needsReconnect(_ error: any Error) -> Bool {
        guard let error = error as? ScannerError else { return false }
        switch error {
        case .transport, .notConnected: return true
        default: return false
        }
    }

    private func nextJob() -> ScannerJob? {
        jobs.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }

    private func failPendingJobs(_ error: any Error) {
        for job in jobs.withLock({ pending in
            defer { pending.removeAll() }
            return pending
        }) {
            job.fail(DaemonError.scannerNotConnected("\(error)"))
        }
    }

    /// What status and events name: the tty path, or the USB module's VID:PID and bus address
    /// (the configured tty path would be wrong when `transport = "auto"` chose USB).
    private func device(of transport: any ScannerTransport) -> String {
        guard let usb = transport as? USBTransport, let location = usb.location else { return configuration.path }
        return "usb \(location)"
    }

    private func markConnected(_ info: ScannerModuleInfo, device: String) {
        state.withLock {
            $0.connected = true
            $0.path = device
            $0.capacity = info.capacity
            $0.packetSize = info.packetSize
            $0.module = info.detail
            $0.lastError = nil
        }
        try? database.recordScanEvent(
            kind: "scanner_connected", pin: nil, slot: nil, detail: "\(configuration.name) \(device)",
            atMilliseconds: SystemClock.realtimeMilliseconds())
        hub.publish(
            FeedbackEvent(
                event: .scannerConnected, message: "scanner connected",
                detail: "\(modality.rawValue) \(device) capacity \(info.capacity)"))
    }

    /// A module that restarted on its own (power glitch, watchdog): counted, recorded, surfaced.
    private func noteModuleRestart() {
        state.withLock { $0.moduleRestarts += 1 }
        logger.warning("scanner module restarted; resynchronised", metadata: ["scanner": "\(configuration.name)"])
        try? database.recordScanEvent(
            kind: "scanner_restarted", pin: nil, slot: nil, detail: configuration.name, atMilliseconds: SystemClock.realtimeMilliseconds())
        hub.publish(FeedbackEvent(event: .scannerRestarted, message: "scanner module restarted", detail: configuration.name))
    }

    private func markDisconnected(_ error: any Error) {
        state.withLock {
            if $0.connected { $0.reconnects += 1 }
            $0.connected = false
            $0.lastError = "\(error)"
        }
        try? database.recordScanEvent(
            kind: "scanner_disconnected", pin: nil, slot: nil, detail: "\(error)", atMilliseconds: SystemClock.realtimeMilliseconds())
        hub.publish(
            FeedbackEvent(event: .scannerDisconnected, message: KioskFeedback.scannerUnavailable.text(in: language), detail: "\(error)"))
    }

    /// The reconnect backoff; an arriving USB scanner cuts it short.
    private func gracefulSleep(milliseconds: Int) async throws {
        try await cancelWhenGracefulShutdown { [deviceArrivals] in
            if let deviceArrivals {
                await deviceArrivals.wait(upTo: .milliseconds(milliseconds))
            } else {
                try await Task.sleep(for: .milliseconds(milliseconds))
            }
        }
    }
}

/// A technician request waiting for the identify loop to hand over the module.
struct ScannerJob: Sendable {
    /// Runs the job; returns the error it failed with, so the loop can tell a lost scanner.
    let run: @Sendable (any ScannerModule) async -> (any Error)?
    let fail: @Sendable (any Error) -> Void
}
