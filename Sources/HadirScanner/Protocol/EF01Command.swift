/// A host-to-module EF01 instruction with typed parameters.
///
/// Slots (`slot`, `start`, `count`) are 16-bit library page ids; `buffer` is a CharBuffer number
/// (1…2, or 1…6 on the R503).
public enum EF01Command: Hashable, Sendable {
    /// Capture an image; 02 = no finger.
    case genImg
    /// Extract features from the image into `buffer`.
    case img2Tz(buffer: UInt8)
    /// Compare CharBuffer 1 with 2.
    case match
    /// Search `count` slots from `start` for the features in `buffer`.
    case search(buffer: UInt8, start: UInt16, count: UInt16)
    /// Merge CharBuffer 1 and 2 into a template.
    case regModel
    /// Store `buffer` in library slot `slot`.
    case store(buffer: UInt8, slot: UInt16)
    /// Load library slot `slot` into `buffer`.
    case loadChar(buffer: UInt8, slot: UInt16)
    /// Upload `buffer` to the host as data packets.
    case upChar(buffer: UInt8)
    /// Receive a template into `buffer` as data packets from the host.
    case downChar(buffer: UInt8)
    /// Upload the image buffer.
    case upImage
    /// Download an image into the image buffer.
    case downImage
    /// Delete `count` slots starting at `slot`.
    case deleteChar(slot: UInt16, count: UInt16)
    /// Delete the whole library.
    case empty
    /// Set system parameter `parameter` (4 baud N, 5 security, 6 packet size code) to `value`.
    case setSysPara(parameter: UInt8, value: UInt8)
    /// Read the system parameters.
    case readSysPara
    /// Set the password.
    case setPassword(UInt32)
    /// Verify the password.
    case verifyPassword(UInt32)
    /// Set the module address.
    case setAddress(UInt32)
    /// Like `search`, on firmware with a faster variant.
    case hiSpeedSearch(buffer: UInt8, start: UInt16, count: UInt16)
    /// Count stored templates.
    case templateCount
    /// Read occupancy bitmap page `page` (0…3).
    case readIndexTable(page: UInt8)
    /// R503 automatic enrollment into `slot`; each flag is sent as one byte, 1 = true.
    case autoEnroll(
        slot: UInt16, allowOverwrite: Bool, allowDuplicate: Bool, reportSteps: Bool, requireLift: Bool)
    /// R503 automatic identification over `count` slots from `start`.
    case autoIdentify(securityLevel: UInt8, start: UInt16, count: UInt16, config: UInt8, retries: UInt8)
    /// R503 ring LED: control (1 breathe … 6 fade off), speed, colour (1 red … 7 white), cycles.
    case auraLed(control: UInt8, speed: UInt8, colour: UInt8, cycles: UInt8)
    /// Sensor self-test.
    case checkSensor
    /// Soft reset.
    case softReset
    /// Liveness check.
    case handshake

    /// The instruction code of this command.
    public var instruction: EF01Instruction {
        switch self {
        case .genImg: .genImg
        case .img2Tz: .img2Tz
        case .match: .match
        case .search: .search
        case .regModel: .regModel
        case .store: .store
        case .loadChar: .loadChar
        case .upChar: .upChar
        case .downChar: .downChar
        case .upImage: .upImage
        case .downImage: .downImage
        case .deleteChar: .deleteChar
        case .empty: .empty
        case .setSysPara: .setSysPara
        case .readSysPara: .readSysPara
        case .setPassword: .setPassword
        case .verifyPassword: .verifyPassword
        case .setAddress: .setAddress
        case .hiSpeedSearch: .hiSpeedSearch
        case .templateCount: .templateCount
        case .readIndexTable: .readIndexTable
        case .autoEnroll: .autoEnroll
        case .autoIdentify: .autoIdentify
        case .auraLed: .auraLed
        case .checkSensor: .checkSensor
        case .softReset: .softReset
        case .handshake: .handshake
        }
    }

    /// The command packet's content: instruction byte followed by the parameters.
    public var payload: [UInt8] {
        var bytes: [UInt8] = [instruction.rawValue]
        switch self {
        case .genImg, .match, .regModel, .upImage, .downImage, .empty, .readSysPara,
            .templateCount, .checkSensor, .softReset, .handshake:
            break
        case .img2Tz(let buffer), .upChar(let buffer), .downChar(let buffer):
            bytes.append(buffer)
        case .readIndexTable(let page):
            bytes.append(page)
        case .search(let buffer, let start, let count), .hiSpeedSearch(let buffer, let start, let count):
            bytes.append(buffer)
            bytes.appendBigEndian(start)
            bytes.appendBigEndian(count)
        case .store(let buffer, let slot), .loadChar(let buffer, let slot):
            bytes.append(buffer)
            bytes.appendBigEndian(slot)
        case .deleteChar(let slot, let count):
            bytes.appendBigEndian(slot)
            bytes.appendBigEndian(count)
        case .setSysPara(let parameter, let value):
            bytes.append(parameter)
            bytes.append(value)
        case .setPassword(let value), .verifyPassword(let value), .setAddress(let value):
            bytes.appendBigEndian(value)
        case .autoEnroll(let slot, let allowOverwrite, let allowDuplicate, let reportSteps, let requireLift):
            bytes.appendBigEndian(slot)
            bytes.append(contentsOf: [allowOverwrite, allowDuplicate, reportSteps, requireLift].map { $0 ? 1 : 0 })
        case .autoIdentify(let securityLevel, let start, let count, let config, let retries):
            bytes.append(securityLevel)
            bytes.appendBigEndian(start)
            bytes.appendBigEndian(count)
            bytes.append(config)
            bytes.append(retries)
        case .auraLed(let control, let speed, let colour, let cycles):
            bytes.append(contentsOf: [control, speed, colour, cycles])
        }
        return bytes
    }

    /// The command as a packet for the module at `address`.
    public func packet(address: UInt32) -> EF01Packet {
        EF01Packet(address: address, type: .command, payload: payload)
    }
}
