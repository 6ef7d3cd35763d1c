import HadirCore
import Testing

@testable import HadirScanner

enum DriverFixture {
    static let fast = ScannerConfiguration(
        responseTimeout: .milliseconds(100), identifyTimeout: .milliseconds(40),
        pollInterval: .milliseconds(1), enrollPressTimeout: .seconds(5))

    static func parameters(capacity: UInt16 = 200, packetSizeCode: UInt16 = 1) -> EF01SystemParameters {
        EF01SystemParameters(capacity: capacity, packetSizeCode: packetSizeCode)
    }

    /// A driver already connected to a scripted module with the given capacity.
    static func connected(
        capacity: UInt16 = 200, packetSizeCode: UInt16 = 1, configuration: ScannerConfiguration = fast
    ) async throws -> (ScannerDriver, ScriptedTransport) {
        let transport = ScriptedTransport()
        transport.expect(.readSysPara, .ack(0, parameters(capacity: capacity, packetSizeCode: packetSizeCode).bytes))
        let driver = ScannerDriver(transport: transport, configuration: configuration)
        _ = try await driver.connect()
        return (driver, transport)
    }

    /// The data packets of an UpChar reply, after its acknowledgement.
    static func upCharReply(_ template: [UInt8], packetSize: Int) -> ScriptedTransport.Reply {
        let ack = EF01Acknowledgement(code: 0).packet(address: 0xFFFF_FFFF).encoded()
        let data = EF01Packet.dataPackets(for: template, packetSize: packetSize, address: 0xFFFF_FFFF)
        return .bytes(ack + data.flatMap { $0.encoded() })
    }

    static func template(_ count: Int) -> [UInt8] {
        var rng = SplitMix64(seed: UInt64(count))
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    static let notFound = ScriptedTransport.Reply.ack(0x09, [0, 0, 0, 0])

    /// Runs `body` and returns the ScannerError it throws, or nil (any other error is an issue).
    static func error<T>(_ body: () async throws -> T) async -> ScannerError? {
        do {
            _ = try await body()
            return nil
        } catch let error as ScannerError {
            return error
        } catch {
            Issue.record("untyped error \(error)")
            return nil
        }
    }
}
