import Testing

@testable import HadirScanner

struct EF01CommandTests {
    /// One command per instruction, with parameters chosen so every byte position is distinct.
    static let samples: [EF01Command] = [
        .genImg, .img2Tz(buffer: 2), .match, .search(buffer: 1, start: 0x0102, count: 0x0304),
        .regModel, .store(buffer: 2, slot: 0x0A0B), .loadChar(buffer: 1, slot: 0x0C0D),
        .upChar(buffer: 1), .downChar(buffer: 2), .upImage, .downImage,
        .deleteChar(slot: 0x1234, count: 0x0001), .empty, .setSysPara(parameter: 6, value: 3),
        .readSysPara, .setPassword(0xDEAD_BEEF), .verifyPassword(0x0000_0001),
        .setAddress(0x1234_5678), .hiSpeedSearch(buffer: 2, start: 0x0010, count: 0x03E8),
        .templateCount, .readIndexTable(page: 3),
        .autoEnroll(
            slot: 0x00C7, allowOverwrite: true, allowDuplicate: false, reportSteps: true, requireLift: false),
        .autoIdentify(securityLevel: 3, start: 0x0001, count: 0x00C8, config: 1, retries: 2),
        .auraLed(control: 1, speed: 0x80, colour: 2, cycles: 0), .checkSensor, .softReset, .handshake,
    ]

    @Test func samplesCoverEveryInstruction() {
        #expect(Set(Self.samples.map(\.instruction)) == Set(EF01Instruction.allCases))
        #expect(EF01Instruction.allCases.count == 27)
    }

    @Test func instructionsMatchTheReferenceOpcodes() {
        let opcodes: [UInt8] =
            Array(0x01...0x0F) + [0x12, 0x13, 0x15, 0x1B, 0x1D, 0x1F, 0x31, 0x32, 0x35, 0x36, 0x3D, 0x40]
        #expect(EF01Instruction.allCases.map(\.rawValue) == opcodes)
    }

    @Test("command payload round-trips through decoding", arguments: samples)
    func payloadRoundTrip(_ command: EF01Command) throws {
        let payload = command.payload
        #expect(payload.first == command.instruction.rawValue)
        #expect(payload.count == 1 + command.instruction.parameterLength)
        #expect(try EF01Command(payload: payload) == command)
        #expect(try EF01Command(packet: command.packet(address: 0xFFFF_FFFF)) == command)
    }

    @Test func parametersAreBigEndianInManualOrder() {
        #expect(EF01Command.search(buffer: 1, start: 0x0102, count: 0x0304).payload == [0x04, 1, 1, 2, 3, 4])
        #expect(EF01Command.deleteChar(slot: 0x1234, count: 1).payload == [0x0C, 0x12, 0x34, 0, 1])
        #expect(EF01Command.setAddress(0x1234_5678).payload == [0x15, 0x12, 0x34, 0x56, 0x78])
        #expect(
            EF01Command.autoEnroll(
                slot: 0x00C7, allowOverwrite: true, allowDuplicate: false, reportSteps: true, requireLift: false
            ).payload == [0x31, 0x00, 0xC7, 1, 0, 1, 0])
        #expect(
            EF01Command.autoIdentify(securityLevel: 3, start: 1, count: 200, config: 1, retries: 2).payload
                == [0x32, 3, 0, 1, 0, 200, 1, 2])
        #expect(EF01Command.readIndexTable(page: 2).payload == [0x1F, 2])
    }

    @Test func emptyPayloadIsRejected() {
        #expect(throws: EF01CommandDecodingError.empty) { try EF01Command(payload: []) }
    }

    @Test func unknownOpcodesAreRejected() {
        let known = Set(EF01Instruction.allCases.map(\.rawValue))
        for code in UInt8.min...UInt8.max where !known.contains(code) {
            #expect(throws: EF01CommandDecodingError.unknownInstruction(code)) {
                try EF01Command(payload: [code])
            }
        }
    }

    @Test("wrong parameter lengths are rejected", arguments: EF01Instruction.allCases)
    func wrongParameterLengthIsRejected(_ instruction: EF01Instruction) {
        let expected = instruction.parameterLength
        for received in [expected + 1, expected - 1] where received >= 0 {
            let payload = [instruction.rawValue] + [UInt8](repeating: 0, count: received)
            #expect(
                throws: EF01CommandDecodingError.wrongParameterLength(
                    instruction: instruction, expected: expected, received: received)
            ) { try EF01Command(payload: payload) }
        }
    }

    @Test func nonCommandPacketIsRejected() {
        let packet = EF01Acknowledgement(code: 0).packet(address: 0xFFFF_FFFF)
        #expect(throws: EF01CommandDecodingError.notACommand(.acknowledge)) { try EF01Command(packet: packet) }
    }

    @Test func autoEnrollFlagsReadNonZeroAsTrue() throws {
        let command = try EF01Command(payload: [0x31, 0, 5, 2, 0, 0xFF, 0])
        #expect(
            command
                == .autoEnroll(
                    slot: 5, allowOverwrite: true, allowDuplicate: false, reportSteps: true, requireLift: false))
    }

    @Test func instructionNamesFollowTheManuals() {
        #expect(EF01Instruction.deleteChar.name == "DeletChar")
        #expect(EF01Instruction.verifyPassword.name == "VfyPwd")
        #expect(Set(EF01Instruction.allCases.map(\.name)).count == EF01Instruction.allCases.count)
    }
}
