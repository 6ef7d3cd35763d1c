import CLibUSB
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A native-USB EF01 module (SynoChip bulk-only wrapper, reference §1) reached through libusb.
///
/// The driver sees the same byte pipe as on a tty: `write` takes EF01 packets, `read` returns EF01
/// bytes. ``USBEF01Link`` (pure) decides the bulk transfers; this type performs them with libusb's
/// synchronous API, each bounded by the caller's timeout. Each `open()` enumerates through its
/// own libusb context, so a scanner plugged in after start is found even where hotplug is silent
/// (containers); ``USBDeviceMonitor`` owns the long-lived context and its event thread.
public final class USBTransport: ScannerTransport {
    /// The ids looked for, in order of preference.
    public let ids: [USBDeviceID]
    /// The interface carrying the bulk endpoints.
    public let interfaceNumber: Int
    /// Longest wait for one outgoing packet's three transfers.
    public let writeTimeout: Duration

    private struct Connection {
        let context: OpaquePointer
        let handle: OpaquePointer
        let location: USBDeviceLocation
        let endpoints: USBBulkEndpoints
        var link = USBEF01Link()
        /// EF01 bytes received but not yet read by the driver.
        var pending: [UInt8] = []
    }

    private let state = Mutex<Connection?>(nil)

    /// Describes a module with one of `ids`; nothing is opened until `open()`.
    public init(ids: [USBDeviceID] = USBDeviceID.nativeEF01Defaults, interfaceNumber: Int = 0, writeTimeout: Duration = .seconds(1)) {
        self.ids = ids
        self.interfaceNumber = interfaceNumber
        self.writeTimeout = writeTimeout
    }

    deinit {
        close()
    }

    /// "usb 2109:7638 on bus 1 address 2 (bulk IN 0x81 OUT 0x2)" when open, else the ids sought.
    public var description: String {
        state.withLock { connection in
            guard let connection else { return "usb \(idList)" }
            return "usb \(connection.location) (\(connection.endpoints))"
        }
    }

    /// Where the open module sits; nil when closed.
    public var location: USBDeviceLocation? { state.withLock { $0?.location } }

    /// The attached devices with one of `ids`, in order of preference (a fresh enumeration).
    public static func attachedDevices(ids: [USBDeviceID]) throws(ScannerTransportError) -> [USBDeviceLocation] {
        do {
            return try USBDeviceLocator.scan(ids: ids)
        } catch {
            throw .io("USB enumeration: \(error)")
        }
    }

    private var idList: String { ids.map(\.description).joined(separator: ", ") }

    /// Finds the first attached module with a configured id, opens it and claims the interface.
    ///
    /// A kernel driver (usb-storage) bound to the interface is detached, and reattached on close.
    public func open() throws(ScannerTransportError) {
        close()
        try state.withLock { (connection: inout Connection?) throws(ScannerTransportError) in
            connection = try connect()
        }
    }

    /// Releases the interface and closes the device; safe to call repeatedly.
    public func close() {
        state.withLock { connection in
            if let connection { Self.teardown(connection, interfaceNumber: interfaceNumber) }
            connection = nil
        }
    }

    /// Sends one EF01 packet: CBW `86`, the packet, then the status wrapper.
    public func write(_ bytes: [UInt8]) throws(ScannerTransportError) {
        let deadline = ContinuousClock.now + writeTimeout
        try state.withLock { (connection: inout Connection?) throws(ScannerTransportError) in
            guard var open = connection else { throw .notOpen }
            defer { connection = open }
            if open.link.needsResetRecovery { try Self.resetRecovery(&open, interfaceNumber: interfaceNumber) }
            open.link.beginSend(bytes)
            while open.link.nextStep != nil {
                guard try Self.perform(&open, deadline: deadline) else { throw .io("bulk transfer timed out sending a packet") }
            }
        }
    }

    /// Returns EF01 bytes from the module, fetching its pending answer with CBW `85` when needed.
    ///
    /// With nothing owed by the module this waits out `timeout` and returns `[]`, as a silent tty
    /// would. A timeout mid-exchange keeps the exchange open: the next read resumes it.
    public func read(maxCount: Int, timeout: Duration) throws(ScannerTransportError) -> [UInt8] {
        let deadline = ContinuousClock.now + max(timeout, .zero)
        let waitForNothing = try state.withLock { (connection: inout Connection?) throws(ScannerTransportError) -> Bool in
            guard var open = connection else { throw .notOpen }
            defer { connection = open }
            if !open.pending.isEmpty || timeout <= .zero { return false }
            guard open.link.beginReceive() else { return true }
            while open.link.nextStep != nil, open.pending.isEmpty {
                guard try Self.perform(&open, deadline: deadline) else { break }
            }
            return false
        }
        if waitForNothing { Self.sleep(until: deadline) }
        return state.withLock { connection in
            guard var open = connection, maxCount > 0 else { return [] }
            let bytes = Array(open.pending.prefix(maxCount))
            open.pending.removeFirst(bytes.count)
            connection = open
            return bytes
        }
    }

    // MARK: - Opening

    private func connect() throws(ScannerTransportError) -> Connection {
        let name = "usb \(idList)"
        var context: OpaquePointer?
        let initialised = libusb_init(&context)
        guard initialised == 0, let context else { throw LibUSBStatus(initialised).openError(name, "libusb_init") }
        do throws(ScannerTransportError) {
            return try connect(context: context, name: name)
        } catch {
            libusb_exit(context)
            throw error
        }
    }

    private func connect(context: OpaquePointer, name: String) throws(ScannerTransportError) -> Connection {
        var chosen: (device: OpaquePointer, location: USBDeviceLocation)?
        var handle: OpaquePointer?
        var opened: Int32 = 0
        do {
            try USBDeviceLocator.withDevices(in: context) { (devices: [OpaquePointer]) throws(LibUSBStatus) in
                let candidates = devices.compactMap { device in
                    USBDeviceLocator.location(of: device, ids: ids).map { (device: device, location: $0) }
                }
                let order = USBDeviceLocator.sorted(candidates.map(\.location), ids: ids)
                guard let first = order.first, let match = candidates.first(where: { $0.location == first }) else { return }
                chosen = match
                // Open inside the list's lifetime: the list holds the device's reference.
                opened = libusb_open(match.device, &handle)
            }
        } catch {
            throw error.openError(name, "libusb_get_device_list")
        }
        guard let chosen else { throw .openFailed(path: name, reason: "no USB device with id \(idList) is attached") }
        let device = "usb \(chosen.location)"
        guard opened == 0, let handle else { throw LibUSBStatus(opened).openError(device, "libusb_open") }
        do throws(ScannerTransportError) {
            let endpoints = try findEndpoints(handle: handle, device: device)
            try claim(handle: handle, device: device)
            return Connection(context: context, handle: handle, location: chosen.location, endpoints: endpoints)
        } catch {
            libusb_close(handle)
            throw error
        }
    }

    private func findEndpoints(handle: OpaquePointer, device: String) throws(ScannerTransportError) -> USBBulkEndpoints {
        do {
            guard let endpoints = try USBBulkEndpoints.find(device: libusb_get_device(handle), interfaceNumber: interfaceNumber) else {
                throw ScannerTransportError.openFailed(
                    path: device, reason: "interface \(interfaceNumber) has no bulk IN and bulk OUT endpoint pair")
            }
            return endpoints
        } catch let error as LibUSBStatus {
            throw error.openError(device, "libusb_get_active_config_descriptor")
        } catch let error as ScannerTransportError {
            throw error
        } catch {
            throw .openFailed(path: device, reason: "\(error)")
        }
    }

    private func claim(handle: OpaquePointer, device: String) throws(ScannerTransportError) {
        let interface = Int32(interfaceNumber)
        // Auto-detach only when a driver is bound: libusb then claims with USBDEVFS_DISCONNECT_CLAIM
        // and reattaches the driver on release. With nothing bound (0) a plain claim is enough.
        if libusb_kernel_driver_active(handle, interface) != 0 {
            _ = libusb_set_auto_detach_kernel_driver(handle, 1)
        }
        let claimed = libusb_claim_interface(handle, interface)
        guard claimed == 0 else { throw LibUSBStatus(claimed).openError(device, "libusb_claim_interface(\(interfaceNumber))") }
    }

    private static func teardown(_ connection: Connection, interfaceNumber: Int) {
        _ = libusb_release_interface(connection.handle, Int32(interfaceNumber))
        libusb_close(connection.handle)
        libusb_exit(connection.context)
    }

    // MARK: - Transfers

    /// Performs the link's next transfer; false when it timed out before moving any byte (the
    /// exchange stays open for a later call).
    private static func perform(_ open: inout Connection, deadline: ContinuousClock.Instant) throws(ScannerTransportError) -> Bool {
        guard let step = open.link.nextStep else { return true }
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { return false }
        let timeout = UInt32(clamping: max(1, remaining.pollMilliseconds))
        var transferred: Int32 = 0
        switch step {
        case .write(var bytes):
            let status = libusb_bulk_transfer(open.handle, open.endpoints.output, &bytes, Int32(bytes.count), &transferred, timeout)
            if status == LIBUSB_ERROR_TIMEOUT.rawValue, transferred == 0 { return false }
            try check(status, transferred: transferred, expected: bytes.count, open: open, endpoint: open.endpoints.output)
            open.link.wrote()
        case .read(let count):
            var buffer = [UInt8](repeating: 0, count: count)
            let status = libusb_bulk_transfer(open.handle, open.endpoints.input, &buffer, Int32(count), &transferred, timeout)
            if status == LIBUSB_ERROR_TIMEOUT.rawValue, transferred == 0 { return false }
            try check(status, transferred: transferred, expected: nil, open: open, endpoint: open.endpoints.input)
            do {
                open.pending += try open.link.read(Array(buffer.prefix(Int(transferred))))
            } catch {
                throw .io("bulk-only protocol: \(error)")
            }
        }
        return true
    }

    /// Maps a failed bulk transfer; a stalled endpoint is cleared so reset recovery can proceed.
    private static func check(
        _ status: Int32, transferred: Int32, expected: Int?, open: Connection, endpoint: UInt8
    ) throws(ScannerTransportError) {
        let direction = endpoint & 0x80 != 0 ? "bulk IN" : "bulk OUT"
        if status == LIBUSB_ERROR_PIPE.rawValue { _ = libusb_clear_halt(open.handle, endpoint) }
        if status < 0 { throw LibUSBStatus(status).transportError("\(direction) 0x\(String(endpoint, radix: 16))") }
        if let expected, Int(transferred) != expected {
            throw .io("\(direction) moved \(transferred) of \(expected) bytes")
        }
    }

    /// Bulk-only reset recovery (class request 0xFF, then clear both halts), after an exchange
    /// was abandoned or broke the wrapper protocol.
    private static func resetRecovery(_ open: inout Connection, interfaceNumber: Int) throws(ScannerTransportError) {
        let reset = libusb_control_transfer(open.handle, 0x21, 0xFF, 0, UInt16(interfaceNumber), nil, 0, 1_000)
        if reset < 0 { throw LibUSBStatus(reset).transportError("bulk-only reset") }
        for endpoint in [open.endpoints.input, open.endpoints.output] {
            let cleared = libusb_clear_halt(open.handle, endpoint)
            if cleared < 0 { throw LibUSBStatus(cleared).transportError("clear halt 0x\(String(endpoint, radix: 16))") }
        }
        open.link.resetRecovered()
        open.pending.removeAll()
    }

    private static func sleep(until deadline: ContinuousClock.Instant) {
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { return }
        let (seconds, attoseconds) = remaining.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var left = timespec()
        while nanosleep(&request, &left) != 0, errno == EINTR { request = left }
    }
}
