/// The host side of EF01 over a native-USB module's bulk-only wrapper, as a pure state machine.
///
/// The driver writes EF01 packets and reads EF01 bytes as it does on a tty. Over USB the module
/// speaks only when asked: each packet goes out as CBW `86` + packet + CSW, and each answer must be
/// fetched with CBW `85` + data + CSW. This type decides which bulk transfers come next and turns
/// what they return into the byte stream the driver expects; the transport only performs them.
///
/// The UpChar quirk (reference §1): over USB the module returns the template as 512 raw bytes
/// after the ack, not as EF01 data packets. The link fetches those bytes and re-frames them as
/// data packets (0x02 … 0x08), so the driver's UpChar code runs unchanged.
public struct USBEF01Link: Sendable {
    /// One bulk transfer to perform next.
    public typealias Step = USBBulkOnlyExchange.Transfer

    /// What the module owes the host after the last packet.
    enum Expectation: Sendable, Equatable {
        case nothing
        case acknowledgement(instruction: UInt8, address: UInt32)
        case rawTemplate(address: UInt32)
    }

    /// The exchange under way: its tag, what its data stage carries, and the transfers left.
    struct Exchange: Sendable, Equatable {
        enum Purpose: Sendable, Equatable {
            case send
            case acknowledgement(instruction: UInt8, address: UInt32)
            case rawTemplate(address: UInt32)
        }

        var tag: UInt32
        var purpose: Purpose
        var remaining: [Step]
        var data: [UInt8] = []
    }

    /// Payload per synthesised data packet for a raw template (the EF01 factory default).
    public static let rawTemplatePacketSize = 128

    private(set) var expectation = Expectation.nothing
    private(set) var exchange: Exchange?
    private var lastTag: UInt32 = 0

    public init() {}

    /// The transfer to perform next, or nil when no exchange is under way.
    public var nextStep: Step? { exchange?.remaining.first }

    /// Whether the module owes an answer that has not been fetched yet.
    public var expectsReply: Bool { expectation != .nothing }

    /// Whether an exchange was left half done (the driver gave up waiting, or the module broke
    /// the wrapper protocol): the host must run bulk-only reset recovery before the next one.
    public var needsResetRecovery: Bool { exchange != nil }

    /// Forget everything in flight, after the transport has reset the module's bulk endpoints.
    public mutating func resetRecovered() {
        exchange = nil
        expectation = .nothing
    }

    /// Starts sending one EF01 packet written by the driver (a command, or DownChar data).
    ///
    /// Call only when `needsResetRecovery` is false. A command makes the link expect an ack.
    public mutating func beginSend(_ packet: [UInt8]) {
        let tag = takeTag()
        exchange = Exchange(tag: tag, purpose: .send, remaining: USBBulkOnlyExchange.send(packet, tag: tag))
        if let command = Self.commandHeader(packet) {
            expectation = .acknowledgement(instruction: command.instruction, address: command.address)
        }
    }

    /// Starts fetching what the module owes; false when it owes nothing (then nothing is asked,
    /// since an `85` with no answer pending has no defined outcome).
    public mutating func beginReceive() -> Bool {
        guard exchange == nil else { return true }
        let tag: UInt32
        switch expectation {
        case .nothing:
            return false
        case .acknowledgement(let instruction, let address):
            tag = takeTag()
            exchange = Exchange(
                tag: tag, purpose: .acknowledgement(instruction: instruction, address: address),
                remaining: USBBulkOnlyExchange.receive(tag: tag))
        case .rawTemplate(let address):
            tag = takeTag()
            exchange = Exchange(
                tag: tag, purpose: .rawTemplate(address: address),
                remaining: USBBulkOnlyExchange.receive(length: USBBulkOnlyExchange.rawTemplateLength, tag: tag))
        }
        return true
    }

    /// Records that the pending write step went out whole.
    public mutating func wrote() {
        guard var current = exchange, case .write = current.remaining.first else { return }
        current.remaining.removeFirst()
        exchange = current
    }

    /// Records what the pending read step returned; returns the EF01 bytes now due to the driver
    /// (empty until an exchange completes). A bad status wrapper leaves the link needing recovery.
    public mutating func read(_ bytes: [UInt8]) throws(USBBulkOnlyError) -> [UInt8] {
        guard var current = exchange, case .read = current.remaining.first else { return [] }
        current.remaining.removeFirst()
        if !current.remaining.isEmpty {
            // The data stage; the status wrapper follows.
            current.data = bytes
            exchange = current
            return []
        }
        // The status wrapper closes the exchange (a throw leaves it pending: reset needed).
        _ = try USBBulkOnlyStatus.decode(bytes, expectedTag: current.tag)
        exchange = nil
        switch current.purpose {
        case .send:
            return []
        case .acknowledgement(let instruction, let address):
            let frame = Self.firstFrame(current.data)
            let succeeded = frame.count > 9 && frame[6] == EF01PacketType.acknowledge.rawValue && frame[9] == 0
            expectation =
                instruction == EF01Instruction.upChar.rawValue && succeeded ? .rawTemplate(address: address) : .nothing
            return frame
        case .rawTemplate(let address):
            expectation = .nothing
            return EF01Packet.dataPackets(for: current.data, packetSize: Self.rawTemplatePacketSize, address: address)
                .flatMap { $0.encoded() }
        }
    }

    // MARK: - Helpers

    private mutating func takeTag() -> UInt32 {
        lastTag &+= 1
        return lastTag
    }

    /// Instruction and address of an EF01 command packet; nil for data packets or foreign bytes.
    static func commandHeader(_ packet: [UInt8]) -> (instruction: UInt8, address: UInt32)? {
        guard packet.count >= EF01Packet.minimumFrameLength + 1, Array(packet[0..<2]) == EF01Packet.header,
            packet[6] == EF01PacketType.command.rawValue
        else { return nil }
        let address = packet[2..<6].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return (packet[9], address)
    }

    /// The module pads its answer to the 64 bytes asked for: keep the frame its length field
    /// describes. Bytes that do not start a frame pass through for the driver's decoder to judge.
    static func firstFrame(_ data: [UInt8]) -> [UInt8] {
        guard data.count >= EF01Packet.prefixLength, Array(data[0..<2]) == EF01Packet.header else { return data }
        let length = EF01Packet.prefixLength + (Int(data[7]) << 8 | Int(data[8]))
        return Array(data.prefix(length))
    }
}
