extension ScannerDriver {
    /// Largest template/image transfer accepted from the module (a 36 KiB image fits).
    static let maxTransferBytes = 1 << 16

    /// Sends `command` and returns the module's acknowledgement (whatever its code).
    ///
    /// Stale input is drained first, so a late or corrupt earlier reply cannot be taken for this one.
    func execute(_ command: EF01Command) throws(ScannerError) -> EF01Acknowledgement {
        guard isOpen else { throw .notConnected }
        try drainStaleInput()
        try transportWrite(command.packet(address: configuration.address).encoded())
        diagnosticsStorage.commandsSent += 1
        let packet = try receivePacket(operation: command.instruction.name)
        guard packet.type == .acknowledge else {
            throw .protocolViolation("\(command.instruction.name) was answered by a \(packet.type) packet")
        }
        do {
            return try EF01Acknowledgement(packet: packet)
        } catch {
            diagnosticsStorage.frameErrors += 1
            throw .frame(error)
        }
    }

    /// Receives the data packets that follow an UpChar/UpImage acknowledgement, until 0x08.
    func receiveData(operation: String) throws(ScannerError) -> [UInt8] {
        var assembler = EF01DataAssembler(maxBytes: Self.maxTransferBytes)
        while true {
            let packet = try receivePacket(operation: operation)
            do {
                if let data = try assembler.add(packet) { return data }
            } catch {
                throw .protocolViolation("\(operation) data transfer: \(error)")
            }
        }
    }

    /// Sends data packets to the module (after a DownChar/DownImage acknowledgement).
    func sendData(_ data: [UInt8], packetSize: Int) throws(ScannerError) {
        let packets = EF01Packet.dataPackets(for: data, packetSize: packetSize, address: configuration.address)
        for packet in packets {
            try transportWrite(packet.encoded())
        }
    }

    /// The next packet from the module, waiting at most `responseTimeout`.
    ///
    /// A corrupt frame throws `.frame` at once; the rest of its bytes are drained before the next
    /// command.
    func receivePacket(operation: String) throws(ScannerError) -> EF01Packet {
        let deadline = clock.now + configuration.responseTimeout
        while true {
            let discardedBefore = decoder.discardedByteCount
            do {
                defer { diagnosticsStorage.discardedBytes += decoder.discardedByteCount - discardedBefore }
                if let packet = try decoder.next() { return packet }
            } catch {
                diagnosticsStorage.frameErrors += 1
                throw .frame(error)
            }
            let remaining = deadline - clock.now
            guard remaining > .zero else {
                diagnosticsStorage.timeouts += 1
                throw .timeout(operation: operation)
            }
            decoder.feed(try transportRead(maxCount: 1024, timeout: min(remaining, configuration.responseTimeout)))
        }
    }

    /// Throws away everything already received: leftovers of a corrupt or late reply, a stray 0x55.
    func drainStaleInput() throws(ScannerError) {
        diagnosticsStorage.discardedBytes += decoder.bufferedByteCount
        decoder = EF01FrameDecoder()
        // Bounded: a module that never stops talking cannot hold the driver here.
        for _ in 0..<64 {
            let stale = try transportRead(maxCount: 4096, timeout: .zero)
            if stale.isEmpty { return }
            diagnosticsStorage.discardedBytes += stale.count
        }
    }

}
