import CLibUSB
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Watches the USB bus for configured scanners: the long-lived libusb context, its one event
/// thread, hotplug callbacks, and a periodic rescan for where hotplug is silent (containers).
///
/// Arrivals and departures come out of `events` once each (``USBPresenceTracker`` folds repeated
/// reports). Call `stop()` before dropping the monitor; it joins the event thread.
public final class USBDeviceMonitor: Sendable {
    /// Arrivals and departures of configured devices, in the order they were noticed.
    public let events: AsyncStream<USBDeviceEvent>
    /// Whether libusb reports hotplug support; without it only the rescan notices changes.
    public let hotplugAvailable: Bool
    /// The ids watched for.
    public let ids: [USBDeviceID]

    private struct State {
        var tracker = USBPresenceTracker()
        var stopping = false
        var stopped = false
        var lastRescanError: String?
        var thread: pthread_t?
        var hotplugHandle: libusb_hotplug_callback_handle?
    }

    private let context: LibUSBContextPointer
    private let rescanInterval: Duration
    private let continuation: AsyncStream<USBDeviceEvent>.Continuation
    private let state = Mutex(State())

    /// Opens a libusb context, registers hotplug callbacks when supported, and starts the event
    /// thread, which also rescans every `rescanInterval`.
    public init(ids: [USBDeviceID], rescanInterval: Duration = .seconds(2)) throws(ScannerTransportError) {
        var raw: OpaquePointer?
        let initialised = libusb_init(&raw)
        guard initialised == 0, let raw else {
            throw .openFailed(path: "libusb", reason: "libusb_init: \(LibUSBStatus(initialised))")
        }
        self.ids = ids
        self.rescanInterval = rescanInterval
        context = LibUSBContextPointer(raw: raw)
        hotplugAvailable = libusb_has_capability(UInt32(LIBUSB_CAP_HAS_HOTPLUG.rawValue)) != 0
        (events, continuation) = AsyncStream.makeStream(of: USBDeviceEvent.self, bufferingPolicy: .bufferingNewest(64))
        if hotplugAvailable { registerHotplug() }
        rescan()
        startEventThread()
    }

    deinit {
        stop()
    }

    /// The configured devices attached now, as far as the monitor knows.
    public var present: [USBDeviceLocation] {
        USBDeviceLocator.sorted(Array(state.withLock { $0.tracker.present }), ids: ids)
    }

    /// Why the last rescan failed; nil after a successful one.
    public var lastRescanError: String? { state.withLock { $0.lastRescanError } }

    /// Stops the event thread, deregisters hotplug, closes the context and ends `events`.
    ///
    /// Idempotent. The deregistration and `libusb_interrupt_event_handler` both wake the thread
    /// from `libusb_handle_events_timeout_completed`, so this returns promptly.
    public func stop() {
        let (thread, hotplugHandle) = state.withLock { state -> (pthread_t?, libusb_hotplug_callback_handle?) in
            guard !state.stopping else { return (nil, nil) }
            state.stopping = true
            defer {
                state.thread = nil
                state.hotplugHandle = nil
            }
            return (state.thread, state.hotplugHandle)
        }
        guard state.withLock({ !$0.stopped }) else { return }
        if let hotplugHandle { libusb_hotplug_deregister_callback(context.raw, hotplugHandle) }
        libusb_interrupt_event_handler(context.raw)
        if let thread { pthread_join(thread, nil) }
        let shouldExit = state.withLock { state -> Bool in
            defer { state.stopped = true }
            return !state.stopped
        }
        if shouldExit { libusb_exit(context.raw) }
        continuation.finish()
    }

    // MARK: - Hotplug

    private func registerHotplug() {
        var handle = libusb_hotplug_callback_handle()
        let events = Int32(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED.rawValue | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT.rawValue)
        // ENUMERATE reports devices already attached as arrivals, from inside this call.
        let registered = libusb_hotplug_register_callback(
            context.raw, events, Int32(LIBUSB_HOTPLUG_ENUMERATE.rawValue), LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
            LIBUSB_HOTPLUG_MATCH_ANY, Self.hotplugCallback, Unmanaged.passUnretained(self).toOpaque(), &handle)
        if registered == 0 { state.withLock { $0.hotplugHandle = handle } }
    }

    /// Runs inside `libusb_handle_events*` on the event thread (and inside registration).
    private static let hotplugCallback: libusb_hotplug_callback_fn = { _, device, event, userData in
        guard let device, let userData else { return 0 }
        let monitor = Unmanaged<USBDeviceMonitor>.fromOpaque(userData).takeUnretainedValue()
        monitor.hotplug(device: device, arrived: event == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED)
        return 0
    }

    private func hotplug(device: OpaquePointer, arrived: Bool) {
        guard let location = USBDeviceLocator.location(of: device, ids: ids) else { return }
        state.withLock { state in
            let event = arrived ? state.tracker.arrived(location) : state.tracker.left(location)
            if let event { continuation.yield(event) }
        }
    }

    // MARK: - Event thread

    private func rescan() {
        do {
            let found = try USBDeviceLocator.scan(ids: ids)
            state.withLock { state in
                state.lastRescanError = nil
                for event in state.tracker.rescanned(Set(found)) { continuation.yield(event) }
            }
        } catch {
            state.withLock { $0.lastRescanError = "USB rescan failed: \(error)" }
        }
    }

    private func startEventThread() {
        let body = Unmanaged.passRetained(EventLoop(monitor: self)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(
            &thread, nil,
            { raw in
                guard let raw else { return nil }
                Unmanaged<EventLoop>.fromOpaque(raw).takeRetainedValue().run()
                return nil
            }, body)
        if created == 0 {
            state.withLock { $0.thread = thread }
        } else {
            Unmanaged<EventLoop>.fromOpaque(body).release()
        }
    }

    /// The event thread's body. It holds the monitor unowned: `stop()` (from `deinit` at the
    /// latest) joins the thread before the monitor goes away.
    private final class EventLoop {
        unowned let monitor: USBDeviceMonitor

        init(monitor: USBDeviceMonitor) {
            self.monitor = monitor
        }

        func run() {
            let clock = ContinuousClock()
            var nextRescan = clock.now + monitor.rescanInterval
            while !monitor.state.withLock({ $0.stopping }) {
                if clock.now >= nextRescan {
                    monitor.rescan()
                    nextRescan = clock.now + monitor.rescanInterval
                }
                let wait = min(max(nextRescan - clock.now, .milliseconds(1)), .seconds(1))
                let (seconds, attoseconds) = wait.components
                var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
                _ = libusb_handle_events_timeout_completed(monitor.context.raw, &timeout, nil)
            }
        }
    }
}

/// A libusb context pointer; libusb contexts may be used from any thread.
struct LibUSBContextPointer: @unchecked Sendable {
    let raw: OpaquePointer
}
