import Foundation
import HadirScanner
import Logging
import Testing

@testable import HadirDaemon

/// `[scanner] transport` and `usb_ids`, and the transport each choice builds.
@Suite struct ScannerTransportConfigTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "hadir-scanner-config-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    var path: String { directory + "/hadird.toml" }

    func load(_ scanner: String) throws(ConfigError) -> HadirConfiguration {
        try? "[device]\nstate_dir = \"\(directory)\"\n[scanner]\n\(scanner)".write(toFile: path, atomically: true, encoding: .utf8)
        return try ConfigLoader.load(path: path, environment: [:])
    }

    func error(_ scanner: String) -> ConfigError? {
        do {
            _ = try load(scanner)
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultsAreTheTTYAndTheReferenceUSBIDs() throws {
        let scanner = try load("").scanner
        #expect(scanner.transport == .tty)
        #expect(scanner.usbIDs.map(\.description) == ["2109:7638", "0453:9005"])
    }

    @Test func usbAndAutoAreAcceptedWithTheirIDs() throws {
        let scanner = try load("transport = \"usb\"\nusb_ids = [\"0453:9005\", \"2109:7638\"]\n").scanner
        #expect(scanner.transport == .usb)
        #expect(scanner.usbIDs == [USBDeviceID(vendor: 0x0453, product: 0x9005), USBDeviceID(vendor: 0x2109, product: 0x7638)])
        #expect(try load("transport = \"auto\"\n").scanner.transport == .auto)
    }

    @Test func mistakesNameFileKeyAndLine() {
        let transport = error("baud = 57600\ntransport = \"bluetooth\"\n")
        #expect(transport?.key == "scanner.transport")
        #expect(transport?.line == 5)
        #expect(transport?.reason.contains("\"tty\", \"usb\" or \"auto\"") == true)
        #expect("\(transport.map { "\($0)" } ?? "")".contains(path))

        let ids = error("usb_ids = [\"2109:7638\", \"2109-7638\"]\n")
        #expect(ids?.key == "scanner.usb_ids")
        #expect(ids?.line == 4)
        #expect(ids?.reason.contains("\"2109-7638\" is not a VID:PID") == true)
        #expect(error("usb_ids = []\n")?.reason == "usb_ids must list at least one VID:PID")
        #expect(error("usb_ids = [7638]\n")?.key == "scanner.usb_ids")
    }

    @Test func theFactoryBuildsTheConfiguredTransport() throws {
        var configuration = HadirConfiguration.Scanner()
        configuration.path = "/dev/hadir-fingerprint"
        let logger = Logger(label: "test")
        #expect(ScannerTransportFactory(configuration: configuration, logger: logger).makeTransport() is TTYTransport)
        configuration.transport = .usb
        let usb = ScannerTransportFactory(configuration: configuration, logger: logger)
        #expect(usb.makeTransport() is USBTransport)
        // No module with these ids is attached here, so auto falls back to the tty.
        configuration.transport = .auto
        configuration.usbIDs = [USBDeviceID(vendor: 0xFFFE, product: 0xFFFE)]
        #expect(ScannerTransportFactory(configuration: configuration, logger: logger).makeTransport() is TTYTransport)
    }

    @Test func anArrivalCutsTheReconnectWaitShort() async {
        let signal = ScannerArrivalSignal()
        await withTaskGroup(of: Void.self) { group in
            // Far longer than any test run: only the signal can end this wait.
            group.addTask { await signal.wait(upTo: .seconds(3_600)) }
            group.addTask {
                // Repeated, since the waiter may not have registered at the first signal.
                while !Task.isCancelled {
                    signal.signal()
                    try? await Task.sleep(for: .milliseconds(10))
                }
            }
            await group.next()
            group.cancelAll()
        }
    }
}
