/// Why a command packet's content is not a valid EF01 command.
public enum EF01CommandDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The content has no instruction byte.
    case empty
    /// The instruction byte is not a known opcode.
    case unknownInstruction(UInt8)
    /// The parameters do not have the instruction's fixed length.
    case wrongParameterLength(instruction: EF01Instruction, expected: Int, received: Int)
    /// The packet is not a command packet (type 0x01).
    case notACommand(EF01PacketType)

    /// A readable English explanation, for logs and the technician.
    public var description: String {
        switch self {
        case .empty:
            "EF01 command without an instruction byte"
        case .unknownInstruction(let code):
            "unknown EF01 instruction \(hex8(code))"
        case .wrongParameterLength(let instruction, let expected, let received):
            "\(instruction.name) takes \(expected) parameter bytes, received \(received)"
        case .notACommand(let type):
            "EF01 packet of type \(type) is not a command"
        }
    }
}

extension EF01Command {
    /// Decodes a command packet's content (instruction byte + parameters), as a module would.
    ///
    /// Parameter lengths must match exactly. Flag bytes of AutoEnroll read as true when non-zero.
    public init(payload: [UInt8]) throws(EF01CommandDecodingError) {
        guard let code = payload.first else { throw .empty }
        guard let instruction = EF01Instruction(rawValue: code) else { throw .unknownInstruction(code) }
        let parameters = Array(payload.dropFirst())
        guard parameters.count == instruction.parameterLength else {
            throw .wrongParameterLength(
                instruction: instruction, expected: instruction.parameterLength, received: parameters.count)
        }
        // Lengths were checked above; the zeros below are unreachable fallbacks, not defaults.
        let p = parameters
        func u16(_ offset: Int) -> UInt16 { p.bigEndianUInt16(at: offset) ?? 0 }
        func u32(_ offset: Int) -> UInt32 { p.bigEndianUInt32(at: offset) ?? 0 }
        func u8(_ offset: Int) -> UInt8 { offset < p.count ? p[offset] : 0 }

        switch instruction {
        case .genImg: self = .genImg
        case .img2Tz: self = .img2Tz(buffer: u8(0))
        case .match: self = .match
        case .search: self = .search(buffer: u8(0), start: u16(1), count: u16(3))
        case .regModel: self = .regModel
        case .store: self = .store(buffer: u8(0), slot: u16(1))
        case .loadChar: self = .loadChar(buffer: u8(0), slot: u16(1))
        case .upChar: self = .upChar(buffer: u8(0))
        case .downChar: self = .downChar(buffer: u8(0))
        case .upImage: self = .upImage
        case .downImage: self = .downImage
        case .deleteChar: self = .deleteChar(slot: u16(0), count: u16(2))
        case .empty: self = .empty
        case .setSysPara: self = .setSysPara(parameter: u8(0), value: u8(1))
        case .readSysPara: self = .readSysPara
        case .setPassword: self = .setPassword(u32(0))
        case .verifyPassword: self = .verifyPassword(u32(0))
        case .setAddress: self = .setAddress(u32(0))
        case .hiSpeedSearch: self = .hiSpeedSearch(buffer: u8(0), start: u16(1), count: u16(3))
        case .templateCount: self = .templateCount
        case .readIndexTable: self = .readIndexTable(page: u8(0))
        case .autoEnroll:
            self = .autoEnroll(
                slot: u16(0), allowOverwrite: u8(2) != 0, allowDuplicate: u8(3) != 0,
                reportSteps: u8(4) != 0, requireLift: u8(5) != 0)
        case .autoIdentify:
            self = .autoIdentify(
                securityLevel: u8(0), start: u16(1), count: u16(3), config: u8(5), retries: u8(6))
        case .auraLed: self = .auraLed(control: u8(0), speed: u8(1), colour: u8(2), cycles: u8(3))
        case .checkSensor: self = .checkSensor
        case .softReset: self = .softReset
        case .handshake: self = .handshake
        }
    }

    /// Decodes a command packet; packets of another type are refused.
    public init(packet: EF01Packet) throws(EF01CommandDecodingError) {
        guard packet.type == .command else { throw .notACommand(packet.type) }
        try self.init(payload: packet.payload)
    }
}
