import HadirScanner
import HadirSimulator

/// A minimal EF01 host for tests: encodes commands with the codec, feeds the emulator and
/// decodes what comes back.
struct TestHost {
    var module: EF01ModuleEmulator
    var address: UInt32

    init(
        _ configuration: EF01EmulatorConfiguration = EF01EmulatorConfiguration(),
        library: TemplateLibrary = TemplateLibrary()
    ) {
        module = EF01ModuleEmulator(configuration: configuration, library: library)
        address = configuration.address
    }

    /// Sends a command and returns every packet the module answered with.
    mutating func send(_ command: EF01Command, to target: UInt32? = nil) throws -> [EF01Packet] {
        try Self.packets(module.receive(command.packet(address: target ?? address).encoded()))
    }

    /// Sends a command that must be answered by exactly one acknowledgement.
    mutating func ack(_ command: EF01Command) throws -> EF01Acknowledgement {
        let replies = try send(command)
        guard replies.count == 1, let packet = replies.first else {
            throw TestFailure("expected one ack, got \(replies.count) packets")
        }
        return try EF01Acknowledgement(packet: packet)
    }

    /// The confirmation code of a single-ack command.
    mutating func code(_ command: EF01Command) throws -> UInt8 {
        try ack(command).code
    }

    /// Sends a command with an upload (UpChar/UpImage): returns the ack and the data.
    mutating func upload(_ command: EF01Command) throws -> (
        ack: EF01Acknowledgement, data: [UInt8], packets: [EF01Packet]
    ) {
        let replies = try send(command)
        guard let first = replies.first else { throw TestFailure("no reply") }
        let ack = try EF01Acknowledgement(packet: first)
        var assembler = EF01DataAssembler()
        var data: [UInt8] = []
        for packet in replies.dropFirst() {
            if let complete = try assembler.add(packet) { data = complete }
        }
        return (ack, data, Array(replies.dropFirst()))
    }

    /// Streams `data` to the module as data packets (after DownChar/DownImage).
    mutating func download(_ data: [UInt8], packetSize: Int = 128) throws -> [EF01Packet] {
        var replies: [EF01Packet] = []
        for packet in EF01Packet.dataPackets(for: data, packetSize: packetSize, address: address) {
            replies += try Self.packets(module.receive(packet.encoded()))
        }
        return replies
    }

    /// Presses `finger` once and puts its template in `buffer`.
    mutating func capture(_ finger: Int, into buffer: UInt8) throws {
        module.press(try fingerNumber(finger))
        guard try code(.genImg) == 0, try code(.img2Tz(buffer: buffer)) == 0 else {
            throw TestFailure("capture failed")
        }
    }

    /// Enrolls `finger` into `slot` the classic way (two presses, RegModel, Store).
    mutating func enroll(_ finger: Int, at slot: UInt16) throws {
        try capture(finger, into: 1)
        try capture(finger, into: 2)
        guard try code(.regModel) == 0, try code(.store(buffer: 1, slot: slot)) == 0 else {
            throw TestFailure("enroll failed")
        }
    }

    /// Decodes every frame in `bytes`, failing on any framing error.
    static func packets(_ bytes: [UInt8]) throws -> [EF01Packet] {
        var decoder = EF01FrameDecoder(maxPayload: 256)
        decoder.feed(bytes)
        var packets: [EF01Packet] = []
        while let packet = try decoder.next() { packets.append(packet) }
        guard decoder.bufferedByteCount == 0 else { throw TestFailure("\(decoder.bufferedByteCount) trailing bytes") }
        return packets
    }
}

/// A test-side failure with a message.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The virtual finger with `id`, or a test failure.
func fingerNumber(_ id: Int) throws -> VirtualFinger {
    guard let finger = VirtualFinger(id: id) else { throw TestFailure("bad finger \(id)") }
    return finger
}

/// Raw frame bytes with any address/type/content and a correct checksum.
func frame(address: UInt32 = 0xFFFF_FFFF, type: UInt8 = 0x01, content: [UInt8]) -> [UInt8] {
    let length = UInt16(content.count + 2)
    let sum = EF01Packet.checksum(type: type, length: length, content: content)
    return [
        0xEF, 0x01, UInt8(address >> 24), UInt8(address >> 16 & 0xFF), UInt8(address >> 8 & 0xFF),
        UInt8(address & 0xFF), type,
        UInt8(length >> 8), UInt8(length & 0xFF),
    ] + content + [UInt8(sum >> 8), UInt8(sum & 0xFF)]
}

/// Parses the reference manual's hex vectors ("EF 01 FF …").
func hexBytes(_ text: String) -> [UInt8] {
    text.split(separator: " ").compactMap { UInt8($0, radix: 16) }
}
