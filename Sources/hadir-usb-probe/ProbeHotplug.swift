import HadirScanner
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Adds and removes a described device in an in-process umockdev testbed while a
/// ``USBDeviceMonitor`` watches, and prints what the monitor reported.
enum ProbeHotplug {
    static func run(ids: [USBDeviceID], fixture: String, rescanInterval: Duration) async throws {
        let testbed = try UMockdevTestbed()
        let description = try readFile(fixture)
        let monitor = try USBDeviceMonitor(ids: ids, rescanInterval: rescanInterval)
        say("monitor hotplug \(monitor.hotplugAvailable ? "available" : "unavailable"), present \(monitor.present.count)")
        let seen = EventCount()
        let printer = Task {
            for await event in monitor.events {
                say("event \(event)")
                seen.count.withLock { $0 += 1 }
            }
        }
        let syspath = try testbed.add(description)
        say("testbed added \(syspath)")
        await waitFor(events: 1, seen: seen, within: .seconds(15))
        testbed.remove(syspath)
        say("testbed removed \(syspath)")
        await waitFor(events: 2, seen: seen, within: .seconds(15))
        monitor.stop()
        await printer.value
        say("monitor stopped")
    }

    /// Waits until `seen` reaches `count`, or says that it did not within `limit`.
    private static func waitFor(events count: Int, seen: EventCount, within limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while seen.count.withLock({ $0 }) < count {
            guard ContinuousClock.now < deadline else {
                say("event none within \(limit)")
                return
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    private static func readFile(_ path: String) throws -> String {
        guard let file = fopen(path, "r") else { throw ProbeError("cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { fclose(file) }
        var text = ""
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            text += String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return text
    }
}

/// Events printed so far, shared with the printing task.
final class EventCount: Sendable {
    let count = Mutex(0)
}

struct ProbeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The few libumockdev calls the hotplug probe needs, resolved with dlopen so the build needs
/// no umockdev headers. Only works inside umockdev-wrapper (LD_PRELOAD=libumockdev-preload).
final class UMockdevTestbed {
    private typealias New = @convention(c) () -> UnsafeMutableRawPointer?
    private typealias AddFromString =
        @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, UnsafeMutableRawPointer?) -> Int32
    private typealias Remove = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void
    private typealias Uevent = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Void

    private let testbed: UnsafeMutableRawPointer
    private let addFromString: AddFromString
    private let removeDevice: Remove
    private let uevent: Uevent

    init() throws {
        guard let library = dlopen("libumockdev.so.0", RTLD_NOW) else {
            throw ProbeError("dlopen libumockdev.so.0 failed (install umockdev): \(String(cString: dlerror()))")
        }
        func symbol<T>(_ name: String, as type: T.Type) throws -> T {
            guard let pointer = dlsym(library, name) else { throw ProbeError("libumockdev lacks \(name)") }
            return unsafeBitCast(pointer, to: type)
        }
        let new = try symbol("umockdev_testbed_new", as: New.self)
        addFromString = try symbol("umockdev_testbed_add_from_string", as: AddFromString.self)
        removeDevice = try symbol("umockdev_testbed_remove_device", as: Remove.self)
        uevent = try symbol("umockdev_testbed_uevent", as: Uevent.self)
        guard let testbed = new() else { throw ProbeError("umockdev_testbed_new failed (not under umockdev-wrapper?)") }
        self.testbed = testbed
    }

    /// Adds the devices of an umockdev description; returns the first device's sysfs path.
    func add(_ description: String) throws -> String {
        guard let line = description.split(separator: "\n").first(where: { $0.hasPrefix("P: ") }) else {
            throw ProbeError("device description has no \"P:\" line")
        }
        guard addFromString(testbed, description, nil) != 0 else { throw ProbeError("umockdev_testbed_add_from_string failed") }
        return "/sys" + line.dropFirst(3)
    }

    /// Announces the removal to udev listeners (remove_device alone does not), then removes it.
    func remove(_ syspath: String) {
        uevent(testbed, syspath, "remove")
        removeDevice(testbed, syspath)
    }
}
