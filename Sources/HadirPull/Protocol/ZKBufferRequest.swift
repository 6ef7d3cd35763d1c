/// What a PREPARE_BUFFER (1503) asks to snapshot (spec §5).
///
/// The payload is `01`, int16 sub-command, int32 FCT, int32 0 (11 bytes); 7 bytes are enough, the
/// trailing zero int is ignored.
public struct ZKBufferRequest: Sendable, Equatable {
    /// The table a request resolves to.
    public enum Content: Sendable, Equatable {
        /// Sub-command 9 (pyzk sends FCT 5, any is accepted).
        case users
        /// Sub-command 13 (any FCT).
        case attendance
        /// Sub-command 7 with FCT 2 (fingerprint templates).
        case templates
        /// Anything else: answer ACK_ERROR.
        case unsupported(subcommand: UInt16, fct: UInt32)
    }

    /// The shortest payload accepted: `01`, sub-command and FCT.
    public static let minimumLength = 7
    /// The length pyzk sends.
    public static let usualLength = 11

    /// The int16 sub-command: the request code of the table (9 users, 13 attendance, 7 data).
    public var subcommand: UInt16
    /// The FCT data type (spec §2: 1 ATTLOG, 2 FINGERTMP, 5 USER, …).
    public var fct: UInt32

    /// A request from its fields.
    public init(subcommand: UInt16, fct: UInt32) {
        self.subcommand = subcommand
        self.fct = fct
    }

    /// The table this request asks for.
    ///
    /// The sub-commands are request codes reused by pyzk: 9 (USERTEMP_RRQ) for users,
    /// 13 (ATTLOG_RRQ) for attendance, 7 (DB_RRQ) with FCT 2 (FINGERTMP) for templates.
    public var content: Content {
        switch (subcommand, fct) {
        case (ZKCommand.userTemplateReadRequest.rawValue, _): .users
        case (ZKCommand.attlogReadRequest.rawValue, _): .attendance
        case (ZKCommand.dbReadRequest.rawValue, 2): .templates
        default: .unsupported(subcommand: subcommand, fct: fct)
        }
    }

    /// The 11-byte payload a client sends (for tests and tools).
    public func encoded() -> [UInt8] {
        var buffer: [UInt8] = [1]
        buffer.reserveCapacity(Self.usualLength)
        ZKLittleEndian.append(subcommand, to: &buffer)
        ZKLittleEndian.append(fct, to: &buffer)
        ZKLittleEndian.append(UInt32(0), to: &buffer)
        return buffer
    }

    /// Decodes a PREPARE_BUFFER payload; throws `.wrongLength` below 7 bytes.
    ///
    /// The leading `01` is not checked: every known client sends it and nothing depends on it.
    public static func decode(_ payload: [UInt8]) throws(ZKRecordError) -> ZKBufferRequest {
        guard payload.count >= minimumLength else {
            throw .wrongLength(what: "PREPARE_BUFFER request", expected: [usualLength], actual: payload.count)
        }
        return ZKBufferRequest(subcommand: ZKLittleEndian.uint16(payload, at: 1), fct: ZKLittleEndian.uint32(payload, at: 3))
    }
}
