import Foundation
import HadirCore
import Testing

@testable import HadirStore

@Suite("Scan events and meta")
struct ScanEventAndMetaTests {
    @Test func scanEventsAreRecordedAndListedNewestFirst() throws {
        try withDatabase { database, _ in
            try database.recordScanEvent(kind: .unknownFinger, slot: nil, detail: "no match", atMilliseconds: 10)
            try database.recordScanEvent(
                kind: "duplicate", pin: try pin("1001"), slot: 3, detail: nil, atMilliseconds: 20)
            try database.recordScanEvent(kind: "future_kind", atMilliseconds: 30)

            let events = try database.scanEvents()
            #expect(events.map(\.kind) == ["future_kind", .duplicate, .unknownFinger])
            #expect(events[1].pin == (try pin("1001")))
            #expect(events[1].slot == 3)
            #expect(events[1].detail == "")
            #expect(events.last?.detail == "no match")
            #expect(events.last?.atMilliseconds == 10)
            #expect(events[0].id > events[1].id)
            #expect(try database.scanEvents(limit: 1).map(\.atMilliseconds) == [30])
        }
    }

    @Test func metaStoresReplacesAndRemovesValues() throws {
        try withDatabase { database, _ in
            #expect(try database.meta("device_serial") == nil)
            try database.setMeta("device_serial", "HDR0001")
            try database.setMeta("device_serial", "HDR0002")
            #expect(try database.meta("device_serial") == "HDR0002")
            try database.setMeta("device_serial", nil)
            #expect(try database.meta("device_serial") == nil)
        }
    }
}
