import Testing

@testable import HadirControl

@Suite struct ServerSentEventTests {
    private func parseAll(_ bytes: [UInt8]) throws -> [ServerSentEvent] {
        var parser = ServerSentEventParser()
        return try parser.consume(bytes)
    }

    @Test func namedEventWithOneLineEncodesAsTheSpecSays() {
        let event = ServerSentEvent(event: "stage", data: #"{"stage":1}"#)
        #expect(String(decoding: event.encoded, as: UTF8.self) == "event: stage\ndata: {\"stage\":1}\n\n")
    }

    @Test(arguments: [
        ServerSentEvent(data: "plain"),
        ServerSentEvent(event: "result", data: "two\nlines"),
        ServerSentEvent(event: "error", data: ""),
        ServerSentEvent(data: "trailing\n"),
        ServerSentEvent(data: ": looks like a comment"),
        ServerSentEvent(data: "data: nested field"),
        ServerSentEvent(event: "x", data: "Tempelkan jari (1/2)…"),
    ])
    func encodedEventsParseBackUnchanged(event: ServerSentEvent) throws {
        #expect(try parseAll(event.encoded) == [event])
    }

    @Test func carriageReturnsInDataCannotForgeAField() throws {
        let hostile = ServerSentEvent(event: "stage", data: "a\revent: result\r\ndata: forged")
        let parsed = try parseAll(hostile.encoded)
        #expect(parsed.count == 1)
        #expect(parsed[0].event == "stage")
        #expect(parsed[0].data == "a\nevent: result\ndata: forged")
    }

    @Test func lineBreaksInTheEventNameAreDropped() throws {
        let parsed = try parseAll(ServerSentEvent(event: "st\nage\r", data: "x").encoded)
        #expect(parsed == [ServerSentEvent(event: "stage", data: "x")])
    }

    @Test func keepAliveCommentsProduceNoEvents() throws {
        #expect(try parseAll(ServerSentEvent.keepAlive + ServerSentEvent.keepAlive).isEmpty)
    }

    @Test func crCrlfAndLfLineEndsAllDispatch() throws {
        let text = "event: a\rdata: 1\r\rdata: 2\r\n\r\ndata: 3\n\n"
        #expect(
            try parseAll(Array(text.utf8)) == [
                ServerSentEvent(event: "a", data: "1"), ServerSentEvent(data: "2"), ServerSentEvent(data: "3"),
            ])
    }

    @Test func fieldsWithoutAColonAndUnknownFieldsAreIgnored() throws {
        let text = "data\nid: 7\nretry: 10\ndata:no-space\n\n"
        #expect(try parseAll(Array(text.utf8)) == [ServerSentEvent(data: "\nno-space")])
    }

    @Test func anEventWithoutDataIsNotDispatched() throws {
        #expect(try parseAll(Array("event: lonely\n\n".utf8)).isEmpty)
    }

    @Test func anOverlongLineIsAnErrorNotUnboundedMemory() {
        var parser = ServerSentEventParser(maximumLineBytes: 16)
        #expect(throws: ServerSentEventParser.ParseError.lineTooLong(16)) {
            _ = try parser.consume(Array(repeating: UInt8(ascii: "a"), count: 17))
        }
    }

    /// Every split of a stream into two chunks gives the same events as one chunk: a CRLF torn
    /// between reads must not count as two line ends.
    @Test func everySplitPointGivesTheSameEvents() throws {
        let stream =
            ServerSentEvent(event: "stage", data: "1\r\n2").encoded + ServerSentEvent.keepAlive
            + Array("data: x\r\n\r\ndata: y\r\r".utf8)
        let whole = try parseAll(stream)
        #expect(whole.count == 3)
        for split in 0...stream.count {
            var parser = ServerSentEventParser()
            let events = try parser.consume(stream[..<split]) + parser.consume(stream[split...])
            #expect(events == whole, "split at \(split)")
        }
    }

    /// Exhaustive over short streams of the bytes that matter to the grammar: no input crashes,
    /// and byte-at-a-time feeding agrees with one chunk.
    @Test func exhaustiveShortStreamsNeverCrashAndFeedIdentically() throws {
        let alphabet: [UInt8] = Array("d:\r\n a".utf8) + [0xFF]
        var total = 0
        func visit(_ prefix: [UInt8], depth: Int) throws {
            var whole = ServerSentEventParser(maximumLineBytes: 4)
            var bytewise = ServerSentEventParser(maximumLineBytes: 4)
            let wholeEvents = try? whole.consume(prefix)
            var bytewiseEvents: [ServerSentEvent]? = []
            for byte in prefix {
                guard let events = try? bytewise.consume(CollectionOfOne(byte)) else {
                    bytewiseEvents = nil
                    break
                }
                bytewiseEvents? += events
            }
            if wholeEvents != bytewiseEvents { Issue.record("fed whole and bytewise differ on \(prefix)") }
            total += 1
            guard depth > 0 else { return }
            for byte in alphabet { try visit(prefix + [byte], depth: depth - 1) }
        }
        try visit([], depth: 6)
        #expect(total == 137_257)
    }
}
