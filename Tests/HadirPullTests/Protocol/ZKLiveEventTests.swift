import HadirPull
import Testing

struct ZKLiveEventTests {
    static let time = ZKDateTime(year: 2024, month: 3, day: 15, hour: 8, minute: 30, second: 45)

    @Test func encodesThirtySixBytesInSpecLayout() {
        let bytes = ZKLiveEvent(userID: "1001", verify: 1, state: 0, time: Self.time).encoded()
        #expect(bytes.count == 36)
        #expect(Array(bytes[0..<24]) == ProtocolHex.field("1001", width: 24))
        #expect(bytes[24] == 1)
        #expect(bytes[25] == 0)
        #expect(Array(bytes[26..<32]) == [24, 3, 15, 8, 30, 45])
        #expect(Array(bytes[32..<36]) == [0, 0, 0, 0])
    }

    @Test func eventsRoundTrip() throws {
        let event = ZKLiveEvent(userID: "20240001", verify: 15, state: 1, time: Self.time)
        #expect(try ZKLiveEvent.decode(event.encoded()) == event)
        #expect(throws: ZKRecordError.self) { try ZKLiveEvent.decode(Array(event.encoded().prefix(32))) }
    }

    @Test func longUserIDsAreCutToTwentyFourBytes() throws {
        let event = ZKLiveEvent(userID: String(repeating: "1", count: 30), verify: 1, state: 0, time: Self.time)
        #expect(event.encoded().count == 36)
        #expect(try ZKLiveEvent.decode(event.encoded()).userID == String(repeating: "1", count: 24))
    }
}
