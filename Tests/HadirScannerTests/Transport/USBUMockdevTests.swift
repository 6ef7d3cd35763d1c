import Foundation
import Testing

private let umockdevInstalled =
    FileManager.default.isExecutableFile(atPath: "/usr/bin/umockdev-run")
    && FileManager.default.isExecutableFile(atPath: "/usr/bin/umockdev-wrapper")

/// The libusb path against devices umockdev describes: discovery by VID:PID, open, claim, a
/// replayed EF01 session (usbdevfs URB replay), and hotplug arrive/leave. Each case runs
/// hadir-usb-probe under umockdev; they are skipped when umockdev is not installed.
@Suite(.enabled(if: umockdevInstalled, "umockdev is not installed (apt-get install umockdev)"))
struct USBUMockdevTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/usb").path
    static let device = fixtures + "/synochip-2109-7638.umockdev"
    static let replay = "/dev/bus/usb/001/002=" + fixtures + "/exchange.ioctl"

    /// hadir-usb-probe, built beside the test bundle by `swift build` / `swift test`.
    static var probe: String {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        return bundle.appendingPathComponent("hadir-usb-probe").path
    }

    /// Runs `arguments` (bounded: a hung replay is killed after 60 s) and returns stdout lines.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, lines: [String], errors: String) {
        #expect(FileManager.default.isExecutableFile(atPath: probe), "build hadir-usb-probe first: swift build --product hadir-usb-probe")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["60", executable] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        return (process.terminationStatus, lines, String(decoding: errorData, as: UTF8.self))
    }

    @Test func discoveryFindsTheDescribedModuleByVendorAndProduct() throws {
        let found = try Self.run("/usr/bin/umockdev-run", ["-d", Self.device, "--", Self.probe, "list"])
        #expect(found.status == 0, "\(found.errors)")
        #expect(found.lines == ["found 2109:7638 on bus 1 address 2"])
        let other = try Self.run("/usr/bin/umockdev-run", ["-d", Self.device, "--", Self.probe, "list", "--ids", "0453:9005"])
        #expect(other.lines == ["none attached with id 0453:9005"])
    }

    @Test func openClaimsInterfaceZeroAndFindsTheBulkEndpoints() throws {
        let result = try Self.run("/usr/bin/umockdev-run", ["-d", Self.device, "-i", Self.replay, "--", Self.probe, "open"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.lines == ["opened usb 2109:7638 on bus 1 address 2 (bulk IN 0x81 OUT 0x2)", "closed"])
    }

    @Test func aReplayedSessionRunsThroughTheUnchangedDriver() throws {
        let result = try Self.run("/usr/bin/umockdev-run", ["-d", Self.device, "-i", Self.replay, "--", Self.probe, "exchange"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            result.lines == [
                "opened usb 2109:7638 on bus 1 address 2 (bulk IN 0x81 OUT 0x2)",
                "sysparams capacity 200 packet 128",
                "identify matched slot 5 score 150",
                "upchar ack 0",
                "upchar template 512 bytes, first 0 1 2 3",
                "closed",
            ])
    }

    /// The rescan is pushed out of reach, so both events come from libusb's hotplug callbacks
    /// (umockdev emulates the udev netlink events).
    @Test func hotplugReportsArrivalAndDeparture() throws {
        let result = try Self.run(
            "/usr/bin/umockdev-wrapper", [Self.probe, "hotplug", "--fixture", Self.device, "--rescan-ms", "600000"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.lines.contains("event USB scanner arrived: 2109:7638 on bus 1 address 2"))
        #expect(result.lines.contains("event USB scanner left: 2109:7638 on bus 1 address 2"))
        #expect(result.lines.last == "monitor stopped")
    }

    /// Hotplug aside, the periodic rescan alone notices both changes (as in a container).
    @Test func theRescanNoticesArrivalAndDeparture() throws {
        let result = try Self.run("/usr/bin/umockdev-wrapper", [Self.probe, "hotplug", "--fixture", Self.device, "--rescan-ms", "100"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.lines.filter { $0.hasPrefix("event USB scanner") }.count == 2)
    }
}
