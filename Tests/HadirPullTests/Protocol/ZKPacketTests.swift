import HadirPull
import Testing

struct ZKPacketTests {
    @Test func encodesConnectForTCPAsReferenceBytes() {
        let connect = ZKPacket(command: .connect, sessionID: 0, replyID: 0)
        #expect(connect.encodedForTCP() == ProtocolHex.bytes("50 50 82 7D 08 00 00 00 E8 03 17 FC 00 00 00 00"))
        #expect(connect.encoded() == ProtocolHex.bytes("E8 03 17 FC 00 00 00 00"))
    }

    @Test func encodesOptionsReadAsReferenceBytes() {
        let packet = ZKPacket(command: .optionsRead, sessionID: 0xC0C5, replyID: 5, payload: Array("~OS".utf8) + [0])
        #expect(packet.encoded() == ProtocolHex.bytes("0B 00 58 EF C5 C0 05 00 7E 4F 53 00"))
        #expect(packet.expectedChecksum == 0xEF58)
    }

    @Test func encodesAckOKAsReferenceBytes() {
        let ack = ZKPacket(command: .ackOK, sessionID: 0x04D2, replyID: 0)
        #expect(ack.encoded() == ProtocolHex.bytes("D0 07 5D F3 D2 04 00 00"))
    }

    @Test func encodesAuthPacketAsReferenceBytes() {
        let auth = ZKPacket(
            command: .auth, sessionID: 0x04D2, replyID: 1, payload: ZKCommKey.make(key: 123_456, sessionID: 0x04D2))
        #expect(auth.encoded() == ProtocolHex.bytes("4E 04 85 7A D2 04 01 00 26 7F 32 FD"))
    }

    @Test func appendingEncodersAddExactlyTheEncodedBytes() {
        let packet = ZKPacket(command: .data, sessionID: 7, replyID: 9, payload: [1, 2, 3, 4, 5])
        var buffer: [UInt8] = [0xAA]
        packet.encode(into: &buffer)
        #expect(buffer == [0xAA] + packet.encoded())
        var tcp: [UInt8] = [0xBB, 0xCC]
        packet.encodeForTCP(into: &tcp)
        #expect(tcp == [0xBB, 0xCC] + packet.encodedForTCP())
        #expect(packet.encodedForTCP() == ZKPacket.tcpMagic + [13, 0, 0, 0] + packet.encoded())
    }

    @Test func builtPacketsHaveNoReceivedChecksumAndCountAsValid() {
        let packet = ZKPacket(command: .getTime, sessionID: 1, replyID: 2)
        #expect(packet.receivedChecksum == nil)
        #expect(packet.hasValidChecksum)
        #expect(packet.payload.isEmpty)
    }

    @Test func decodedDatagramKeepsFieldsAndReceivedChecksum() throws {
        let sent = ZKPacket(command: .readBuffer, sessionID: 0x1FFF, replyID: 65_534, payload: [0, 0, 0, 0, 0xC0, 0xFF, 0, 0])
        let received = try ZKPacket.decode(datagram: sent.encoded())
        #expect(received.command == .readBuffer)
        #expect(received.sessionID == 0x1FFF)
        #expect(received.replyID == 65_534)
        #expect(received.payload == sent.payload)
        #expect(received.receivedChecksum == sent.expectedChecksum)
        #expect(received.hasValidChecksum)
        #expect(received.encoded() == sent.encoded())
    }

    @Test func decodesHeaderOnlyDatagram() throws {
        let packet = try ZKPacket.decode(datagram: ProtocolHex.bytes("E8 03 17 FC 00 00 00 00"))
        #expect(packet.command == .connect)
        #expect(packet.payload.isEmpty)
        #expect(packet.hasValidChecksum)
    }

    @Test func badChecksumIsKeptNotRejected() throws {
        var bytes = ProtocolHex.bytes("0B 00 58 EF C5 C0 05 00 7E 4F 53 00")
        bytes[2] = 0x00
        let packet = try ZKPacket.decode(datagram: bytes)
        #expect(packet.command == .optionsRead)
        #expect(packet.receivedChecksum == 0xEF00)
        #expect(packet.expectedChecksum == 0xEF58)
        #expect(!packet.hasValidChecksum)
        // Re-encoding always writes the correct checksum.
        #expect(packet.encoded() == ProtocolHex.bytes("0B 00 58 EF C5 C0 05 00 7E 4F 53 00"))
    }

    @Test func datagramsShorterThanTheHeaderAreTruncated() {
        for length in 0..<ZKPacket.headerLength {
            #expect(throws: ZKFrameError.truncated(length: length)) {
                try ZKPacket.decode(datagram: [UInt8](repeating: 0xE8, count: length))
            }
        }
    }

    @Test func decodesFromSlicesWithNonZeroStartIndex() throws {
        let bytes = [0xFF, 0xFF] + ProtocolHex.bytes("D0 07 5D F3 D2 04 00 00")
        let packet = try ZKPacket.decode(datagram: bytes[2...])
        #expect(packet.command == .ackOK)
        #expect(packet.sessionID == 0x04D2)
        #expect(packet.hasValidChecksum)
    }

    @Test func frameErrorsDescribeThemselves() {
        #expect(ZKFrameError.badMagic([0x47, 0x45, 0x54, 0x20]).description.contains("47 45 54 20"))
        #expect(ZKFrameError.oversized(length: 9_999_999, limit: 1_048_576).description.contains("9999999"))
        #expect(ZKFrameError.truncated(length: 3).description.contains("3 bytes"))
    }
}
