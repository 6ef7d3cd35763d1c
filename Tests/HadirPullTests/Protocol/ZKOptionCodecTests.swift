import HadirPull
import Testing

struct ZKOptionCodecTests {
    @Test func requestNameEndsAtTheFirstNul() {
        #expect(ZKOptionCodec.name(fromRequest: Array("~SerialNumber".utf8) + [0]) == "~SerialNumber")
        #expect(ZKOptionCodec.name(fromRequest: Array("~OS".utf8) + [0, 0, 0]) == "~OS")
        #expect(ZKOptionCodec.name(fromRequest: Array("MAC".utf8)) == "MAC")
        #expect(ZKOptionCodec.name(fromRequest: []).isEmpty)
        #expect(ZKOptionCodec.name(fromRequest: [0x7E, 0xFF, 0]) == "~\u{FFFD}")
    }

    @Test func replyIsNameEqualsValueWithNul() {
        #expect(ZKOptionCodec.reply(name: "~ZKFPVersion", value: "10") == Array("~ZKFPVersion=10".utf8) + [0])
        #expect(ZKOptionCodec.reply(name: "~Platform", value: "") == Array("~Platform=".utf8) + [0])
    }

    @Test func writeSplitsAtTheFirstEqualsSignWithOrWithoutNul() {
        let plain = ZKOptionCodec.assignment(fromWrite: Array("SDKBuild=1".utf8))
        #expect(plain?.name == "SDKBuild")
        #expect(plain?.value == "1")
        let withNul = ZKOptionCodec.assignment(fromWrite: Array("SDKBuild=1".utf8) + [0])
        #expect(withNul?.name == "SDKBuild")
        #expect(withNul?.value == "1")
        let nested = ZKOptionCodec.assignment(fromWrite: Array("Key=a=b".utf8))
        #expect(nested?.name == "Key")
        #expect(nested?.value == "a=b")
        #expect(ZKOptionCodec.assignment(fromWrite: Array("Empty=".utf8))?.value == "")
    }

    @Test func writeWithoutNameOrEqualsSignIsNil() {
        #expect(ZKOptionCodec.assignment(fromWrite: Array("SDKBuild".utf8)) == nil)
        #expect(ZKOptionCodec.assignment(fromWrite: Array("=1".utf8)) == nil)
        #expect(ZKOptionCodec.assignment(fromWrite: []) == nil)
        #expect(ZKOptionCodec.assignment(fromWrite: [0] + Array("A=1".utf8)) == nil)
    }
}
