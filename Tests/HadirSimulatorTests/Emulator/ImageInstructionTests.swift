import HadirScanner
import HadirSimulator
import Testing

@Suite("Image instructions")
struct ImageInstructionTests {
    @Test func genImgWithoutFingerAnswersNoFingerMatchingTheReferenceVector() {
        var module = EF01ModuleEmulator()
        let reply = module.receive(hexBytes("EF 01 FF FF FF FF 01 00 03 01 00 05"))
        #expect(reply == hexBytes("EF 01 FF FF FF FF 07 00 03 02 00 0C"))
    }

    @Test func genImgWithPlacedFingerSucceedsAndImg2TzFillsTheBuffer() throws {
        var host = TestHost()
        host.module.place(try fingerNumber(17))
        #expect(try host.code(.genImg) == 0x00)
        #expect(try host.code(.img2Tz(buffer: 1)) == 0x00)
        #expect(host.module.buffers[0] == (try fingerNumber(17)).template(size: 512))
    }

    @Test func img2TzWithoutAValidImageAnswers15() throws {
        var host = TestHost()
        #expect(try host.code(.img2Tz(buffer: 1)) == 0x15)
        _ = try host.code(.genImg)  // no finger: the image buffer is invalid again
        #expect(try host.code(.img2Tz(buffer: 1)) == 0x15)
    }

    @Test func img2TzIntoABufferTheModuleDoesNotHaveAnswersReceiveError() throws {
        var host = TestHost()
        host.module.place(try fingerNumber(3))
        _ = try host.code(.genImg)
        #expect(try host.code(.img2Tz(buffer: 3)) == 0x01)
        #expect(try host.code(.img2Tz(buffer: 0)) == 0x01)
    }

    @Test func r503ShapedModuleAcceptsSixBuffers() throws {
        var host = TestHost(.r503)
        host.module.place(try fingerNumber(3))
        _ = try host.code(.genImg)
        #expect(try host.code(.img2Tz(buffer: 6)) == 0x00)
        #expect(try host.code(.img2Tz(buffer: 7)) == 0x01)
    }

    @Test func upImageSendsTheFourBitImageOf256By288AsDataPackets() throws {
        var host = TestHost()
        host.module.place(try fingerNumber(9))
        _ = try host.code(.genImg)
        let upload = try host.upload(.upImage)
        #expect(upload.ack.code == 0x00)
        #expect(upload.data.count == 36_864)
        #expect(upload.packets.count == 36_864 / 128)
        #expect(upload.packets.last?.type == .endData)
        #expect(upload.packets.dropLast().allSatisfy { $0.type == .data && $0.payload.count == 128 })
        #expect(upload.data == (try fingerNumber(9)).image(geometry: .zfm))
    }

    @Test func upImageIsDeterministicPerFinger() throws {
        let a = try fingerNumber(9).image(geometry: .zfm)
        #expect(a == (try fingerNumber(9)).image(geometry: .zfm))
        #expect(a != (try fingerNumber(10)).image(geometry: .zfm))
    }

    @Test func upImageWithoutImageAnswers0F() throws {
        var host = TestHost()
        let upload = try host.upload(.upImage)
        #expect(upload.ack.code == 0x0F)
        #expect(upload.packets.isEmpty)
    }

    @Test func downImageOfAVirtualFingerImageConvertsToThatFingersTemplate() throws {
        var host = TestHost()
        #expect(try host.code(.downImage) == 0x00)
        let image = try fingerNumber(42).image(geometry: .zfm)
        #expect(try host.download(image).isEmpty)  // data packets are never acked
        #expect(try host.code(.img2Tz(buffer: 1)) == 0x00)
        #expect(host.module.buffers[0] == (try fingerNumber(42)).template(size: 512))
        #expect(try host.upload(.upImage).data == image)
    }

    @Test func downImageOfArbitraryPixelsIsTooMessyForImg2Tz() throws {
        var host = TestHost()
        _ = try host.code(.downImage)
        _ = try host.download([UInt8](repeating: 0x77, count: 36_864))
        #expect(try host.code(.img2Tz(buffer: 1)) == 0x06)
    }

    @Test func checkSensorSucceedsAndAnswers29UnderASensorFault() throws {
        var host = TestHost()
        #expect(try host.code(.checkSensor) == 0x00)
        host.module.arm(.sensor)
        #expect(try host.code(.checkSensor) == 0x29)
        #expect(try host.code(.checkSensor) == 0x00)
    }
}
