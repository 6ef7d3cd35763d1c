import HadirSimulator
import Testing

@Suite("Line assembler")
struct LineAssemblerTests {
    @Test func splitsLinesAcrossChunksAndStripsCR() {
        var assembler = LineAssembler()
        #expect(assembler.feed(Array("sta".utf8)).isEmpty)
        #expect(assembler.feed(Array("tus\r\nlift\nta".utf8)) == [.line("status"), .line("lift")])
        #expect(assembler.finish() == [.line("ta")])
    }

    @Test func anOverlongLineIsReportedOnceAndDiscarded() {
        var assembler = LineAssembler(maximumLength: 8)
        let items = assembler.feed(Array("0123456789abcdef\nlift\n".utf8))
        #expect(items == [.overlong, .line("lift")])
    }

    @Test func jsonRepliesAreOneEscapedLine() {
        let value = JSONValue.object([("a", .string("x\"y\nz")), ("b", .null), ("c", .array([.int(1), .bool(false)]))])
        #expect(value.text == #"{"a":"x\"y\nz","b":null,"c":[1,false]}"#)
    }
}
