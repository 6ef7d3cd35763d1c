import HadirPull

/// Protocol facts the session model checks against (reference §1, §2, §5).
enum ZKSessionRules {
    /// Requests whose reply is a bare header: pyzk reads 16 bytes on TCP for them.
    static let plainReplies: Set<ZKCommand> = [
        .connect, .auth, .exit, .enableDevice, .disableDevice, .optionsWrite, .refreshData, .refreshOption, .cancelCapture,
        .startVerify, .testVoice, .freeData, .registerEvent, .setTime, .userWrite, .deleteUser, .deleteUserTemplate, .clearAttlog,
        .clearData, .restart, .powerOff, .unlock, .startEnroll, .prepareData, .data, .saveUsersAndTemplates,
    ]

    /// Whether `command` is a request that may raise `query`.
    static func query(_ query: ZKDeviceQuery, answers command: ZKCommand) -> Bool {
        switch query {
        case .inventory: command == .getFreeSizes
        case .attendanceBuffer, .users, .templatesBuffer: command == .prepareBuffer
        case .template: command == .getOneTemplate
        case .writeUser: command == .userWrite
        case .saveUserTemplates: command == .saveUsersAndTemplates
        case .deleteUser: command == .deleteUser
        case .deleteTemplate: command == .deleteUserTemplate
        case .clearAttendance: command == .clearAttlog || command == .clearData
        case .clearAllData: command == .clearData
        case .getTime: command == .getTime
        case .setTime: command == .setTime
        }
    }

    /// Queries that change the kiosk's data: never raised in read-only mode.
    static func isWrite(_ query: ZKDeviceQuery) -> Bool {
        switch query {
        case .writeUser, .saveUserTemplates, .deleteUser, .deleteTemplate, .clearAttendance, .clearAllData: true
        default: false
        }
    }

    /// Whether `answer` is the kind of answer `query` asks for (anything else must be refused).
    static func answer(_ answer: ZKDeviceAnswer, fits query: ZKDeviceQuery) -> Bool {
        switch (query, answer) {
        case (.inventory, .inventory), (.users, .users), (.attendanceBuffer, .buffer), (.templatesBuffer, .buffer),
            (.template, .template(_?)), (.getTime, .time):
            true
        case (.writeUser, .done(true)), (.saveUserTemplates, .done(true)), (.deleteUser, .done(true)), (.deleteTemplate, .done(true)),
            (.clearAttendance, .done(true)), (.clearAllData, .done(true)), (.setTime, .done(true)):
            true
        default: false
        }
    }

    /// A live attendance event: REG_EVENT with the event flag as session id and reply id 0.
    static func isLiveEvent(_ packet: ZKPacket) -> Bool {
        packet.command == .registerEvent && packet.sessionID == UInt16(ZKEventFlag.attendance) && packet.replyID == 0
            && packet.payload.count == ZKLiveEvent.size
    }

    static func uint32(_ bytes: [UInt8]) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[$1]) << (8 * UInt32($1)) }
    }
}
