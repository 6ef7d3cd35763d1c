import Foundation
import HadirControl
import HadirDaemon
import Testing

/// The hostile-client smoke (DESIGN §7.7): a few hundred connections and garbage on 4370 (TCP and
/// UDP) and on the control API's LAN listener, while the simulator feeds a punch. `make flood`
/// is the full-size version with latency figures.
@Suite struct HostileClientSystemTests {
    static let token = "flood-test-token-0123456789"
    /// pyzk's CONNECT: magic, length 8, command 1000, checksum, session 0, reply 0.
    static let connect: [UInt8] = [0x50, 0x50, 0x82, 0x7D, 0x08, 0x00, 0x00, 0x00, 0xE8, 0x03, 0x17, 0xFC, 0x00, 0x00, 0x00, 0x00]

    @Test func floodsAreCappedWhilePunchesPullsAndControlCallsGoOn() throws {
        let started = ContinuousClock.now
        let dir = try TemporaryDirectory("hostile")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let controlPort = try loopbackFreePort()
        let daemon = try DaemonUnderTest(
            stateDirectory: dir.path + "/state", scannerPath: simulator.link, duplicateWindow: 0,
            extraConfig: """

                [pull]
                host = "127.0.0.1"
                port = 0
                max_connections = 24
                max_connections_per_address = 24
                first_request_timeout_s = 2

                [control]
                listen = "127.0.0.1:\(controlPort)"
                token = "\(Self.token)"
                max_connections = 12
                max_connections_per_address = 12
                idle_timeout_s = 2

                """)
        _ = try daemon.enroll(pin: "1001", name: "Siti", finger: 11, simulator: simulator)
        try simulator.waitForLiftCheck()
        let before = try daemon.client.status()
        let pullPort = try #require(before.pull?.tcpPort)

        // 300 on 4370 from another address: garbage, a 1 MiB frame announced and never sent, silence.
        var flood: [RawTCPSocket] = []
        for index in 0..<300 {
            let socket = try RawTCPSocket(port: pullPort, source: "127.0.0.2")
            switch index % 3 {
            case 0: socket.send([UInt8](repeating: 0xEE, count: 64))
            case 1: socket.send([0x50, 0x50, 0x82, 0x7D, 0x00, 0x00, 0x10, 0x00, 0xE8, 0x03])
            default: break
            }
            flood.append(socket)
        }
        let datagrams = (0..<500).map { index in [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: index % 1_500) }
        try sendDatagrams(datagrams, port: pullPort, source: "127.0.0.3")
        // 150 on the control listener: HTTP garbage, a 64 KiB header, silence.
        for index in 0..<150 {
            let socket = try RawTCPSocket(port: controlPort, source: "127.0.0.2")
            switch index % 3 {
            case 0: socket.send(Array("GARBAGE \u{1}\u{2}\r\n\r\n".utf8))
            case 1: socket.send(Array("GET /v1/status HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 65_536))\r\n\r\n".utf8))
            default: break
            }
            flood.append(socket)
        }

        // With the flood's sockets still open: a punch, a pull CONNECT, control calls on both listeners.
        try simulator.send("tap 11")
        let punch = try daemon.waitForEvent(.punch, timeout: .seconds(5))
        #expect(punch.pin == "1001")
        let pull = try RawTCPSocket(port: pullPort)
        #expect(pull.send(Self.connect))
        let reply = pull.receive(upTo: 16)
        #expect(reply.count == 16 && Array(reply[0..<4]) == [0x50, 0x50, 0x82, 0x7D] && Array(reply[8..<10]) == [0xD0, 0x07], "\(reply)")
        let remote = DaemonControlClient(endpoint: .remote(baseURL: "http://127.0.0.1:\(controlPort)", token: Self.token))
        let remoteStatus = try remote.status()
        #expect(remoteStatus.punches == 1)
        let status = try daemon.client.status()
        let connections = try #require(status.pull?.connections)
        #expect(connections.open <= 24 && connections.peakOpen <= 24)
        #expect(connections.evicted + connections.refusedOverLimit > 0)
        #expect(status.pull?.badFrames ?? 0 >= 100)
        let lan = try #require(status.control?.lan)
        #expect(lan.open <= 12 && lan.peakOpen <= 12)
        #expect(lan.evicted + lan.refusedOverLimit > 0)

        // A body over max_body_bytes is refused before it is read.
        let big = try RawTCPSocket(port: controlPort)
        big.send(
            Array(
                "POST /v1/users HTTP/1.1\r\nHost: kiosk\r\nAuthorization: Bearer \(Self.token)\r\nContent-Length: 100000000\r\n\r\n".utf8))
        #expect(String(decoding: big.receive(upTo: 12), as: UTF8.self) == "HTTP/1.1 413")

        // Whatever the flood still holds is closed within the first-request and idle timeouts (2 s).
        let stillOpen = flood.filter { !$0.closedByServer() }.count
        #expect(stillOpen == 0)
        for socket in flood + [pull, big] { socket.close() }
        let after = try daemon.client.status()
        #expect((after.pull?.connections.silentTimeouts ?? 0) > 0 && (after.control?.lan?.silentTimeouts ?? 0) > 0)
        #expect(daemon.terminate() == 0)
        #expect(ContinuousClock.now - started < .seconds(15))
    }
}
