import Testing

@testable import HadirHTTPClient

/// Header lookup and the header-callback line collector.
@Suite struct HTTPHeaderTests {
    @Test func lookupIgnoresCaseAndReturnsTheFirstOfDuplicates() {
        let headers = [HTTPHeader(name: "Date", value: "one"), HTTPHeader(name: "X-A", value: "a"), HTTPHeader(name: "DATE", value: "two")]

        #expect(headers.value(for: "date") == "one")
        #expect(headers.values(for: "dAtE") == ["one", "two"])
        #expect(headers.value(for: "Dat") == nil)
        #expect(headers.value(for: "Datum") == nil)
    }

    @Test func statusLineStartsAFreshHeaderList() {
        var collector = ResponseHeaderCollector()
        for line in ["HTTP/1.1 100 Continue\r\n", "X-Interim: 1\r\n", "\r\n", "HTTP/1.1 200 OK\r\n", "Date: now\r\n", "\r\n"] {
            collector.consume(Array(line.utf8))
        }

        #expect(collector.headers == [HTTPHeader(name: "Date", value: "now")])
    }

    @Test func foldedLinesContinueThePreviousValue() {
        var collector = ResponseHeaderCollector()
        for line in ["HTTP/1.1 200 OK\r\n", "X-Long: one\r\n", "\t two \r\n", "   three\r\n", "Next: x\r\n"] {
            collector.consume(Array(line.utf8))
        }

        #expect(collector.headers == [HTTPHeader(name: "X-Long", value: "one two three"), HTTPHeader(name: "Next", value: "x")])
    }

    @Test func valuesAreTrimmedAndMayContainColons() {
        var collector = ResponseHeaderCollector()
        collector.consume(Array("Date:   Tue, 30 Jul 2024 08:15:00 GMT  \r\n".utf8))
        collector.consume(Array("Empty:\n".utf8))

        #expect(
            collector.headers == [HTTPHeader(name: "Date", value: "Tue, 30 Jul 2024 08:15:00 GMT"), HTTPHeader(name: "Empty", value: "")])
    }

    @Test func linesWithoutAColonAndLeadingContinuationsAreIgnored() {
        var collector = ResponseHeaderCollector()
        collector.consume(Array("  orphan continuation\r\n".utf8))
        collector.consume(Array("garbage line\r\n".utf8))
        collector.consume(Array(": no name\r\n".utf8))

        #expect(collector.headers.isEmpty)
    }

    @Test func latin1ValueKeepsEveryByte() {
        var collector = ResponseHeaderCollector()
        collector.consume([0x58, 0x3A, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x0D, 0x0A])  // "X: Caf\xE9" (ISO-8859-1)

        #expect(collector.headers == [HTTPHeader(name: "X", value: "Caf\u{E9}")])
    }
}
