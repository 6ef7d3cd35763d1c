import HadirPull
import HadirStore
import Testing

/// GET_FREE_SIZES, PREPARE_BUFFER, READ_BUFFER and FREE_DATA (reference §4–5), and the download
/// watermark CLEAR_ATTLOG relies on.
struct ZKSessionBulkReadTests {
    private typealias Fixture = PullSessionFixture

    // MARK: GET_FREE_SIZES

    @Test func getFreeSizesAsksTheKioskForTheInventory() {
        var session = Fixture.established()
        let output = session.received(Fixture.request(.getFreeSizes, replyID: 5))
        Fixture.expectQuery(output, .inventory)
        #expect(session.isAwaitingDevice)
    }

    @Test func theInventoryAnswerIsAckOKWith92BytesWhoseCountsMatch() throws {
        var session = Fixture.established()
        let request = Fixture.request(.getFreeSizes, replyID: 5)
        _ = session.received(request)
        let users = Fixture.users(12)  // uids 1, 6, 11 are admins (privilege 14)
        let inventory = ZKInventory(
            users: users, fingers: 9, attendance: PullAttendanceBounds(afterSeq: 100, throughSeq: 4_321, count: 4_000), faces: 2,
            userCapacity: 3_000, fingerCapacity: 2_000, recordCapacity: 100_000, faceCapacity: 50)
        let output = session.deviceAnswered(.inventory(inventory))
        Fixture.expectReply(output, .ackOK, to: request, payload: nil)
        let payload = try #require(output.packets.first?.payload)
        #expect(payload.count == ZKFreeSizes.size)
        let sizes = try ZKFreeSizes.decode(payload)
        #expect(sizes.users == 12)
        #expect(sizes.fingers == 9)
        #expect(sizes.records == 4_000)
        #expect(sizes.admins == 3)
        #expect(sizes.faces == 2)
        #expect(sizes.userCapacity == 3_000)
        #expect(sizes.fingerCapacity == 2_000)
        #expect(sizes.recordCapacity == 100_000)
        #expect(sizes.faceCapacity == 50)
        #expect(sizes.remainingUsers == 2_988)
        #expect(sizes.remainingFingers == 1_991)
        #expect(sizes.remainingRecords == 96_000)
        // pyzk reads the users at int32 index 4 and the records at index 8.
        #expect(Fixture.uint32(payload, at: 16) == 12)
        #expect(Fixture.uint32(payload, at: 32) == 4_000)
        #expect(!session.isAwaitingDevice)
    }

    @Test func anEmptyInventoryReportsZeroUsersAndRecords() throws {
        var session = Fixture.established()
        _ = session.received(Fixture.request(.getFreeSizes))
        let output = session.deviceAnswered(.inventory(Fixture.inventory(users: [], records: 0)))
        let sizes = try ZKFreeSizes.decode(try #require(output.packets.first?.payload))
        #expect(sizes.users == 0)
        #expect(sizes.records == 0)
    }

    // MARK: PREPARE_BUFFER

    @Test(arguments: [ZKTransportKind.tcp, .udp])
    func usersAreServedFromTheInventoryWithoutAQuery(transport: ZKTransportKind) throws {
        let users = Fixture.users(40)
        var session = Fixture.withInventory(Fixture.inventory(users: users, records: 5), transport: transport)
        let prepare = Fixture.request(.prepareBuffer, replyID: 8, payload: Fixture.usersBufferRequest)
        let output = session.received(prepare)
        let total = 4 + 72 * users.count
        Fixture.expectReply(output, .ackOK, to: prepare, payload: Fixture.bufferAnnouncement(total: total))
        #expect(!session.isAwaitingDevice)

        let chunk = transport == .tcp ? Fixture.tcpChunk : Fixture.udpChunk
        let buffer = Fixture.readWholeBuffer(&session, total: total, chunk: chunk)
        #expect(buffer.count == total)
        #expect(Fixture.uint32(buffer, at: 0) == UInt32(72 * users.count))
        let decoded = try stride(from: 4, to: buffer.count, by: 72).map { try ZKUser.decode(Array(buffer[$0..<($0 + 72)])) }
        #expect(decoded == users)
        // pyzk picks the 72-byte format because N / users is exactly 72.
        #expect(Int(Fixture.uint32(buffer, at: 0)) / users.count == 72)
    }

    @Test func usersWithoutAnInventoryAreAskedForAndServedAsAnswered() throws {
        var session = Fixture.established()
        let prepare = Fixture.request(.prepareBuffer, replyID: 8, payload: Fixture.usersBufferRequest)
        Fixture.expectQuery(session.received(prepare), .users)
        let users = Fixture.users(3)
        let output = session.deviceAnswered(.users(users))
        Fixture.expectReply(output, .ackOK, to: prepare, payload: Fixture.bufferAnnouncement(total: 4 + 216))
        let buffer = Fixture.readWholeBuffer(&session, total: 220, chunk: Fixture.tcpChunk)
        let decoded = try stride(from: 4, to: buffer.count, by: 72).map { try ZKUser.decode(Array(buffer[$0..<($0 + 72)])) }
        #expect(decoded == users)
    }

    @Test func noUsersGiveAnEmptyBufferAnnouncedAsFourBytes() {
        var session = Fixture.withInventory(Fixture.inventory(users: [], records: 0))
        let prepare = Fixture.request(.prepareBuffer, payload: Fixture.usersBufferRequest)
        Fixture.expectReply(session.received(prepare), .ackOK, to: prepare, payload: Fixture.bufferAnnouncement(total: 4))
        let read = Fixture.request(.readBuffer, replyID: 9, payload: Fixture.readBuffer(start: 0, size: 4))
        #expect(session.received(read).packets.map(\.command) == [.prepareData, .data, .ackOK])
    }

    @Test func attendanceIsAskedForWithTheInventoryBounds() {
        var session = Fixture.withInventory(Fixture.inventory(users: Fixture.users(2), records: 250, afterSeq: 1_000))
        let prepare = Fixture.request(.prepareBuffer, payload: Fixture.attendanceBufferRequest)
        Fixture.expectQuery(
            session.received(prepare), .attendanceBuffer(PullAttendanceBounds(afterSeq: 1_000, throughSeq: 1_250, count: 250)))
    }

    @Test func attendanceWithoutAnInventoryIsAskedForUnbounded() {
        var session = Fixture.established()
        Fixture.expectQuery(
            session.received(Fixture.request(.prepareBuffer, payload: Fixture.attendanceBufferRequest)), .attendanceBuffer(nil))
    }

    @Test(arguments: [UInt32(0), 1, 5, 0xFFFF_FFFF])
    func attendanceIsAcceptedWithAnyFCT(fct: UInt32) {
        var session = Fixture.established()
        let payload = ZKBufferRequest(subcommand: 13, fct: fct).encoded()
        Fixture.expectQuery(session.received(Fixture.request(.prepareBuffer, payload: payload)), .attendanceBuffer(nil))
    }

    @Test func templatesAreAskedForAndServedAsAnswered() throws {
        var session = Fixture.established()
        let prepare = Fixture.request(.prepareBuffer, replyID: 30, payload: Fixture.templatesBufferRequest)
        Fixture.expectQuery(session.received(prepare), .templatesBuffer)
        let entries = [
            ZKTemplateEntry(uid: 1, finger: 0, template: [UInt8](repeating: 0xA5, count: 600)),
            ZKTemplateEntry(uid: 2, finger: 0, valid: 3, template: [1, 2, 3]),
        ]
        let buffer = ZKBulkBuffer.make(recordBytes: 0) { bytes in for entry in entries { entry.encode(into: &bytes) } }
        Fixture.expectReply(
            session.deviceAnswered(.buffer(buffer, attendanceThroughSeq: nil)), .ackOK, to: prepare,
            payload: Fixture.bufferAnnouncement(total: buffer.count))
        let read = Fixture.readWholeBuffer(&session, total: buffer.count, chunk: Fixture.tcpChunk)
        #expect(try ZKTemplateEntry.decodeAll(Array(read.dropFirst(4))) == entries)
    }

    @Test(arguments: [
        ZKBufferRequest(subcommand: 34, fct: 4),  // OPLOG
        ZKBufferRequest(subcommand: 7, fct: 5),  // DB_RRQ of users
        ZKBufferRequest(subcommand: 7, fct: 1),
        ZKBufferRequest(subcommand: 0, fct: 0),
        ZKBufferRequest(subcommand: 0xFFFF, fct: 2),
    ])
    func unsupportedBuffersAreRefused(request bufferRequest: ZKBufferRequest) {
        var session = Fixture.established()
        let prepare = Fixture.request(.prepareBuffer, payload: bufferRequest.encoded())
        let output = session.received(prepare)
        Fixture.expectReply(output, .ackError, to: prepare)
        #expect(output.notices == [.unsupportedBuffer(subcommand: bufferRequest.subcommand, fct: bufferRequest.fct)])
        #expect(!session.isAwaitingDevice)
    }

    @Test func aTruncatedPrepareBufferIsMalformed() {
        for length in 0..<ZKBufferRequest.minimumLength {
            var session = Fixture.established()
            let prepare = Fixture.request(.prepareBuffer, payload: Array(Fixture.attendanceBufferRequest.prefix(length)))
            let output = session.received(prepare)
            Fixture.expectReply(output, .ackError, to: prepare)
            #expect(Fixture.isMalformed(output.notices, .prepareBuffer))
        }
    }

    @Test(arguments: [0, 1, 4, 1_016, 1_017, 65_472, 65_473, 4_000_004])
    func thePrepareBufferReplyIsZeroTotalTotalAndFourZeros(total: Int) {
        var session = Fixture.established()
        let prepare = Fixture.request(.prepareBuffer, replyID: 77, payload: Fixture.attendanceBufferRequest)
        _ = session.received(prepare)
        let output = session.deviceAnswered(.buffer([UInt8](repeating: 7, count: total), attendanceThroughSeq: 1))
        Fixture.expectReply(output, .ackOK, to: prepare, payload: nil)
        let payload = output.packets.first?.payload ?? []
        #expect(payload.count == 13)
        #expect(payload == Fixture.bufferAnnouncement(total: total))
        // pyzk reads the size at [1:5].
        #expect(payload.count == 13 && Fixture.uint32(payload, at: 1) == UInt32(total))
    }

    // MARK: READ_BUFFER

    @Test func readBufferOverTCPIsOnePrepareDataOneDataAndAnAckOK() {
        let buffer = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var session = Fixture.withBuffer(buffer)
        for (start, size) in [(0, 65_472), (65_472, 65_472), (130_944, 69_056), (1, 1), (199_999, 1), (0, 200_000)] {
            let read = Fixture.request(.readBuffer, replyID: 41, payload: Fixture.readBuffer(start: Int32(start), size: Int32(size)))
            let output = session.received(read)
            #expect(output.packets.count == 3)
            #expect(output.packets.map(\.command) == [.prepareData, .data, .ackOK])
            #expect(output.packets.allSatisfy { $0.replyID == 41 && $0.sessionID == Fixture.sessionID })
            #expect(output.packets[0].payload == Fixture.le32(UInt32(size)) + [0, 0, 0, 0])
            #expect(output.packets[1].payload.count == size)
            #expect(output.packets[1].payload == Array(buffer[start..<(start + size)]))
            #expect(output.packets[2].payload.isEmpty)
            #expect(output.query == nil)
            #expect(!output.close)
        }
    }

    @Test func readBufferOverUDPSendsDataDatagramsOfAtMost1024Bytes() {
        let buffer = (0..<40_000).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 5) }
        var session = Fixture.withBuffer(buffer, transport: .udp)
        for (start, size) in [(0, 16_384), (16_384, 16_384), (32_768, 7_232), (5, 1_024), (7, 1_025), (9, 1), (0, 3_000)] {
            let read = Fixture.request(.readBuffer, replyID: 42, payload: Fixture.readBuffer(start: Int32(start), size: Int32(size)))
            let output = session.received(read)
            #expect(output.packets.first?.command == .prepareData)
            #expect(output.packets.first?.payload == Fixture.le32(UInt32(size)) + [0, 0, 0, 0])
            #expect(output.packets.last == ZKPacket(command: .ackOK, sessionID: Fixture.sessionID, replyID: 42))
            let data = output.packets.dropFirst().dropLast()
            #expect(data.allSatisfy { $0.command == .data && $0.replyID == 42 && !$0.payload.isEmpty && $0.payload.count <= 1_024 })
            #expect(data.count == (size + 1_023) / 1_024)
            #expect(data.flatMap(\.payload) == Array(buffer[start..<(start + size)]))
        }
    }

    @Test func aUDPChunkOf16KiBIsSixteenFullDatagrams() {
        var session = Fixture.withBuffer([UInt8](repeating: 1, count: 16_384), transport: .udp)
        let output = session.received(Fixture.request(.readBuffer, payload: Fixture.readBuffer(start: 0, size: 16_384)))
        #expect(output.packets.count == 18)
        #expect(output.packets.dropFirst().dropLast().map(\.payload.count) == [Int](repeating: 1_024, count: 16))
    }

    @Test(
        arguments: [
            (Int32(-1), Int32(10)), (0, -1), (0, 0), (5, 0), (0, 1_001), (1_000, 1), (990, 11), (Int32.max, 1), (1, Int32.max),
            (Int32.min, 10), (Int32.min, Int32.max), (-10, 20),
        ] as [(Int32, Int32)])
    func readBufferOutOfRangeIsAckError(start: Int32, size: Int32) {
        var session = Fixture.withBuffer([UInt8](repeating: 3, count: 1_000))
        let read = Fixture.request(.readBuffer, replyID: 43, payload: Fixture.readBuffer(start: start, size: size))
        let output = session.received(read)
        Fixture.expectReply(output, .ackError, to: read)
        #expect(output.notices == [.bufferRequestOutOfRange(start: start, size: size, bufferSize: 1_000)])
        // The buffer is still there.
        let good = Fixture.request(.readBuffer, replyID: 44, payload: Fixture.readBuffer(start: 0, size: 1_000))
        #expect(session.received(good).packets.count == 3)
    }

    @Test func aTruncatedReadBufferIsMalformed() {
        var session = Fixture.withBuffer([UInt8](repeating: 3, count: 100))
        for length in 0..<8 {
            let read = Fixture.request(.readBuffer, payload: Array(Fixture.readBuffer(start: 0, size: 10).prefix(length)))
            let output = session.received(read)
            Fixture.expectReply(output, .ackError, to: read)
            #expect(Fixture.isMalformed(output.notices, .readBuffer))
        }
    }

    @Test func readBufferWithoutABufferIsAckError() {
        var session = Fixture.established()
        let read = Fixture.request(.readBuffer, replyID: 45, payload: Fixture.readBuffer(start: 0, size: 10))
        let output = session.received(read)
        Fixture.expectReply(output, .ackError, to: read)
        #expect(output.notices == [.bufferRequestOutOfRange(start: 0, size: 10, bufferSize: 0)])
    }

    @Test func readBufferWhileAPrepareIsPendingIsRefused() {
        var session = Fixture.established()
        _ = session.received(Fixture.request(.prepareBuffer, replyID: 1, payload: Fixture.attendanceBufferRequest))
        let read = Fixture.request(.readBuffer, replyID: 2, payload: Fixture.readBuffer(start: 0, size: 4))
        Fixture.expectReply(session.received(read), .ackErrorCommand, to: read)
        #expect(session.isAwaitingDevice)
    }

    // MARK: FREE_DATA

    @Test func freeDataDropsTheBuffer() {
        var session = Fixture.withBuffer([UInt8](repeating: 3, count: 100))
        let free = Fixture.request(.freeData, replyID: 50)
        Fixture.expectReply(session.received(free), .ackOK, to: free)
        let read = Fixture.request(.readBuffer, replyID: 51, payload: Fixture.readBuffer(start: 0, size: 10))
        let output = session.received(read)
        Fixture.expectReply(output, .ackError, to: read)
        #expect(output.notices == [.bufferRequestOutOfRange(start: 0, size: 10, bufferSize: 0)])
    }

    @Test func freeDataWithNoBufferIsStillAckOK() {
        var session = Fixture.established()
        for replyID in UInt16(60)..<63 {
            let free = Fixture.request(.freeData, replyID: replyID)
            Fixture.expectReply(session.received(free), .ackOK, to: free)
        }
    }

    @Test func freeDataKeepsTheInventoryForTheNextUsersRead() {
        let users = Fixture.users(2)
        var session = Fixture.withInventory(Fixture.inventory(users: users, records: 0))
        _ = session.received(Fixture.request(.prepareBuffer, payload: Fixture.usersBufferRequest))
        _ = session.received(Fixture.request(.freeData))
        let again = Fixture.request(.prepareBuffer, payload: Fixture.usersBufferRequest)
        Fixture.expectReply(session.received(again), .ackOK, to: again, payload: Fixture.bufferAnnouncement(total: 4 + 144))
    }

    // MARK: Large downloads

    @Test func aHundredThousandRecordsReassembleByteIdenticalOverTCP() throws {
        let records = Fixture.records(100_000)
        let buffer = Fixture.attendanceBuffer(records)
        #expect(buffer.count == 4_000_004)
        var session = Fixture.withInventory(Fixture.inventory(users: Fixture.users(300), records: records.count, afterSeq: 0))
        let prepare = Fixture.request(.prepareBuffer, replyID: 20, payload: Fixture.attendanceBufferRequest)
        Fixture.expectQuery(
            session.received(prepare), .attendanceBuffer(PullAttendanceBounds(afterSeq: 0, throughSeq: 100_000, count: 100_000)))
        Fixture.expectReply(
            session.deviceAnswered(.buffer(buffer, attendanceThroughSeq: 100_000)), .ackOK, to: prepare,
            payload: Fixture.bufferAnnouncement(total: buffer.count))

        // pyzk: size // 65472 full chunks (61), then the remainder (5,212 bytes).
        var reassembled: [UInt8] = []
        var start = 0
        var replyID: UInt16 = 21
        var chunks = 0
        while start < buffer.count {
            #expect(session.downloadedThroughSeq == nil, "watermark set before the final chunk")
            let size = min(Fixture.tcpChunk, buffer.count - start)
            let read = Fixture.request(.readBuffer, replyID: replyID, payload: Fixture.readBuffer(start: Int32(start), size: Int32(size)))
            let output = session.received(read)
            try #require(output.packets.count == 3)
            #expect(output.packets[1].payload.count == size)
            reassembled.append(contentsOf: output.packets[1].payload)
            start += size
            replyID += 1
            chunks += 1
        }
        #expect(chunks == 62)
        #expect(reassembled == buffer)
        #expect(session.downloadedThroughSeq == 100_000)
        // Spot-check that the records parse back as pyzk would read them.
        for index in [0, 1, 49_999, 99_999] {
            let offset = 4 + index * 40
            #expect(try ZKAttendanceRecord.decode(reassembled[offset..<(offset + 40)]) == records[index])
        }
    }

    @Test func tenThousandRecordsReassembleByteIdenticalOverUDP() {
        let buffer = Fixture.attendanceBuffer(Fixture.records(10_000))
        var session = Fixture.withBuffer(buffer, attendanceThroughSeq: 10_000, transport: .udp)
        let reassembled = Fixture.readWholeBuffer(&session, total: buffer.count, chunk: Fixture.udpChunk)
        #expect(reassembled == buffer)
        #expect(session.downloadedThroughSeq == 10_000)
    }

    // MARK: Snapshot stability

    @Test func aSecondAnswerDoesNotChangeAnOpenBuffer() {
        let first = Fixture.attendanceBuffer(Fixture.records(30))
        var session = Fixture.withBuffer(first, attendanceThroughSeq: 30)
        let second = Fixture.attendanceBuffer(Fixture.records(31))
        #expect(session.deviceAnswered(.buffer(second, attendanceThroughSeq: 31)) == .none)
        #expect(session.deviceAnswered(.users(Fixture.users(3))) == .none)
        #expect(Fixture.readWholeBuffer(&session, total: first.count, chunk: Fixture.tcpChunk) == first)
        #expect(session.downloadedThroughSeq == 30)
    }

    @Test func newPunchesDoNotChangeAnOpenBuffer() {
        let buffer = Fixture.attendanceBuffer(Fixture.records(30))
        var session = Fixture.withBuffer(buffer, attendanceThroughSeq: 30)
        _ = session.received(Fixture.request(.registerEvent, payload: Fixture.le32(1)))
        for second in 0..<5 { _ = session.punchRecorded(Fixture.event(pin: "19000", second: second)) }
        // The first half, more punches, then the rest: still the snapshot.
        let half = Fixture.request(.readBuffer, replyID: 70, payload: Fixture.readBuffer(start: 0, size: 604))
        let firstHalf = session.received(half).packets[1].payload
        _ = session.punchRecorded(Fixture.event(pin: "19001"))
        let rest = Fixture.request(.readBuffer, replyID: 71, payload: Fixture.readBuffer(start: 604, size: Int32(buffer.count - 604)))
        #expect(firstHalf + session.received(rest).packets[1].payload == buffer)
    }

    @Test func aNewPrepareBufferReplacesTheSnapshotOnlyOnceAnswered() {
        let first = Fixture.attendanceBuffer(Fixture.records(3))
        var session = Fixture.withBuffer(first, attendanceThroughSeq: 3)
        _ = session.received(Fixture.request(.prepareBuffer, replyID: 80, payload: Fixture.templatesBufferRequest))
        let second: [UInt8] = [0, 0, 0, 0]
        _ = session.deviceAnswered(.buffer(second, attendanceThroughSeq: nil))
        let read = Fixture.request(.readBuffer, replyID: 81, payload: Fixture.readBuffer(start: 0, size: Int32(first.count)))
        Fixture.expectReply(session.received(read), .ackError, to: read)
        #expect(Fixture.readWholeBuffer(&session, total: 4, chunk: Fixture.tcpChunk) == second)
    }

    @Test func aMismatchedAnswerToPrepareBufferKeepsThePreviousBuffer() {
        // A mismatched answer to PREPARE_BUFFER is ACK_ERROR; the previous buffer stays readable.
        let first = Fixture.attendanceBuffer(Fixture.records(3))
        var session = Fixture.withBuffer(first, attendanceThroughSeq: 3)
        let prepare = Fixture.request(.prepareBuffer, replyID: 82, payload: Fixture.attendanceBufferRequest)
        _ = session.received(prepare)
        Fixture.expectReply(session.deviceAnswered(.done(true)), .ackError, to: prepare)
        #expect(Fixture.readWholeBuffer(&session, total: first.count, chunk: Fixture.tcpChunk) == first)
    }

    // MARK: Download watermark and CLEAR_ATTLOG

    @Test func downloadedThroughSeqIsSetOnlyByTheFinalChunkOfAnAttendanceBuffer() {
        let buffer = [UInt8](repeating: 9, count: 150_000)
        var session = Fixture.withBuffer(buffer, attendanceThroughSeq: 42)
        #expect(session.downloadedThroughSeq == nil)
        for (start, size) in [(0, 65_472), (65_472, 65_472)] {
            _ = session.received(Fixture.request(.readBuffer, payload: Fixture.readBuffer(start: Int32(start), size: Int32(size))))
            #expect(session.downloadedThroughSeq == nil)
        }
        // A refused read past the end sets nothing either.
        _ = session.received(Fixture.request(.readBuffer, payload: Fixture.readBuffer(start: 130_944, size: 65_472)))
        #expect(session.downloadedThroughSeq == nil)
        _ = session.received(Fixture.request(.readBuffer, payload: Fixture.readBuffer(start: 130_944, size: 19_056)))
        #expect(session.downloadedThroughSeq == 42)
    }

    @Test func usersAndTemplatesDownloadsSetNoWatermark() {
        var session = Fixture.withInventory(Fixture.inventory(users: Fixture.users(5), records: 0))
        _ = session.received(Fixture.request(.prepareBuffer, payload: Fixture.usersBufferRequest))
        _ = Fixture.readWholeBuffer(&session, total: 4 + 360, chunk: Fixture.tcpChunk)
        #expect(session.downloadedThroughSeq == nil)
        _ = session.received(Fixture.request(.prepareBuffer, payload: Fixture.templatesBufferRequest))
        _ = session.deviceAnswered(.buffer([0, 0, 0, 0], attendanceThroughSeq: nil))
        _ = Fixture.readWholeBuffer(&session, total: 4, chunk: Fixture.tcpChunk)
        #expect(session.downloadedThroughSeq == nil)
    }

    @Test func clearAttlogAsksForWhatThisSessionDownloaded() {
        var session = Fixture.established()
        let before = Fixture.request(.clearAttlog, replyID: 90)
        Fixture.expectQuery(session.received(before), .clearAttendance(downloadedThroughSeq: nil))
        Fixture.expectReply(session.deviceAnswered(.done(true)), .ackOK, to: before)

        let buffer = Fixture.attendanceBuffer(Fixture.records(10))
        _ = session.received(Fixture.request(.prepareBuffer, payload: Fixture.attendanceBufferRequest))
        _ = session.deviceAnswered(.buffer(buffer, attendanceThroughSeq: 310))
        _ = Fixture.readWholeBuffer(&session, total: buffer.count, chunk: Fixture.tcpChunk)
        _ = session.received(Fixture.request(.freeData))
        #expect(session.downloadedThroughSeq == 310)
        let after = Fixture.request(.clearAttlog, replyID: 91)
        Fixture.expectQuery(session.received(after), .clearAttendance(downloadedThroughSeq: 310))
        Fixture.expectReply(session.deviceAnswered(.done(false)), .ackError, to: after)
    }

    @Test func aLaterDownloadRaisesTheWatermark() {
        var session = Fixture.established()
        for through: Int64 in [310, 500] {
            let buffer = Fixture.attendanceBuffer(Fixture.records(2))
            _ = session.received(Fixture.request(.prepareBuffer, payload: Fixture.attendanceBufferRequest))
            _ = session.deviceAnswered(.buffer(buffer, attendanceThroughSeq: through))
            _ = Fixture.readWholeBuffer(&session, total: buffer.count, chunk: Fixture.tcpChunk)
            #expect(session.downloadedThroughSeq == through)
        }
        Fixture.expectQuery(session.received(Fixture.request(.clearAttlog)), .clearAttendance(downloadedThroughSeq: 500))
    }

    @Test func readingOnlyTheLastChunkDoesNotCountAsADownload() {
        // A client that skips to the last chunk never received the records before it; CLEAR_ATTLOG
        // must not then clear them.
        let buffer = [UInt8](repeating: 9, count: 150_000)
        var session = Fixture.withBuffer(buffer, attendanceThroughSeq: 42)
        _ = session.received(Fixture.request(.readBuffer, payload: Fixture.readBuffer(start: 149_999, size: 1)))
        #expect(session.downloadedThroughSeq == nil)
        Fixture.expectQuery(session.received(Fixture.request(.clearAttlog)), .clearAttendance(downloadedThroughSeq: nil))
    }

    @Test func clearDataWithoutATableClearsEverythingUnderTheSameWatermark() {
        var session = Fixture.withBuffer(Fixture.attendanceBuffer(Fixture.records(1)), attendanceThroughSeq: 77)
        let clear = Fixture.request(.clearData, replyID: 92)
        Fixture.expectQuery(session.received(clear), .clearAllData(downloadedThroughSeq: nil))
        Fixture.expectReply(session.deviceAnswered(.done(true)), .ackOK, to: clear)
        _ = Fixture.readWholeBuffer(&session, total: 44, chunk: Fixture.tcpChunk)
        Fixture.expectQuery(session.received(Fixture.request(.clearData)), .clearAllData(downloadedThroughSeq: 77))
    }

    @Test func clearDataOfTableOneClearsOnlyAttendance() {
        var session = Fixture.withBuffer(Fixture.attendanceBuffer(Fixture.records(1)), attendanceThroughSeq: 77)
        Fixture.expectQuery(session.received(Fixture.request(.clearData, payload: [1])), .clearAttendance(downloadedThroughSeq: nil))
        _ = session.deviceAnswered(.done(true))
        _ = Fixture.readWholeBuffer(&session, total: 44, chunk: Fixture.tcpChunk)
        Fixture.expectQuery(session.received(Fixture.request(.clearData, payload: [1])), .clearAttendance(downloadedThroughSeq: 77))
    }

    @Test func clearDataOfTableZeroIsTreatedAsNoTable() {
        var session = Fixture.established()
        Fixture.expectQuery(session.received(Fixture.request(.clearData, payload: [0])), .clearAllData(downloadedThroughSeq: nil))
    }

    @Test(arguments: [UInt8(2), 3, 4, 5, 6, 7, 8, 0x80, 0xFF])
    func clearDataOfAnyOtherTableIsAckError(table: UInt8) {
        var session = Fixture.established()
        let clear = Fixture.request(.clearData, replyID: 93, payload: [table])
        let output = session.received(clear)
        Fixture.expectReply(output, .ackError, to: clear)
        #expect(Fixture.isMalformed(output.notices, .clearData))
        #expect(!session.isAwaitingDevice)
    }
}
