import HadirScanner

/// A simulated EF01 fingerprint module (ZFM / R30x / R503 / AS608), with no I/O at all.
///
/// Feed it the bytes the host wrote with ``receive(_:)`` and send back what it returns; the
/// pty server, the tests and anything else drive it the same way. Sensor methods
/// (``place(_:)``, ``press(_:times:)``, ``lift()``) and fault arming model the physical
/// world. Behaviour follows the module manuals, including their quirks:
///
/// - A frame for another address gets no reply at all.
/// - With a non-zero password, every command but VfyPwd and HandShake answers 0x21 until
///   VfyPwd succeeds.
/// - Failure acks of instructions with reply data are full length, zero-filled (Search's
///   0x09 still carries id 0 and score 0; Match's 0x08 still carries a score).
/// - A command frame with a bad checksum gets 0x01 (receive error), like the modules do; a
///   frame whose length or type byte is impossible is skipped silently (its extent is
///   unknown, so the module resynchronises on the next `EF 01`). A command whose content
///   cannot be parsed (wrong parameter length, buffer number out of range) also gets 0x01;
///   an unknown instruction gets 0xFC. These "frame-level" error acks are bare (code only).
/// - A corrupted data packet during DownChar/DownImage abandons the transfer silently.
public struct EF01ModuleEmulator: Sendable {
    /// Power-on settings.
    public let configuration: EF01EmulatorConfiguration
    /// Current address (SetAdder changes it).
    public internal(set) var address: UInt32
    /// Current password (SetPwd changes it).
    public internal(set) var password: UInt32
    /// Whether commands are allowed: true when the password is 0 or VfyPwd succeeded.
    public internal(set) var passwordVerified: Bool
    /// Data packet payload size now in force (SetSysPara 6 changes it).
    public internal(set) var packetSize: Int
    /// Matching security level (SetSysPara 5; stored, does not change matching).
    public internal(set) var securityLevel: UInt8
    /// Baud multiplier (SetSysPara 4; stored only, a pty has no baud rate).
    public internal(set) var baudMultiplier: UInt8
    /// CharBuffers; index 0 is buffer 1. Nil = nothing extracted or loaded yet.
    public internal(set) var buffers: [[UInt8]?]
    /// The image buffer.
    public internal(set) var image: ImageBuffer = .none
    /// The flash library.
    public internal(set) var library: TemplateLibrary
    /// What is on the sensor glass.
    public internal(set) var sensor = SensorModel()
    /// Faults armed and not yet used.
    public internal(set) var faults = FaultPlan()
    /// The ring LED's last configuration (R503), if any.
    public internal(set) var led: AuraLedState?
    /// Commands executed and answered (not counting ones dropped or silenced).
    public internal(set) var commandsServed = 0
    /// Whether the last Match/Search found a match (status register bit 1).
    var lastMatchPassed = false

    var decoder: EF01FrameDecoder
    var incoming: IncomingTransfer?
    var automatic: AutomaticOperation?
    var exchanges: [EF01Exchange] = []

    /// What the image buffer holds.
    public enum ImageBuffer: Hashable, Sendable {
        /// No valid image (GenImg failed or never ran).
        case none
        /// A capture of a virtual finger.
        case captured(VirtualFinger)
        /// An image downloaded by the host (DownImage).
        case downloaded([UInt8])
    }

    /// A data transfer from the host in progress (after a DownChar or DownImage ack).
    struct IncomingTransfer: Sendable {
        enum Target: Sendable {
            case buffer(Int)
            case image
        }
        var target: Target
        var assembler: EF01DataAssembler
        var request: String
    }

    /// Creates a module at power-on with `library` in its flash.
    ///
    /// The configuration must be valid (see ``EF01EmulatorConfiguration/validationError()``);
    /// out-of-range values are clamped rather than trapping.
    public init(
        configuration: EF01EmulatorConfiguration = EF01EmulatorConfiguration(),
        library: TemplateLibrary = TemplateLibrary()
    ) {
        self.configuration = configuration
        self.library = library
        address = configuration.address
        password = configuration.password
        passwordVerified = configuration.password == 0
        packetSize =
            EF01EmulatorConfiguration.packetSizeCode(for: configuration.packetSize) == nil
            ? 128 : configuration.packetSize
        securityLevel = configuration.securityLevel
        baudMultiplier = configuration.baudMultiplier
        buffers = Array(repeating: nil, count: configuration.bufferCount == 6 ? 6 : 2)
        decoder = EF01FrameDecoder(maxPayload: 256)
    }

    /// Bytes the module sends by itself at power-on: a bare 0x55 when so configured.
    public func powerOnBytes() -> [UInt8] {
        configuration.sendsStartupByte ? [0x55] : []
    }

    /// Library capacity.
    public var capacity: Int { configuration.capacity }

    /// Whether an AutoEnroll/AutoIdentify is waiting for the finger.
    public var isAwaitingFinger: Bool { automatic != nil }

    /// Handles bytes written by the host; returns the bytes the module sends back.
    public mutating func receive(_ bytes: [UInt8]) -> [UInt8] {
        decoder.feed(bytes)
        var output: [UInt8] = []
        while true {
            let packet: EF01Packet?
            do {
                packet = try decoder.next()
            } catch {
                output += handleFrameError(error)
                continue
            }
            guard let packet else { break }
            output += handle(packet)
        }
        return output
    }

    /// Summaries of commands handled since the last call (for logging).
    public mutating func takeExchanges() -> [EF01Exchange] {
        defer { exchanges.removeAll() }
        return exchanges
    }

    /// Arms `count` occurrences of `fault`.
    public mutating func arm(_ fault: FaultKind, count: Int = 1) {
        faults.arm(fault, count: count)
    }

    /// Deletes every template (the control channel's `clear-library`; not a flash fault path).
    public mutating func clearLibrary() {
        library.removeAll()
    }

    // MARK: - Packet dispatch

    private mutating func handleFrameError(_ error: EF01FrameError) -> [UInt8] {
        switch error {
        case .badChecksum:
            if let transfer = incoming {
                incoming = nil
                record(transfer.request, "transfer abandoned: corrupt data packet")
                return []
            }
            record("frame with bad checksum", "0x01 receiveError")
            return emit(.ack(.receiveError))
        default:
            // Length or type impossible: the frame's extent is unknown, so stay silent and
            // let the decoder resynchronise, as a module's UART state machine does.
            record("malformed frame (\(error))", "ignored")
            return []
        }
    }

    private mutating func handle(_ packet: EF01Packet) -> [UInt8] {
        guard packet.address == address else {
            record("frame for address \(hexAddress(packet.address))", "ignored (wrong address)")
            return []
        }
        switch packet.type {
        case .data, .endData:
            return receiveData(packet)
        case .acknowledge:
            record("acknowledge packet from host", "ignored")
            return []
        case .command:
            if let transfer = incoming {
                incoming = nil
                record(transfer.request, "transfer abandoned: host sent a command")
            }
            if automatic != nil {
                automatic = nil
                record("automatic operation", "cancelled by a new command")
            }
            return handleCommand(packet.payload)
        }
    }

    private mutating func handleCommand(_ payload: [UInt8]) -> [UInt8] {
        if faults.consume(.timeout) {
            record(describeRaw(payload), "no reply (timeout fault)")
            return []
        }
        let command: EF01Command
        do {
            command = try EF01Command(payload: payload)
        } catch {
            switch error {
            case .unknownInstruction:
                return finish(describeRaw(payload), .ack(.unsupportedCommand))
            default:
                return finish(describeRaw(payload), .ack(.receiveError))
            }
        }
        let request = describe(command)
        guard passwordVerified || command.instruction == .verifyPassword || command.instruction == .handshake else {
            return finish(request, .ack(.passwordRequired))
        }
        return finish(request, execute(command))
    }

    private mutating func finish(_ request: String, _ response: ModuleResponse) -> [UInt8] {
        commandsServed += 1
        record(request, response.summary)
        return emit(response)
    }

    private mutating func execute(_ command: EF01Command) -> ModuleResponse {
        switch command {
        case .genImg: return genImg()
        case .img2Tz(let buffer): return img2Tz(buffer: buffer)
        case .match: return match()
        case .search(let buffer, let start, let count), .hiSpeedSearch(let buffer, let start, let count):
            return search(buffer: buffer, start: Int(start), count: Int(count), instruction: command.instruction)
        case .regModel: return regModel()
        case .store(let buffer, let slot): return store(buffer: buffer, slot: Int(slot))
        case .loadChar(let buffer, let slot): return loadChar(buffer: buffer, slot: Int(slot))
        case .upChar(let buffer): return upChar(buffer: buffer)
        case .downChar(let buffer): return downChar(buffer: buffer, request: describe(command))
        case .upImage: return upImage()
        case .downImage: return downImage(request: describe(command))
        case .deleteChar(let slot, let count): return deleteChar(slot: Int(slot), count: Int(count))
        case .empty: return emptyLibrary()
        case .setSysPara(let parameter, let value): return setSysPara(parameter: parameter, value: value)
        case .readSysPara: return readSysPara()
        case .setPassword(let value): return setPassword(value)
        case .verifyPassword(let value): return verifyPassword(value)
        case .setAddress(let value): return setAddress(value)
        case .templateCount: return templateCount()
        case .readIndexTable(let page): return readIndexTable(page: page)
        case .autoEnroll(let slot, let allowOverwrite, let allowDuplicate, let reportSteps, let requireLift):
            return autoEnroll(
                slot: Int(slot), allowOverwrite: allowOverwrite, allowDuplicate: allowDuplicate,
                reportSteps: reportSteps, requireLift: requireLift)
        case .autoIdentify(_, let start, let count, _, _):
            return autoIdentify(start: Int(start), count: Int(count))
        case .auraLed(let control, let speed, let colour, let cycles):
            guard configuration.hasAuraLed else { return .ack(.unsupportedCommand) }
            led = AuraLedState(control: control, speed: speed, colour: colour, cycles: cycles)
            return .ack(.success)
        case .checkSensor:
            return .ack(faults.consume(.sensor) ? .sensorFault : .success)
        case .softReset: return softReset()
        case .handshake: return .ack(.success)
        }
    }

    // MARK: - Output

    /// Encodes a response, applying the garbage and checksum faults on the way out.
    mutating func emit(_ response: ModuleResponse) -> [UInt8] {
        guard !response.isEmpty else { return [] }
        var packets = response.acknowledgements.map { $0.packet(address: address) }
        if let data = response.data {
            packets += EF01Packet.dataPackets(for: data, packetSize: packetSize, address: address)
        }
        var frames = packets.map { $0.encoded() }
        if !frames.isEmpty, faults.consume(.checksum), var first = frames.first, let last = first.last {
            // Flip bits of the checksum's low byte: the frame is intact but fails its check.
            first[first.count - 1] = last ^ 0x5A
            frames[0] = first
        }
        var bytes = faults.consume(.garbage) ? GarbageBytes.bytes : []
        for frame in frames { bytes += frame }
        return bytes + response.trailer
    }

    mutating func record(_ request: String, _ outcome: String) {
        exchanges.append(EF01Exchange(request: request, outcome: outcome))
        if exchanges.count > 1000 { exchanges.removeFirst(exchanges.count - 1000) }
    }

    /// The zero-filled reply data length of `instruction`, for full-length failure acks.
    static func replyDataLength(of instruction: EF01Instruction) -> Int {
        switch instruction {
        case .match, .templateCount: 2
        case .search, .hiSpeedSearch, .autoIdentify: 4
        case .readSysPara: 16
        case .readIndexTable: 32
        case .autoEnroll: 2
        default: 0
        }
    }

    /// A failure ack for `instruction`, zero-filled to the instruction's full reply length.
    static func failure(_ code: EF01ConfirmationCode, for instruction: EF01Instruction) -> ModuleResponse {
        .ack(code, [UInt8](repeating: 0, count: replyDataLength(of: instruction)))
    }

    /// Index into ``buffers`` for a CharBuffer number, or nil when out of range.
    func bufferIndex(_ number: UInt8) -> Int? {
        let index = Int(number) - 1
        return buffers.indices.contains(index) ? index : nil
    }
}
