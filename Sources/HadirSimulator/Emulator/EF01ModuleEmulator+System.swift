import HadirScanner

extension EF01ModuleEmulator {
    /// SetSysPara: 4 = baud multiplier 1...12, 5 = security level 1...5, 6 = packet size
    /// code 0...3 (takes effect for the next data transfer). Anything else: 1A.
    mutating func setSysPara(parameter: UInt8, value: UInt8) -> ModuleResponse {
        switch (parameter, value) {
        case (4, 1...12): baudMultiplier = value
        case (5, 1...5): securityLevel = value
        case (6, 0...3): packetSize = 32 << Int(value)
        default: return .ack(.invalidRegister)
        }
        return .ack(.success)
    }

    /// ReadSysPara: the 16-byte parameter block.
    func readSysPara() -> ModuleResponse {
        var status: UInt16 = 0
        if lastMatchPassed { status |= 1 << 1 }
        if passwordVerified { status |= 1 << 2 }
        if image != .none { status |= 1 << 3 }
        let parameters = EF01SystemParameters(
            status: status, systemID: 0x0009, capacity: UInt16(clamping: capacity),
            securityLevel: UInt16(securityLevel), address: address,
            packetSizeCode: UInt16(EF01EmulatorConfiguration.packetSizeCode(for: packetSize) ?? 2),
            baudMultiplier: UInt16(baudMultiplier))
        return .ack(.success, parameters.bytes)
    }

    /// SetPwd: the new password is required from the next power-on or SoftRst.
    mutating func setPassword(_ value: UInt32) -> ModuleResponse {
        password = value
        return .ack(.success)
    }

    /// VfyPwd: 00 and commands unlocked, or 13.
    mutating func verifyPassword(_ value: UInt32) -> ModuleResponse {
        guard value == password else { return .ack(.wrongPassword) }
        passwordVerified = true
        return .ack(.success)
    }

    /// SetAdder: the ack already comes from the new address, and only it is answered after.
    mutating func setAddress(_ value: UInt32) -> ModuleResponse {
        address = value
        return .ack(.success)
    }

    /// SoftRst: volatile state is lost (buffers, image, password verification); flash
    /// settings and the library stay. The R503 then sends a bare 0x55 when configured.
    mutating func softReset() -> ModuleResponse {
        resetVolatileState()
        var response = ModuleResponse.ack(.success)
        response.trailer = powerOnBytes()
        return response
    }

    /// Clears what a module forgets when it restarts.
    mutating func resetVolatileState() {
        buffers = Array(repeating: nil, count: buffers.count)
        image = .none
        passwordVerified = password == 0
        lastMatchPassed = false
        incoming = nil
        automatic = nil
        led = nil
        decoder.reset()
    }

    /// Simulates a power cycle (used on re-plug): volatile state is lost, the library and
    /// settings changed by the host (address, password, packet size) stay, as in flash.
    /// Returns the bytes sent at power-on.
    public mutating func powerCycle() -> [UInt8] {
        resetVolatileState()
        return powerOnBytes()
    }
}
