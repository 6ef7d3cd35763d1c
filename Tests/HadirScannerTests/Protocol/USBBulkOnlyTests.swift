import HadirCore
import Testing

@testable import HadirScanner

/// The bulk-only wrappers of native-USB EF01 modules, on byte sequences written out by hand from
/// the reference (§1); no hardware capture was available.
struct USBBulkOnlyTests {
    /// GetImage (01) as an EF01 packet to the default address.
    static let getImage: [UInt8] = [0xEF, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x00, 0x03, 0x01, 0x00, 0x05]

    @Test func sendingAPacketIsACommandWrapperWithVendorCommand86() {
        let wrapper = USBBulkOnlyCommand(tag: 0x1234_5678, transferLength: 12, operation: .sendPacket).encoded()
        #expect(
            wrapper == [
                0x55, 0x53, 0x42, 0x43, 0x78, 0x56, 0x34, 0x12, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x86, 0x00,
            ] + [UInt8](repeating: 0, count: 14))
        #expect(wrapper.count == 31)
    }

    @Test func receivingIsAnInboundWrapperWithVendorCommand85() {
        let wrapper = USBBulkOnlyCommand(tag: 7, transferLength: 64, operation: .receive).encoded()
        #expect(Array(wrapper[0..<17]) == [0x55, 0x53, 0x42, 0x43, 7, 0, 0, 0, 64, 0, 0, 0, 0x80, 0x00, 0x0A, 0x85, 0x00])
    }

    @Test func commandWrappersRoundTrip() throws {
        for operation in [USBBulkOnlyCommand.Operation.sendPacket, .receive] {
            let command = USBBulkOnlyCommand(tag: 0xFFFF_FFFF, transferLength: 512, operation: operation)
            #expect(try USBBulkOnlyCommand.decode(command.encoded()) == command)
        }
    }

    @Test func malformedCommandWrappersAreTypedErrors() {
        var wrapper = USBBulkOnlyCommand(tag: 1, transferLength: 12, operation: .sendPacket).encoded()
        #expect(throws: USBBulkOnlyError.wrongLength(what: "command wrapper", expected: 31, actual: 30)) {
            try USBBulkOnlyCommand.decode(Array(wrapper.dropLast()))
        }
        wrapper[12] = 0x80
        #expect(throws: USBBulkOnlyError.directionMismatch(operation: 0x86, flags: 0x80)) { try USBBulkOnlyCommand.decode(wrapper) }
        wrapper[15] = 0x12
        #expect(throws: USBBulkOnlyError.unknownOperation(0x12)) { try USBBulkOnlyCommand.decode(wrapper) }
        wrapper[0] = 0x00
        #expect(throws: USBBulkOnlyError.badSignature([0x00, 0x53, 0x42, 0x43])) { try USBBulkOnlyCommand.decode(wrapper) }
    }

    @Test func aPassedStatusForTheSameTagIsAccepted() throws {
        let bytes: [UInt8] = [0x55, 0x53, 0x42, 0x53, 9, 0, 0, 0, 0, 0, 0, 0, 0]
        #expect(try USBBulkOnlyStatus.decode(bytes, expectedTag: 9) == USBBulkOnlyStatus(tag: 9))
        #expect(USBBulkOnlyStatus(tag: 9).encoded() == bytes)
    }

    @Test func failedPhaseErrorAndForeignStatusesAreTypedErrors() {
        let failed = USBBulkOnlyStatus(tag: 3, residue: 12, outcome: .failed).encoded()
        #expect(throws: USBBulkOnlyError.commandFailed(tag: 3, residue: 12)) { try USBBulkOnlyStatus.decode(failed, expectedTag: 3) }
        let phase = USBBulkOnlyStatus(tag: 3, outcome: .phaseError).encoded()
        #expect(throws: USBBulkOnlyError.phaseError(tag: 3)) { try USBBulkOnlyStatus.decode(phase, expectedTag: 3) }
        #expect(throws: USBBulkOnlyError.tagMismatch(expected: 4, actual: 3)) {
            try USBBulkOnlyStatus.decode(USBBulkOnlyStatus(tag: 3).encoded(), expectedTag: 4)
        }
        var unknown = USBBulkOnlyStatus(tag: 3).encoded()
        unknown[12] = 7
        #expect(throws: USBBulkOnlyError.unknownStatus(7)) { try USBBulkOnlyStatus.decode(unknown, expectedTag: 3) }
        #expect(throws: USBBulkOnlyError.wrongLength(what: "status wrapper", expected: 13, actual: 0)) {
            try USBBulkOnlyStatus.decode([], expectedTag: 3)
        }
    }

    @Test func aCommandStepIsWrapperPacketStatusThenWrapperAckStatus() throws {
        let send = USBBulkOnlyExchange.send(Self.getImage, tag: 1)
        #expect(send.count == 3)
        guard case .write(let wrapper) = send[0] else {
            Issue.record("first transfer is not a write")
            return
        }
        #expect(try USBBulkOnlyCommand.decode(wrapper).transferLength == 12)
        #expect(send[1] == .write(Self.getImage))
        #expect(send[2] == .read(13))
        #expect(USBBulkOnlyExchange.receive(tag: 2)[1] == .read(64))
        // UpChar over USB: 512 raw template bytes, no EF01 data packets.
        #expect(USBBulkOnlyExchange.receive(length: USBBulkOnlyExchange.rawTemplateLength, tag: 3)[1] == .read(512))
    }

    @Test func randomBytesNeverCrashTheWrapperDecoders() {
        var random = SplitMix64(seed: 0x5553_4243)
        for _ in 0..<5_000 {
            var bytes = random.bytes(random.count(in: 0...40))
            if bytes.count >= 4, random.next() % 2 == 0 { bytes.replaceSubrange(0..<4, with: Array("USBC".utf8)) }
            _ = try? USBBulkOnlyCommand.decode(bytes)
            _ = try? USBBulkOnlyStatus.decode(bytes, expectedTag: UInt32(truncatingIfNeeded: random.next()))
        }
    }
}
