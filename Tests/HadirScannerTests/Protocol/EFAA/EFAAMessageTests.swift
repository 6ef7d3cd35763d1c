import Testing

@testable import HadirScanner

/// Every module → host message kind round-trips, and each layout's shortfall is a typed error.
struct EFAAMessageTests {
    static let messages: [EFAAMessage] = [
        .reply(EFAAReply(command: .reset, result: .success)),
        .reply(EFAAReply(command: .getStatus, result: .success, payload: .status(.busy))),
        .reply(
            EFAAReply(
                command: .verify, result: .success, payload: .verified(EFAAUserInfo(userID: 7, name: "Dewi", admin: false), unlockStatus: 1)
            )),
        .reply(EFAAReply(command: .verify, result: .livenessFailed)),
        .reply(EFAAReply(command: .verify, result: .timeout)),
        .reply(EFAAReply(command: .enroll, result: .success, payload: .enrolled(userID: nil, directions: [.middle, .left]))),
        .reply(EFAAReply(command: .enrollSingle, result: .success, payload: .enrolled(userID: 3, directions: .middle))),
        .reply(EFAAReply(command: .enrollIntegrated, result: .success, payload: .enrolled(userID: 12, directions: .all))),
        .reply(EFAAReply(command: .enrollIntegrated, result: .faceAlreadyEnrolled, payload: .raw([0x00, 0x05, 0x1F]))),
        .reply(EFAAReply(command: .deleteUser, result: .unknownUser)),
        .reply(EFAAReply(command: .deleteAll, result: .success)),
        .reply(
            EFAAReply(command: .getUserInfo, result: .success, payload: .userInfo(EFAAUserInfo(userID: 0x0102, name: "Rudi", admin: true)))),
        .reply(EFAAReply(command: .getAllUserIDs, result: .success, payload: .userIDs([]))),
        .reply(EFAAReply(command: .getAllUserIDs, result: .success, payload: .userIDs([1, 2, 0x0300]))),
        .reply(EFAAReply(command: .getVersion, result: .success, payload: .text("FM225 v1.3.2"))),
        .reply(EFAAReply(command: .getSerialNumber, result: .success, payload: .text("HLK00012345"))),
        .reply(EFAAReply(command: 0x77, result: .success, payload: .raw([1, 2]))),
        .reply(EFAAReply(command: .verify, result: .other(0x42))),
        .note(.ready),
        .note(.faceState(EFAAFaceState(state: 0, left: -5, top: 10, right: 300, bottom: 420, yaw: -12, pitch: 3, roll: -32768))),
        .note(.unknownError),
        .note(.eyeState([1, 0])),
        .note(.other(id: 0x09, data: [0xAB])),
        .image([0xFF, 0xD8, 0xFF, 0xD9]),
    ]

    @Test(arguments: messages.indices)
    func roundTrips(index: Int) throws {
        let message = Self.messages[index]
        let bytes = try message.frame().encoded
        #expect(try EFAAMessage(frame: EFAAFrame.decode(bytes)) == message)
    }

    @Test func faceStateIsLittleEndian() throws {
        // state 1, left -5, top 258, then zeros: little-endian int16s.
        let data: [UInt8] = [0x01, 0x01, 0x00, 0xFB, 0xFF, 0x02, 0x01] + Array(repeating: 0, count: 10)
        let frame = try EFAAFrame(messageID: EFAAMessage.noteID, data: data)
        guard case .note(.faceState(let state)) = try EFAAMessage(frame: frame) else {
            Issue.record("not a FACE_STATE note")
            return
        }
        #expect(state.state == 1)
        #expect(state.left == -5)
        #expect(state.top == 258)
        #expect(state.roll == 0)
    }

    @Test func failedRepliesKeepTheirTrailingBytesRaw() throws {
        let reply = try EFAAReply(data: [0x12, 0x0D, 0xAA])
        #expect(reply.result == .timeout)
        #expect(reply.payload == .raw([0xAA]))
    }

    @Test(arguments: [
        ([UInt8]([0x12]), EFAAFrameError.badLength(what: "REPLY", expected: 2, received: 1)),
        ([0x12, 0x00, 0x00, 0x07], .badLength(what: "verify reply", expected: 38, received: 4)),
        ([0x26, 0x00, 0xFF], .badLength(what: "enrollIntegrated reply", expected: 5, received: 3)),
        ([0x22, 0x00, 0x00, 0x01], .badLength(what: "getUserInfo reply", expected: 37, received: 4)),
        ([0x24, 0x00, 0x02, 0x00, 0x01], .badLength(what: "getAllUserIDs reply", expected: 7, received: 5)),
        ([0x11, 0x00], .badLength(what: "getStatus reply", expected: 3, received: 2)),
    ])
    func shortRepliesAreTypedErrors(data: [UInt8], error: EFAAFrameError) {
        #expect(throws: error) { try EFAAReply(data: data) }
    }

    @Test func malformedModuleFramesAreTypedErrors() throws {
        #expect(throws: EFAAFrameError.unknownMessageID(0x05)) { try EFAAMessage(frame: EFAAFrame(messageID: 0x05)) }
        #expect(throws: EFAAFrameError.badLength(what: "NOTE", expected: 1, received: 0)) {
            try EFAAMessage(frame: EFAAFrame(messageID: EFAAMessage.noteID))
        }
        #expect(throws: EFAAFrameError.badLength(what: "FACE_STATE note", expected: 17, received: 5)) {
            try EFAAMessage(frame: EFAAFrame(messageID: EFAAMessage.noteID, data: [0x01, 0, 0, 0, 0]))
        }
    }

    @Test func malformedHostFramesAreTypedErrors() throws {
        #expect(throws: EFAAFrameError.unknownCommand(0x99)) { try EFAACommand(frame: EFAAFrame(messageID: 0x99)) }
        #expect(throws: EFAAFrameError.badLength(what: "verify command", expected: 2, received: 1)) {
            try EFAACommand(frame: EFAAFrame(messageID: 0x12, data: [0]))
        }
        #expect(throws: EFAAFrameError.badLength(what: "enrollIntegrated command", expected: 37, received: 35)) {
            try EFAACommand(frame: EFAAFrame(messageID: 0x26, data: Array(repeating: 0, count: 35)))
        }
    }
}
