import HadirPull
import Testing

struct ZKBufferRequestTests {
    @Test func pyzkUsersRequestAsksForUsers() throws {
        let request = try ZKBufferRequest.decode(ProtocolHex.bytes("01 09 00 05 00 00 00 00 00 00 00"))
        #expect(request == ZKBufferRequest(subcommand: 9, fct: 5))
        #expect(request.content == .users)
    }

    @Test func attendanceRequestsAreAcceptedWithAnyFCT() throws {
        for fct in [UInt32(0), 1, 5, 0xFFFF_FFFF] {
            #expect(ZKBufferRequest(subcommand: 13, fct: fct).content == .attendance)
        }
        #expect(try ZKBufferRequest.decode(ProtocolHex.bytes("01 0D 00 00 00 00 00 00 00 00 00")).content == .attendance)
    }

    @Test func templatesNeedSubcommandSevenWithFCTTwo() throws {
        #expect(try ZKBufferRequest.decode(ProtocolHex.bytes("01 07 00 02 00 00 00 00 00 00 00")).content == .templates)
        #expect(ZKBufferRequest(subcommand: 7, fct: 5).content == .unsupported(subcommand: 7, fct: 5))
        #expect(ZKBufferRequest(subcommand: 34, fct: 4).content == .unsupported(subcommand: 34, fct: 4))
    }

    @Test func sevenBytesAreEnoughAndShorterIsRejected() throws {
        #expect(try ZKBufferRequest.decode(ProtocolHex.bytes("01 09 00 05 00 00 00")).content == .users)
        #expect(throws: ZKRecordError.wrongLength(what: "PREPARE_BUFFER request", expected: [11], actual: 6)) {
            try ZKBufferRequest.decode(ProtocolHex.bytes("01 09 00 05 00 00"))
        }
    }

    @Test func bufferRequestEncodesAsPyzkSendsIt() throws {
        #expect(ZKBufferRequest(subcommand: 9, fct: 5).encoded() == ProtocolHex.bytes("01 09 00 05 00 00 00 00 00 00 00"))
    }

    @Test func readBufferRequestCarriesStartAndSize() throws {
        let request = try ZKReadBufferRequest.decode(ProtocolHex.bytes("C0 FF 00 00 C0 FF 00 00"))
        #expect(request == ZKReadBufferRequest(start: 65_472, size: 65_472))
        #expect(request.encoded() == ProtocolHex.bytes("C0 FF 00 00 C0 FF 00 00"))
        #expect(
            try ZKReadBufferRequest.decode(ProtocolHex.bytes("FF FF FF FF 00 40 00 00 00")) == ZKReadBufferRequest(start: -1, size: 16_384))
        #expect(throws: ZKRecordError.wrongLength(what: "READ_BUFFER request", expected: [8], actual: 7)) {
            try ZKReadBufferRequest.decode([0, 0, 0, 0, 0, 0, 0])
        }
    }
}
