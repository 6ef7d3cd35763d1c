extension EFAACommand {
    /// The command a host sent, as the simulator reads it. Data longer than the layout is
    /// accepted (later firmware appends fields); shorter is an error naming the command.
    public init(frame: EFAAFrame) throws(EFAAFrameError) {
        guard let id = EFAACommandID(rawValue: frame.messageID) else { throw .unknownCommand(frame.messageID) }
        let data = frame.data
        func need(_ count: Int) throws(EFAAFrameError) {
            guard data.count >= count else { throw .badLength(what: "\(id) command", expected: count, received: data.count) }
        }
        func flag(_ offset: Int) -> Bool { data[offset] != 0 }
        switch id {
        case .reset: self = .reset
        case .getStatus: self = .getStatus
        case .deleteAll: self = .deleteAll
        case .getAllUserIDs: self = .getAllUserIDs
        case .getVersion: self = .getVersion
        case .getSerialNumber: self = .getSerialNumber
        case .verify:
            try need(2)
            self = .verify(EFAAVerifyRequest(powerDownAfter: flag(0), timeoutSeconds: data[1]))
        case .enroll, .enrollSingle:
            try need(35)
            let request = EFAAEnrollRequest(
                admin: flag(0), name: EFAAName.decode(data[1..<33]), direction: EFAADirections(rawValue: data[33]),
                timeoutSeconds: data[34])
            self = id == .enroll ? .enroll(request) : .enrollSingle(request)
        case .enrollIntegrated:
            try need(37)
            self = .enrollIntegrated(
                EFAAIntegratedEnrollRequest(
                    admin: flag(0), name: EFAAName.decode(data[1..<33]), direction: EFAADirections(rawValue: data[33]),
                    type: data[34], allowDuplicate: flag(35), timeoutSeconds: data[36]))
        case .deleteUser, .getUserInfo:
            try need(2)
            let user = UInt16(data[0]) << 8 | UInt16(data[1])
            self = id == .deleteUser ? .deleteUser(user) : .getUserInfo(user)
        }
    }
}
