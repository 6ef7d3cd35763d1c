import HadirScanner
import Logging

/// Builds the scanner transport for each connect attempt from `[scanner] transport`, and, for
/// "usb" and "auto", watches the USB bus so an arriving module wakes the reconnect wait.
public final class ScannerTransportFactory: Sendable {
    public let configuration: HadirConfiguration.Scanner
    /// Signalled when a module with a configured VID:PID arrives.
    public let arrivals = ScannerArrivalSignal()
    private let monitor: USBDeviceMonitor?
    private let logger: Logger

    public init(configuration: HadirConfiguration.Scanner, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        guard configuration.transport != .tty else {
            monitor = nil
            return
        }
        do {
            monitor = try USBDeviceMonitor(ids: configuration.usbIDs)
        } catch {
            // Reconnects still try USB on their backoff; only the prompt wake-up is lost.
            logger.warning("USB scanner monitor unavailable", metadata: ["error": "\(error)"])
            monitor = nil
        }
        if let monitor { watch(monitor) }
    }

    deinit {
        monitor?.stop()
    }

    /// The transport for the next connect attempt. "auto" re-checks the bus every attempt, so
    /// swapping a bridge-attached module for a native-USB one needs no restart.
    public func makeTransport() -> any ScannerTransport {
        switch configuration.transport {
        case .tty:
            return TTYTransport(path: configuration.path, baud: configuration.baud)
        case .usb:
            return USBTransport(ids: configuration.usbIDs)
        case .auto:
            let attached = (try? USBTransport.attachedDevices(ids: configuration.usbIDs)) ?? []
            if attached.isEmpty { return TTYTransport(path: configuration.path, baud: configuration.baud) }
            return USBTransport(ids: configuration.usbIDs)
        }
    }

    private func watch(_ monitor: USBDeviceMonitor) {
        logger.info(
            "watching USB for scanners",
            metadata: [
                "ids": "\(configuration.usbIDs.map(\.description).joined(separator: ","))",
                "hotplug": "\(monitor.hotplugAvailable)",
            ])
        let arrivals = self.arrivals
        let logger = self.logger
        Task {
            for await event in monitor.events {
                logger.notice("\(event)")
                if case .arrived = event { arrivals.signal() }
            }
        }
    }
}
