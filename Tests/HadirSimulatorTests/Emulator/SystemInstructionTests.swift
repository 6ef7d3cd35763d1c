import HadirScanner
import HadirSimulator
import Testing

@Suite("System instructions and framing")
struct SystemInstructionTests {
    @Test func readSysParaReportsTheSixteenByteBlock() throws {
        var host = TestHost()
        let request = host.module.receive(hexBytes("EF 01 FF FF FF FF 01 00 03 0F 00 13"))
        let ack = try EF01Acknowledgement(packet: #require(try TestHost.packets(request).first))
        #expect(ack.data.count == 16)
        let parameters = try EF01SystemParameters(bytes: ack.data)
        #expect(parameters.systemID == 0x0009)
        #expect(parameters.capacity == 1000)
        #expect(parameters.securityLevel == 3)
        #expect(parameters.address == 0xFFFF_FFFF)
        #expect(parameters.packetSize == 128)
        #expect(parameters.baudRate == 57_600)
    }

    @Test func setSysParaStoresBaudSecurityAndPacketSize() throws {
        var host = TestHost()
        #expect(try host.code(.setSysPara(parameter: 4, value: 12)) == 0x00)
        #expect(try host.code(.setSysPara(parameter: 5, value: 5)) == 0x00)
        #expect(try host.code(.setSysPara(parameter: 6, value: 1)) == 0x00)
        let parameters = try EF01SystemParameters(bytes: host.ack(.readSysPara).data)
        #expect(parameters.baudRate == 115_200)
        #expect(parameters.securityLevel == 5)
        #expect(parameters.packetSize == 64)
    }

    @Test func setSysParaRejectsUnknownParametersAndValuesWith1A() throws {
        var host = TestHost()
        #expect(try host.code(.setSysPara(parameter: 7, value: 1)) == 0x1A)
        #expect(try host.code(.setSysPara(parameter: 4, value: 13)) == 0x1A)
        #expect(try host.code(.setSysPara(parameter: 5, value: 0)) == 0x1A)
        #expect(try host.code(.setSysPara(parameter: 6, value: 4)) == 0x1A)
    }

    @Test func vfyPwdMatchesTheReferenceVector() {
        var module = EF01ModuleEmulator()
        let reply = module.receive(hexBytes("EF 01 FF FF FF FF 01 00 07 13 00 00 00 00 00 1B"))
        #expect(reply == hexBytes("EF 01 FF FF FF FF 07 00 03 00 00 0A"))
    }

    @Test func withAPasswordCommandsBeforeVfyPwdAnswer21() throws {
        var configuration = EF01EmulatorConfiguration()
        configuration.password = 0x1234
        var host = TestHost(configuration)
        #expect(try host.ack(.genImg) == EF01Acknowledgement(code: 0x21))
        #expect(try host.ack(.search(buffer: 1, start: 0, count: 10)) == EF01Acknowledgement(code: 0x21))
        #expect(try host.code(.handshake) == 0x00)
        #expect(try host.code(.verifyPassword(0x1233)) == 0x13)
        #expect(try host.code(.templateCount) == 0x21)
        #expect(try host.code(.verifyPassword(0x1234)) == 0x00)
        #expect(try host.code(.templateCount) == 0x00)
    }

    @Test func setPwdTakesEffectAfterSoftRst() throws {
        var host = TestHost()
        #expect(try host.code(.setPassword(77)) == 0x00)
        #expect(try host.code(.genImg) == 0x02)  // this session stays verified
        #expect(try host.code(.softReset) == 0x00)
        #expect(try host.code(.genImg) == 0x21)
        #expect(try host.code(.verifyPassword(77)) == 0x00)
        #expect(try host.code(.genImg) == 0x02)
    }

    @Test func setAdderAcksFromTheNewAddressWhichAloneIsAnsweredAfterwards() throws {
        var host = TestHost()
        let replies = try host.send(.setAddress(0x1234_5678))
        #expect(replies.count == 1)
        #expect(replies.first?.address == 0x1234_5678)
        #expect(replies.first?.payload == [0x00])
        #expect(try host.send(.handshake).isEmpty)  // old address: silence
        host.address = 0x1234_5678
        #expect(try host.code(.handshake) == 0x00)
    }

    @Test func aFrameForAnotherAddressGetsNoReplyAtAll() throws {
        var host = TestHost()
        #expect(host.module.receive(EF01Command.genImg.packet(address: 0x0000_0001).encoded()).isEmpty)
        #expect(host.module.commandsServed == 0)
    }

    @Test func aCommandWithABadChecksumGetsReceiveError() throws {
        var module = EF01ModuleEmulator()
        var bytes = EF01Command.genImg.packet(address: 0xFFFF_FFFF).encoded()
        bytes[bytes.count - 1] ^= 0xFF
        let replies = try TestHost.packets(module.receive(bytes))
        #expect(replies.map(\.payload) == [[0x01]])
    }

    @Test func garbageAndImpossibleFramesAreSkippedSilentlyThenTheNextFrameIsAnswered() throws {
        var module = EF01ModuleEmulator()
        #expect(module.receive([0x00, 0x55, 0x13]).isEmpty)
        #expect(module.receive(frame(type: 0x05, content: [0x01])).isEmpty)  // unknown packet type
        #expect(module.receive([0xEF, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x7F, 0xFF]).isEmpty)  // absurd length
        let replies = try TestHost.packets(module.receive(EF01Command.handshake.packet(address: 0xFFFF_FFFF).encoded()))
        #expect(replies.map(\.payload) == [[0x00]])
    }

    @Test func framesSplitAcrossWritesAreReassembled() throws {
        var module = EF01ModuleEmulator()
        let bytes = EF01Command.templateCount.packet(address: 0xFFFF_FFFF).encoded()
        var output: [UInt8] = []
        for byte in bytes { output += module.receive([byte]) }
        #expect(try TestHost.packets(output).map(\.payload) == [[0x00, 0x00, 0x00]])
    }

    @Test func unknownInstructionAnswersFCAndWrongParameterLengthAnswers01() throws {
        var module = EF01ModuleEmulator()
        #expect(try TestHost.packets(module.receive(frame(content: [0x77]))).map(\.payload) == [[0xFC]])
        #expect(try TestHost.packets(module.receive(frame(content: [0x02]))).map(\.payload) == [[0x01]])
        #expect(try TestHost.packets(module.receive(frame(content: []))).map(\.payload) == [[0x01]])
    }

    @Test func hostAcknowledgementsAndStrayDataPacketsAreIgnored() {
        var module = EF01ModuleEmulator()
        #expect(module.receive(frame(type: 0x07, content: [0x00])).isEmpty)
        #expect(module.receive(frame(type: 0x08, content: [1, 2, 3])).isEmpty)
    }

    @Test func softRstClearsVolatileStateAndKeepsTheLibrary() throws {
        var host = TestHost()
        try host.enroll(17, at: 1)
        #expect(try host.code(.softReset) == 0x00)
        #expect(host.module.buffers.allSatisfy { $0 == nil })
        #expect(host.module.image == .none)
        #expect(host.module.library[1] != nil)
    }

    @Test func softRstSendsABare55OnlyWhenConfigured() throws {
        var module = EF01ModuleEmulator()
        let plain = module.receive(EF01Command.softReset.packet(address: 0xFFFF_FFFF).encoded())
        #expect(plain == hexBytes("EF 01 FF FF FF FF 07 00 03 00 00 0A"))
        #expect(module.powerOnBytes().isEmpty)

        var configuration = EF01EmulatorConfiguration()
        configuration.sendsStartupByte = true
        var r503 = EF01ModuleEmulator(configuration: configuration)
        #expect(r503.powerOnBytes() == [0x55])
        let reply = r503.receive(EF01Command.softReset.packet(address: 0xFFFF_FFFF).encoded())
        #expect(reply == hexBytes("EF 01 FF FF FF FF 07 00 03 00 00 0A 55"))
    }

    @Test func auraLedConfigMatchesTheReferenceVectorAndIsRemembered() throws {
        var module = EF01ModuleEmulator()
        let reply = module.receive(hexBytes("EF 01 FF FF FF FF 01 00 07 35 01 80 02 00 00 C0"))
        #expect(reply == hexBytes("EF 01 FF FF FF FF 07 00 03 00 00 0A"))
        #expect(module.led == AuraLedState(control: 1, speed: 0x80, colour: 2, cycles: 0))
        #expect(module.led?.controlName == "breathe")
        #expect(module.led?.colourName == "blue")
    }

    @Test func handShakeAnswersSuccess() throws {
        var host = TestHost()
        #expect(try host.code(.handshake) == 0x00)
        #expect(host.module.commandsServed == 1)
    }

    @Test func exchangesAreRecordedForLogging() throws {
        var host = TestHost()
        _ = try host.code(.genImg)
        let exchanges = host.module.takeExchanges()
        #expect(exchanges.map(\.description) == ["GenImg -> 0x02 noFinger"])
        #expect(host.module.takeExchanges().isEmpty)
    }
}
