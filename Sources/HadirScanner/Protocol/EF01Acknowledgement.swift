/// A module's reply to a command: a confirmation code plus instruction-specific data.
public struct EF01Acknowledgement: Hashable, Sendable {
    /// The confirmation code (0x00 = success).
    public var code: UInt8
    /// The bytes after the confirmation code.
    public var data: [UInt8]

    /// Creates a reply from its parts.
    public init(code: UInt8, data: [UInt8] = []) {
        self.code = code
        self.data = data
    }

    /// Creates a reply with a known confirmation code.
    public init(_ confirmation: EF01ConfirmationCode, data: [UInt8] = []) {
        self.init(code: confirmation.rawValue, data: data)
    }

    /// Reads a reply from an acknowledgement (0x07) packet.
    public init(packet: EF01Packet) throws(EF01FrameError) {
        guard packet.type == .acknowledge else { throw .unexpectedPacketType(packet.type) }
        guard let code = packet.payload.first else { throw .emptyAcknowledgement }
        self.init(code: code, data: Array(packet.payload.dropFirst()))
    }

    /// The confirmation code as a known value, or nil for codes this codec does not know.
    public var confirmation: EF01ConfirmationCode? { EF01ConfirmationCode(rawValue: code) }

    /// The module error this reply reports, or nil on success.
    public var error: EF01ModuleError? { EF01ModuleError(code: code) }

    /// Whether the command succeeded.
    public var isSuccess: Bool { code == EF01ConfirmationCode.success.rawValue }

    /// Throws the module error unless the reply reports success.
    public func check() throws(EF01ModuleError) {
        if let error { throw error }
    }

    /// The reply as a packet from the module at `address`.
    public func packet(address: UInt32) -> EF01Packet {
        EF01Packet(address: address, type: .acknowledge, payload: [code] + data)
    }
}
