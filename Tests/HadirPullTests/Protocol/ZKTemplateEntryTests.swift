import HadirPull
import Testing

struct ZKTemplateEntryTests {
    @Test func sizeFieldCountsTheSixHeaderBytes() {
        var buffer: [UInt8] = []
        ZKTemplateEntry(uid: 0x0102, finger: 6, template: [0xAA, 0xBB, 0xCC]).encode(into: &buffer)
        #expect(buffer == [9, 0, 0x02, 0x01, 6, 1, 0xAA, 0xBB, 0xCC])
    }

    @Test func entriesInABulkBufferAddUpExactly() throws {
        let entries = [
            ZKTemplateEntry(uid: 1, finger: 0, template: [UInt8](repeating: 1, count: 1200)),
            ZKTemplateEntry(uid: 1, finger: 9, valid: 3, template: [UInt8](repeating: 2, count: 600)),
            ZKTemplateEntry(uid: 2, finger: 5, valid: 0, template: []),
        ]
        let total = entries.reduce(0) { $0 + $1.encodedLength }
        let buffer = ZKBulkBuffer.make(recordBytes: total) { out in
            for entry in entries { entry.encode(into: &out) }
        }
        #expect(buffer.count == 4 + total)
        let prefix: [UInt8] = [UInt8(total & 0xFF), UInt8(total >> 8), 0, 0]
        #expect(Array(buffer[0..<4]) == prefix)
        #expect(try ZKTemplateEntry.decodeAll(Array(buffer[4...])) == entries)
    }

    @Test func oversizedTemplatesAreCutSoTheSizeStillMatches() throws {
        let entry = ZKTemplateEntry(uid: 3, finger: 1, template: [UInt8](repeating: 5, count: 70_000))
        var buffer: [UInt8] = []
        entry.encode(into: &buffer)
        #expect(buffer.count == 65_535)
        #expect(buffer.count == entry.encodedLength)
        #expect(Array(buffer[0..<2]) == [0xFF, 0xFF])
        #expect(try ZKTemplateEntry.decodeAll(buffer).first?.template.count == ZKTemplateEntry.maximumTemplateLength)
    }

    @Test func decodingRejectsSizesThatDoNotAddUp() throws {
        #expect(throws: ZKRecordError.self) { try ZKTemplateEntry.decodeAll([5, 0, 1, 0, 0, 1]) }
        #expect(throws: ZKRecordError.self) { try ZKTemplateEntry.decodeAll([9, 0, 1, 0, 0, 1, 0]) }
        #expect(throws: ZKRecordError.self) { try ZKTemplateEntry.decodeAll([6, 0, 1]) }
        #expect(try ZKTemplateEntry.decodeAll([]).isEmpty)
    }
}
