import HadirPull
import Testing

/// Requests that change data: USER_WRQ, DELETE_*, template reads and uploads, RESTART, and the
/// read-only mode that refuses them.
struct ZKSessionWriteTests {
    private typealias Fixture = PullSessionFixture

    static let user = ZKUser(uid: 7, privilege: 0, password: "4321", name: "Siti Rahma", card: 123_456, group: 1, userID: "19007")

    /// Every request read-only mode refuses, with a payload that would otherwise be accepted.
    static let writes: [(ZKCommand, [UInt8])] = [
        (.userWrite, PullSessionFixture.userBytes72(user)),
        (.userWrite, PullSessionFixture.userBytes28(user)),
        (.deleteUser, PullSessionFixture.int16(7)),
        (.deleteUserTemplate, PullSessionFixture.int16(7) + [0]),
        (.clearAttlog, []),
        (.clearData, []),
        (.clearData, [1]),
        (.restart, []),
        (.saveUsersAndTemplates, []),
    ]

    // MARK: Read-only

    @Test(arguments: writes)
    func readOnlyRefusesWritesWithoutAskingTheKiosk(command: ZKCommand, payload: [UInt8]) {
        var session = Fixture.established(readOnly: true)
        let request = Fixture.request(command, replyID: 31, payload: payload)
        let output = session.received(request)
        Fixture.expectReply(output, .ackError, to: request)
        #expect(output.notices == [.refusedReadOnly(command)])
        #expect(output.query == nil)
        #expect(!output.restart)
        #expect(!output.close)
        #expect(!session.isAwaitingDevice)
        #expect(session.isEstablished)
    }

    @Test func readOnlyStillServesReads() {
        var session = Fixture.established(readOnly: true)
        Fixture.expectQuery(session.received(Fixture.request(.getFreeSizes)), .inventory)
        _ = session.deviceAnswered(.inventory(Fixture.inventory(users: Fixture.users(1), records: 0)))
        let prepare = Fixture.request(.prepareBuffer, payload: Fixture.usersBufferRequest)
        Fixture.expectReply(session.received(prepare), .ackOK, to: prepare, payload: Fixture.bufferAnnouncement(total: 76))
        Fixture.expectQuery(session.received(Fixture.request(.getTime)), .getTime)
        _ = session.deviceAnswered(.time(ZKDateTime(year: 2024, month: 1, day: 1, hour: 0, minute: 0, second: 0)))
        for command in [ZKCommand.disableDevice, .enableDevice, .refreshData, .optionsWrite, .cancelCapture, .startVerify, .freeData] {
            let request = Fixture.request(command, payload: command == .optionsWrite ? Array("SDKBuild=1".utf8) : [])
            Fixture.expectReply(session.received(request), .ackOK, to: request)
        }
    }

    @Test func readOnlyNeverRestarts() {
        var session = Fixture.established(readOnly: true)
        let output = session.received(Fixture.request(.restart))
        #expect(!output.restart)
        #expect(output.packets.map(\.command) == [.ackError])
    }

    // MARK: USER_WRQ

    @Test func userWriteWithA72ByteUserAsksToWriteTheDecodedUser() {
        var session = Fixture.established()
        let request = Fixture.request(.userWrite, replyID: 32, payload: Fixture.userBytes72(Self.user))
        Fixture.expectQuery(session.received(request), .writeUser(Self.user))
        Fixture.expectReply(session.deviceAnswered(.done(true)), .ackOK, to: request)
    }

    @Test func userWriteWithA28ByteUserAsksToWriteTheDecodedUser() {
        var session = Fixture.established(transport: .udp)
        let user = ZKUser(uid: 1, privilege: 0, password: "12345", name: "Budi", card: 0, group: 1, userID: "19001")
        let request = Fixture.request(.userWrite, replyID: 33, payload: Fixture.userBytes28(user))
        Fixture.expectQuery(session.received(request), .writeUser(user))
        Fixture.expectReply(session.deviceAnswered(.done(false)), .ackError, to: request)
    }

    @Test func userWriteOfAnAdminKeepsThePrivilege() {
        var session = Fixture.established()
        let admin = ZKUser(uid: 2, privilege: 14, password: "", name: "Admin", card: 0, group: 1, userID: "1")
        Fixture.expectQuery(
            session.received(Fixture.request(.userWrite, payload: Fixture.userBytes72(admin))), .writeUser(admin))
    }

    @Test(arguments: [0, 1, 27, 29, 40, 71, 73, 100, 144])
    func userWriteOfAnyOtherLengthIsMalformed(length: Int) {
        var session = Fixture.established()
        let request = Fixture.request(.userWrite, replyID: 34, payload: [UInt8](repeating: 0x31, count: length))
        let output = session.received(request)
        Fixture.expectReply(output, .ackError, to: request)
        #expect(Fixture.isMalformed(output.notices, .userWrite))
        #expect(!session.isAwaitingDevice)
    }

    // MARK: DELETE_USER / DELETE_USERTEMP / 88

    @Test(arguments: [Int16(1), 2, 255, 256, 1_000, 32_767])
    func deleteUserReadsPyzksSignedInt16Uid(uid: Int16) {
        var session = Fixture.established()
        let request = Fixture.request(.deleteUser, replyID: 35, payload: Fixture.int16(uid))
        Fixture.expectQuery(session.received(request), .deleteUser(uid: UInt16(uid)))
        Fixture.expectReply(session.deviceAnswered(.done(true)), .ackOK, to: request)
    }

    @Test func deleteUserOfANegativeInt16IsTheSameBitPattern() {
        var session = Fixture.established()
        Fixture.expectQuery(session.received(Fixture.request(.deleteUser, payload: Fixture.int16(-1))), .deleteUser(uid: 0xFFFF))
    }

    @Test func deleteUserIgnoresTrailingBytes() {
        var session = Fixture.established()
        Fixture.expectQuery(session.received(Fixture.request(.deleteUser, payload: [5, 1, 0, 0])), .deleteUser(uid: 261))
    }

    @Test func deleteUserWithoutAUidIsMalformed() {
        for payload in [[], [5]] as [[UInt8]] {
            var session = Fixture.established()
            let request = Fixture.request(.deleteUser, payload: payload)
            let output = session.received(request)
            Fixture.expectReply(output, .ackError, to: request)
            #expect(Fixture.isMalformed(output.notices, .deleteUser))
        }
    }

    @Test func deleteUserTemplateReadsUidAndFinger() {
        for (uid, finger) in [(Int16(1), UInt8(0)), (300, 9), (32_767, 5)] {
            var session = Fixture.established()
            let request = Fixture.request(.deleteUserTemplate, replyID: 36, payload: Fixture.int16(uid) + [finger])
            Fixture.expectQuery(session.received(request), .deleteTemplate(uid: UInt16(uid), finger: finger))
            Fixture.expectReply(session.deviceAnswered(.done(false)), .ackError, to: request)
        }
    }

    @Test func deleteUserTemplateWithoutAFingerIsMalformed() {
        for payload in [[], [1], [1, 0]] as [[UInt8]] {
            var session = Fixture.established()
            let request = Fixture.request(.deleteUserTemplate, payload: payload)
            let output = session.received(request)
            Fixture.expectReply(output, .ackError, to: request)
            #expect(Fixture.isMalformed(output.notices, .deleteUserTemplate))
        }
    }

    @Test func readingOneTemplateIsDataWithTheTemplateAndOneExtraByte() {
        let template = (0..<512).map { UInt8(truncatingIfNeeded: $0 * 3) }
        var session = Fixture.established()
        let request = Fixture.request(.getOneTemplate, replyID: 37, payload: Fixture.int16(12) + [3])
        Fixture.expectQuery(session.received(request), .template(uid: 12, finger: 3))
        let output = session.deviceAnswered(.template(template))
        Fixture.expectReply(output, .data, to: request, payload: nil)
        #expect(output.packets.first?.payload.count == template.count + 1)
        #expect(output.packets.first?.payload.dropLast() == template[...])
    }

    @Test func readingAFullSizeTemplateOverUDPFitsPyzksDatagramReads() {
        // pyzk reads 1024 + 8 bytes per UDP datagram and silently drops the rest; its
        // __recieve_chunk also accepts PREPARE_DATA, DATA datagrams of <= 1024 bytes, ACK_OK.
        // The scanner's templates are 512–1536 bytes.
        let template = (0..<1_536).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var session = Fixture.established(transport: .udp)
        let request = Fixture.request(.getOneTemplate, replyID: 37, payload: Fixture.int16(12) + [0])
        _ = session.received(request)
        let output = session.deviceAnswered(.template(template))
        #expect(output.packets.allSatisfy { $0.replyID == 37 })
        let data = output.packets.filter { $0.command == .data }.flatMap(\.payload)
        #expect(Array(data.dropLast()) == template, "the template still arrives whole, in whatever packets")
        #expect(output.packets.allSatisfy { $0.payload.count <= 1_024 })
    }

    @Test func readingATemplateOverTCPIsOneDataPacketWhateverItsSize() {
        let template = [UInt8](repeating: 0x42, count: 1_536)
        var session = Fixture.established(transport: .tcp)
        let request = Fixture.request(.getOneTemplate, replyID: 38, payload: Fixture.int16(12) + [0])
        _ = session.received(request)
        Fixture.expectReply(session.deviceAnswered(.template(template)), .data, to: request, payload: template + [0])
    }

    @Test func readingAMissingTemplateIsAckError() {
        var session = Fixture.established(readOnly: true)
        let request = Fixture.request(.getOneTemplate, replyID: 38, payload: Fixture.int16(12) + [0])
        Fixture.expectQuery(session.received(request), .template(uid: 12, finger: 0))
        Fixture.expectReply(session.deviceAnswered(.template(nil)), .ackError, to: request)
    }

    @Test func readingOneTemplateWithoutAFingerIsMalformed() {
        var session = Fixture.established()
        let request = Fixture.request(.getOneTemplate, payload: [1, 0])
        let output = session.received(request)
        Fixture.expectReply(output, .ackError, to: request)
        #expect(Fixture.isMalformed(output.notices, .getOneTemplate))
    }

    // MARK: RESTART

    @Test func restartIsAckOKThenRestart() {
        var session = Fixture.established()
        let request = Fixture.request(.restart, replyID: 39)
        let output = session.received(request)
        #expect(output.packets == [ZKPacket(command: .ackOK, sessionID: Fixture.sessionID, replyID: 39)])
        #expect(output.restart)
        #expect(!output.close)
        #expect(output.query == nil)
    }

    // MARK: User and template upload (PREPARE_DATA, DATA, 110)

    static func upload(user: ZKUser, templates: [(finger: UInt8, bytes: [UInt8])]) -> [UInt8] {
        let userBytes = [2] + PullSessionFixture.userBytes72(user)
        var table: [UInt8] = []
        var blob: [UInt8] = []
        for template in templates {
            table += [2] + PullSessionFixture.le16(user.uid) + [0x10 + template.finger] + PullSessionFixture.le32(UInt32(blob.count))
            blob += PullSessionFixture.le16(UInt16(template.bytes.count)) + template.bytes
        }
        return PullSessionFixture.le32(UInt32(userBytes.count)) + PullSessionFixture.le32(UInt32(table.count))
            + PullSessionFixture.le32(UInt32(blob.count)) + userBytes + table + blob
    }

    @Test func anUploadInDataPacketsThen110AsksToSaveTheUserAndTemplates() {
        let templates: [(finger: UInt8, bytes: [UInt8])] = [(0, [UInt8](repeating: 0x11, count: 700)), (6, [1, 2, 3])]
        let bytes = Self.upload(user: Self.user, templates: templates)
        var session = Fixture.established()
        let prepare = Fixture.request(.prepareData, replyID: 40, payload: Fixture.le32(UInt32(bytes.count)))
        Fixture.expectReply(session.received(prepare), .ackOK, to: prepare)
        var offset = 0
        var replyID: UInt16 = 41
        while offset < bytes.count {
            let next = min(bytes.count, offset + 500)
            let data = Fixture.request(.data, replyID: replyID, payload: Array(bytes[offset..<next]))
            Fixture.expectReply(session.received(data), .ackOK, to: data)
            offset = next
            replyID += 1
        }
        let save = Fixture.request(.saveUsersAndTemplates, replyID: replyID)
        let expected = ZKUserTemplateUpload(
            user: Self.user,
            templates: templates.map { ZKTemplateEntry(uid: Self.user.uid, finger: $0.finger, template: $0.bytes) })
        Fixture.expectQuery(session.received(save), .saveUserTemplates(expected))
        Fixture.expectReply(session.deviceAnswered(.done(true)), .ackOK, to: save)
        // The upload is consumed: a second 110 has nothing to save.
        let again = Fixture.request(.saveUsersAndTemplates, replyID: replyID + 1)
        Fixture.expectReply(session.received(again), .ackError, to: again)
    }

    @Test func saveWithoutACompleteUploadIsMalformed() {
        let bytes = Self.upload(user: Self.user, templates: [(0, [9, 9, 9])])
        var session = Fixture.established()
        let none = Fixture.request(.saveUsersAndTemplates, replyID: 1)
        let output = session.received(none)
        Fixture.expectReply(output, .ackError, to: none)
        #expect(Fixture.isMalformed(output.notices, .saveUsersAndTemplates))

        _ = session.received(Fixture.request(.prepareData, payload: Fixture.le32(UInt32(bytes.count))))
        _ = session.received(Fixture.request(.data, payload: Array(bytes.dropLast())))
        let partial = Fixture.request(.saveUsersAndTemplates, replyID: 2)
        Fixture.expectReply(session.received(partial), .ackError, to: partial)
    }

    @Test func dataBeyondTheAnnouncedUploadIsRefused() {
        var session = Fixture.established()
        _ = session.received(Fixture.request(.prepareData, payload: Fixture.le32(10)))
        let data = Fixture.request(.data, replyID: 3, payload: [UInt8](repeating: 1, count: 11))
        let output = session.received(data)
        Fixture.expectReply(output, .ackError, to: data)
        #expect(Fixture.isMalformed(output.notices, .data))
        // The upload is abandoned: even a fitting DATA is now refused.
        let more = Fixture.request(.data, replyID: 4, payload: [1])
        Fixture.expectReply(session.received(more), .ackError, to: more)
    }

    @Test func dataWithoutPrepareDataIsRefused() {
        var session = Fixture.established()
        let data = Fixture.request(.data, replyID: 5, payload: [1, 2, 3])
        Fixture.expectReply(session.received(data), .ackError, to: data)
    }

    @Test(arguments: [[], [0, 0, 0, 0], [1, 0], PullSessionFixture.le32(256 * 1_024 + 1), [0xFF, 0xFF, 0xFF, 0xFF]] as [[UInt8]])
    func prepareDataOfAnImpossibleSizeIsRefused(payload: [UInt8]) {
        var session = Fixture.established()
        let prepare = Fixture.request(.prepareData, replyID: 6, payload: payload)
        let output = session.received(prepare)
        Fixture.expectReply(output, .ackError, to: prepare)
        #expect(Fixture.isMalformed(output.notices, .prepareData))
    }

    @Test func freeDataAbandonsAnUpload() {
        let bytes = Self.upload(user: Self.user, templates: [])
        var session = Fixture.established()
        _ = session.received(Fixture.request(.prepareData, payload: Fixture.le32(UInt32(bytes.count))))
        _ = session.received(Fixture.request(.data, payload: bytes))
        _ = session.received(Fixture.request(.freeData))
        let save = Fixture.request(.saveUsersAndTemplates, replyID: 9)
        Fixture.expectReply(session.received(save), .ackError, to: save)
    }

    @Test func aCorruptUploadIsMalformed() {
        var bytes = Self.upload(user: Self.user, templates: [(0, [1, 2, 3])])
        bytes[0] = 50  // the user length no longer fits
        var session = Fixture.established()
        _ = session.received(Fixture.request(.prepareData, payload: Fixture.le32(UInt32(bytes.count))))
        _ = session.received(Fixture.request(.data, payload: bytes))
        let save = Fixture.request(.saveUsersAndTemplates, replyID: 9)
        let output = session.received(save)
        Fixture.expectReply(output, .ackError, to: save)
        #expect(Fixture.isMalformed(output.notices, .saveUsersAndTemplates))
    }
}
