import Testing

@testable import HadirScanner

struct EF01AuraLedTests {
    @Test func breathingBlueEncodesToTheReferenceVector() {
        let setting = EF01AuraLed(control: .breathing, speed: 0x80, colour: .blue, cycles: 0)
        let bytes = setting.command.packet(address: 0xFFFF_FFFF).encoded()
        #expect(bytes == hexBytes("EF 01 FF FF FF FF 01 00 07 35 01 80 02 00 00 C0"))
    }

    @Test func everyControlAndColourRoundTripsThroughTheWire() throws {
        for control in EF01AuraLed.Control.allCases {
            for colour in EF01AuraLed.Colour.allCases {
                for (speed, cycles) in [(UInt8(0), UInt8(0)), (0x7F, 3), (0xFF, 0xFF)] {
                    let setting = EF01AuraLed(control: control, speed: speed, colour: colour, cycles: cycles)
                    var decoder = EF01FrameDecoder()
                    decoder.feed(setting.command.packet(address: 0xFFFF_FFFF).encoded())
                    let packet = try #require(try decoder.next())
                    let command = try EF01Command(packet: packet)
                    #expect(EF01AuraLed(command: command) == setting)
                    #expect(packet.payload == [0x35, control.rawValue, speed, colour.rawValue, cycles])
                }
            }
        }
    }

    @Test func bytesOutsideTheManualsTablesAreNoSetting() {
        for control: UInt8 in [0, 7, 0xFF] {
            #expect(EF01AuraLed(command: .auraLed(control: control, speed: 0, colour: 2, cycles: 0)) == nil)
        }
        for colour: UInt8 in [0, 8, 0xFF] {
            #expect(EF01AuraLed(command: .auraLed(control: 1, speed: 0, colour: colour, cycles: 0)) == nil)
        }
        #expect(EF01AuraLed(command: .checkSensor) == nil)
    }

    @Test func theInstructionTakesExactlyFourParameterBytes() {
        for count in [0, 3, 5] {
            let payload = [UInt8(0x35)] + Array(repeating: 1, count: count)
            #expect(throws: EF01CommandDecodingError.wrongParameterLength(instruction: .auraLed, expected: 4, received: count)) {
                try EF01Command(payload: payload)
            }
        }
    }
}
