import HadirScanner

extension EF01ModuleEmulator {
    /// A log-friendly rendering of a command, e.g. "Store(buf 1, slot 5)".
    func describe(_ command: EF01Command) -> String {
        let name = command.instruction.name
        switch command {
        case .img2Tz(let buffer), .upChar(let buffer), .downChar(let buffer):
            return "\(name)(buf \(buffer))"
        case .search(let buffer, let start, let count), .hiSpeedSearch(let buffer, let start, let count):
            return "\(name)(buf \(buffer), start \(start), count \(count))"
        case .store(let buffer, let slot), .loadChar(let buffer, let slot):
            return "\(name)(buf \(buffer), slot \(slot))"
        case .deleteChar(let slot, let count):
            return "\(name)(slot \(slot), count \(count))"
        case .setSysPara(let parameter, let value):
            return "\(name)(param \(parameter), value \(value))"
        case .setPassword, .verifyPassword:
            return "\(name)(****)"
        case .setAddress(let value):
            return "\(name)(\(hexAddress(value)))"
        case .readIndexTable(let page):
            return "\(name)(page \(page))"
        case .autoEnroll(let slot, let overwrite, let duplicate, let steps, let lift):
            return "\(name)(slot \(slot), overwrite \(overwrite), duplicate \(duplicate), steps \(steps), lift \(lift))"
        case .autoIdentify(let security, let start, let count, _, _):
            return "\(name)(security \(security), start \(start), count \(count))"
        case .auraLed(let control, let speed, let colour, let cycles):
            return "\(name)(control \(control), speed \(speed), colour \(colour), cycles \(cycles))"
        default:
            return name
        }
    }

    /// A rendering of an undecodable command payload.
    func describeRaw(_ payload: [UInt8]) -> String {
        guard let first = payload.first else { return "empty command" }
        let name =
            EF01Instruction(rawValue: first)?.name ?? "instruction 0x"
            + String(first, radix: 16, uppercase: true).leftPadded(to: 2)
        return "\(name) with \(payload.count - 1) parameter bytes"
    }
}

/// "0xFFFFFFFF".
func hexAddress(_ value: UInt32) -> String {
    "0x" + String(value, radix: 16, uppercase: true).leftPadded(to: 8)
}
