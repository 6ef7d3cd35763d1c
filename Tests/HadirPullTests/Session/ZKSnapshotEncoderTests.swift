import HadirCore
import HadirPull
import HadirStore
import Testing

/// Store rows to the bulk buffers pyzk parses: wall times in each punch's zone, uids by PIN.
struct ZKSnapshotEncoderTests {
    static let wib: Int32 = 7 * 3_600
    static let wita: Int32 = 8 * 3_600
    static let wit: Int32 = 9 * 3_600

    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> Int64 {
        ZKDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second).utcMilliseconds(zoneOffsetSeconds: 0)!
    }

    static func decodeRecords(_ buffer: [UInt8]) throws -> [ZKAttendanceRecord] {
        try #require(buffer.count >= 4)
        #expect(Int(PullSessionFixture.uint32(buffer, at: 0)) == buffer.count - 4, "the prefix is the records' byte length")
        try #require((buffer.count - 4) % ZKAttendanceRecord.size == 0)
        return try stride(from: 4, to: buffer.count, by: ZKAttendanceRecord.size).map {
            try ZKAttendanceRecord.decode(buffer[$0..<($0 + ZKAttendanceRecord.size)])
        }
    }

    @Test func anEmptyJournalIsAFourByteBuffer() {
        #expect(ZKSnapshotEncoder.attendanceBuffer([], uids: [:]) == [0, 0, 0, 0])
        #expect(ZKSnapshotEncoder.templatesBuffer([]) == [0, 0, 0, 0])
    }

    @Test func punchesInWIBWITAAndWITDecodeToTheirLocalWallTimes() throws {
        // 01:30:45 UTC is 08:30:45 in Jakarta, 09:30:45 in Makassar, 10:30:45 in Jayapura.
        let instant = Self.utc(2024, 3, 15, 1, 30, 45)
        let punches = [
            PullPunch(seq: 1, pin: "19001", utcMilliseconds: instant, zoneOffsetSeconds: Self.wib, verify: 1, state: 0),
            PullPunch(seq: 2, pin: "19002", utcMilliseconds: instant, zoneOffsetSeconds: Self.wita, verify: 15, state: 1),
            PullPunch(seq: 3, pin: "19003", utcMilliseconds: instant + 999, zoneOffsetSeconds: Self.wit, verify: 4, state: 2),
        ]
        let buffer = ZKSnapshotEncoder.attendanceBuffer(punches, uids: ["19001": 1, "19002": 2, "19003": 300])
        #expect(buffer.count == 4 + 3 * 40)
        let records = try Self.decodeRecords(buffer)
        #expect(
            records == [
                ZKAttendanceRecord(
                    uid: 1, userID: "19001", verify: 1, time: ZKDateTime(year: 2024, month: 3, day: 15, hour: 8, minute: 30, second: 45),
                    state: 0),
                ZKAttendanceRecord(
                    uid: 2, userID: "19002", verify: 15, time: ZKDateTime(year: 2024, month: 3, day: 15, hour: 9, minute: 30, second: 45),
                    state: 1),
                ZKAttendanceRecord(
                    uid: 300, userID: "19003", verify: 4,
                    time: ZKDateTime(year: 2024, month: 3, day: 15, hour: 10, minute: 30, second: 45), state: 2),
            ])
    }

    @Test func theReferencePackedTimeIsWrittenForAWIBPunch() {
        let punch = PullPunch(
            seq: 1, pin: "1", utcMilliseconds: Self.utc(2024, 3, 15, 1, 30, 45), zoneOffsetSeconds: Self.wib, verify: 1, state: 0)
        let buffer = ZKSnapshotEncoder.attendanceBuffer([punch], uids: ["1": 1])
        #expect(Array(buffer[(4 + 27)..<(4 + 31)]) == ProtocolHex.bytes("B5 F9 5E 2E"))
    }

    @Test func wallTimesCrossMidnightAndYearEndInTheZone() throws {
        let punches = [
            // 17:30 UTC on the 14th is 02:30 on the 15th in Jayapura.
            PullPunch(
                seq: 1, pin: "7", utcMilliseconds: Self.utc(2024, 3, 14, 17, 30, 0), zoneOffsetSeconds: Self.wit, verify: 1, state: 0),
            // New Year's Eve 16:59:59 UTC is 23:59:59 in Jakarta, 00:59:59 on New Year's Day in Makassar.
            PullPunch(
                seq: 2, pin: "7", utcMilliseconds: Self.utc(2024, 12, 31, 16, 59, 59), zoneOffsetSeconds: Self.wib, verify: 1, state: 1),
            PullPunch(
                seq: 3, pin: "7", utcMilliseconds: Self.utc(2024, 12, 31, 16, 59, 59), zoneOffsetSeconds: Self.wita, verify: 1, state: 1),
            // A leap day.
            PullPunch(
                seq: 4, pin: "7", utcMilliseconds: Self.utc(2024, 2, 28, 20, 0, 0), zoneOffsetSeconds: Self.wita, verify: 1, state: 4),
        ]
        let times = try Self.decodeRecords(ZKSnapshotEncoder.attendanceBuffer(punches, uids: ["7": 7])).map(\.time)
        #expect(
            times == [
                ZKDateTime(year: 2024, month: 3, day: 15, hour: 2, minute: 30, second: 0),
                ZKDateTime(year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 59),
                ZKDateTime(year: 2025, month: 1, day: 1, hour: 0, minute: 59, second: 59),
                ZKDateTime(year: 2024, month: 2, day: 29, hour: 4, minute: 0, second: 0),
            ])
    }

    @Test func aPinWithoutAUidIsWrittenWithUidZero() throws {
        let punches = [
            PullPunch(
                seq: 1, pin: "19001", utcMilliseconds: Self.utc(2024, 5, 1, 1, 0, 0), zoneOffsetSeconds: Self.wib, verify: 1, state: 0),
            PullPunch(
                seq: 2, pin: "99999", utcMilliseconds: Self.utc(2024, 5, 1, 1, 0, 1), zoneOffsetSeconds: Self.wib, verify: 3, state: 255),
        ]
        let records = try Self.decodeRecords(ZKSnapshotEncoder.attendanceBuffer(punches, uids: ["19001": 12]))
        #expect(records.map(\.uid) == [12, 0])
        #expect(records.map(\.userID) == ["19001", "99999"])
        #expect(records.map(\.verify) == [1, 3])
        #expect(records.map(\.state) == [0, 255])
    }

    @Test func everyVerifyAndStateCodeSurvives() throws {
        var punches: [PullPunch] = []
        for verify in VerifyMethod.allCases {
            for state in PunchState.allCases {
                punches.append(
                    PullPunch(
                        seq: Int64(punches.count + 1), pin: "5", utcMilliseconds: Self.utc(2024, 6, 1, 0, 0, punches.count),
                        zoneOffsetSeconds: Self.wib, verify: verify.rawValue, state: state.rawValue))
            }
        }
        let records = try Self.decodeRecords(ZKSnapshotEncoder.attendanceBuffer(punches, uids: ["5": 5]))
        #expect(records.map(\.verify) == punches.map(\.verify))
        #expect(records.map(\.state) == punches.map(\.state))
    }

    @Test func recordsKeepJournalOrder() throws {
        let zones = [Self.wib, Self.wita, Self.wit]
        let base = Self.utc(2024, 7, 1, 0, 0, 0)
        let punches = (0..<500).map { index -> PullPunch in
            let instant = base - Int64(index) * 60_000
            return PullPunch(
                seq: Int64(index + 1), pin: String(19_000 + index % 7), utcMilliseconds: instant, zoneOffsetSeconds: zones[index % 3],
                verify: 1, state: UInt8(index % 2))
        }
        let uids = Dictionary(uniqueKeysWithValues: (0..<7).map { (String(19_000 + $0), UInt16($0 + 1)) })
        let records = try Self.decodeRecords(ZKSnapshotEncoder.attendanceBuffer(punches, uids: uids))
        #expect(records.count == 500)
        for (punch, record) in zip(punches, records) {
            #expect(record.userID == punch.pin)
            #expect(record.uid == uids[punch.pin])
            #expect(record.time == ZKDateTime(utcMilliseconds: punch.utcMilliseconds, zoneOffsetSeconds: Int(punch.zoneOffsetSeconds)))
        }
    }

    @Test func theTemplatesBufferDecodesWithDecodeAll() throws {
        let templates = [
            PullTemplate(uid: 1, pin: try EmployeePIN("19001"), template: (0..<498).map { UInt8(truncatingIfNeeded: $0) }),
            PullTemplate(uid: 2, pin: try EmployeePIN("19002"), template: [0xAA]),
            PullTemplate(uid: 40, pin: try EmployeePIN("19040"), template: [UInt8](repeating: 0x5C, count: 1_800)),
        ]
        let buffer = ZKSnapshotEncoder.templatesBuffer(templates)
        #expect(Int(PullSessionFixture.uint32(buffer, at: 0)) == buffer.count - 4)
        let entries = try ZKTemplateEntry.decodeAll(Array(buffer.dropFirst(4)))
        #expect(entries == templates.map { ZKTemplateEntry(uid: $0.uid, finger: 0, valid: 1, template: $0.template) })
    }

    @Test func aTemplateTooLongForItsSizeFieldIsLeftOut() throws {
        let templates = [
            PullTemplate(
                uid: 1, pin: try EmployeePIN("1"), template: [UInt8](repeating: 1, count: ZKTemplateEntry.maximumTemplateLength + 1)),
            PullTemplate(uid: 2, pin: try EmployeePIN("2"), template: [UInt8](repeating: 2, count: ZKTemplateEntry.maximumTemplateLength)),
        ]
        let entries = try ZKTemplateEntry.decodeAll(Array(ZKSnapshotEncoder.templatesBuffer(templates).dropFirst(4)))
        #expect(entries.map(\.uid) == [2])
        #expect(entries.first?.template.count == ZKTemplateEntry.maximumTemplateLength)
    }

    @Test func aStoreUserBecomesAZKUserInGroupOne() throws {
        let user = PullUser(uid: 17, pin: try EmployeePIN("19017"), name: "Dewi Lestari", privilege: 14, password: "8765", card: 4_242)
        let zk = ZKSnapshotEncoder.user(user)
        #expect(zk == ZKUser(uid: 17, privilege: 14, password: "8765", name: "Dewi Lestari", card: 4_242, group: 1, userID: "19017"))
        var bytes: [UInt8] = []
        zk.encode72(into: &bytes)
        #expect(try ZKUser.decode(bytes) == zk)
    }

    @Test func aLiveEventCarriesThePunchInItsZone() throws {
        let draft = PunchDraft(
            deviceSerial: "HDR2024000001", pin: try EmployeePIN("19001"),
            clock: ClockReading(
                utcMilliseconds: Self.utc(2024, 3, 15, 1, 30, 45) + 500, monotonicNanoseconds: 1, bootID: "boot", quality: .synced),
            zoneOffsetSeconds: Self.wita, verify: .face, state: .checkOut, classification: .checkOut)
        let event = ZKSnapshotEncoder.liveEvent(for: Punch(seq: 9, draft: draft, previousHash: [], hash: []))
        #expect(
            event
                == ZKLiveEvent(
                    userID: "19001", verify: 15, state: 1, time: ZKDateTime(year: 2024, month: 3, day: 15, hour: 9, minute: 30, second: 45))
        )
        #expect(event.encoded().count == 36)
    }
}
