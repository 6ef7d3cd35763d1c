import HadirScanner

/// Runs a short EF01 session over USB: the driver's connect (ReadSysPara) and identify, then an
/// UpChar(1) whose 512 raw bytes the link re-frames as data packets.
enum ProbeExchange {
    static func run(ids: [USBDeviceID]) async throws {
        let transport = USBTransport(ids: ids)
        let driver = ScannerDriver(transport: transport, configuration: ScannerConfiguration(identifyTimeout: .milliseconds(100)))
        let parameters = try await driver.connect()
        say("opened \(transport.description)")
        say("sysparams capacity \(parameters.capacity) packet \(parameters.packetSize)")
        switch try await driver.identify() {
        case .matched(let slot, let score): say("identify matched slot \(slot) score \(score)")
        case let other: say("identify \(other)")
        }
        // UpChar outside the driver, which only issues it inside an enrollment.
        try transport.write(EF01Command.upChar(buffer: 1).packet(address: EF01Packet.defaultAddress).encoded())
        var decoder = EF01FrameDecoder()
        var assembler = EF01DataAssembler()
        var acknowledged = false
        while true {
            guard let packet = try decoder.next() else {
                let bytes = try transport.read(maxCount: 1024, timeout: .seconds(2))
                guard !bytes.isEmpty else { fail("upchar: no reply") }
                decoder.feed(bytes)
                continue
            }
            if !acknowledged {
                acknowledged = packet.type == .acknowledge
                say("upchar ack \(packet.payload.first.map { String($0) } ?? "empty")")
                continue
            }
            if let template = try assembler.add(packet) {
                let head = template.prefix(4).map { String($0, radix: 16) }.joined(separator: " ")
                say("upchar template \(template.count) bytes, first \(head)")
                break
            }
        }
        await driver.disconnect()
        say("closed")
    }
}
