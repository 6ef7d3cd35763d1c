import HadirFuzzSupport
import HadirPull

/// The TCP decoder's contract on a stream fed in arbitrary pieces, and the datagram decoder's.
enum ZKStreamCheck {
    /// Checks after each call that:
    /// - a packet re-encodes to exactly the bytes it came from, its checksum aside (reported, not
    ///   rejected), and fits the limit;
    /// - after an error the decoder holds nothing and keeps throwing that same error;
    /// - once `next()` returns nil, less than one whole frame is buffered;
    /// - until an error, packets + buffered bytes account for every byte fed (no resynchronising).
    static func decode(_ stream: [UInt8], maximumPacketLength: Int, chunkSeed: UInt8, onPacket: (ZKPacket) -> Void) {
        var decoder = ZKTCPFrameDecoder(maximumPacketLength: maximumPacketLength)
        var fed = 0
        var decodedBytes = 0
        var failure: ZKFrameError?
        for chunk in FuzzChunks.split(stream, seed: chunkSeed, largest: 300) {
            decoder.append(chunk)
            fed += chunk.count
            while failure == nil {
                let packet: ZKPacket?
                do {
                    packet = try decoder.next()
                } catch {
                    failure = error
                    fuzzCheck(decoder.bufferedByteCount == 0, "failed decoder still holds \(decoder.bufferedByteCount) bytes")
                    fuzzCheck(decoder.failure == error, "failure \(String(describing: decoder.failure)) is not the error thrown")
                    break
                }
                guard let packet else {
                    fuzzCheck(
                        decoder.bufferedByteCount < ZKPacket.tcpPrefixLength + maximumPacketLength,
                        "\(decoder.bufferedByteCount) bytes buffered with nothing to decode")
                    break
                }
                let frame = packet.encodedForTCP()
                let start = decodedBytes
                decodedBytes += frame.count
                fuzzCheck(packet.encoded().count <= maximumPacketLength, "packet of \(packet.encoded().count) bytes passed the limit")
                fuzzCheck(decodedBytes <= fed, "packet longer than the bytes fed")
                fuzzCheck(
                    withChecksum(frame, at: 10, packet.receivedChecksum) == Array(stream[start..<decodedBytes]),
                    "packet re-encodes differently from the bytes it came from")
                fuzzCheck(
                    packet.hasValidChecksum == (packet.receivedChecksum == packet.expectedChecksum), "checksum validity misreported")
                onPacket(packet)
            }
            if failure == nil {
                fuzzCheck(decodedBytes + decoder.bufferedByteCount == fed, "\(fed) bytes fed, \(decodedBytes) decoded")
            }
        }
        if let failure {
            decoder.append([0x50, 0x50, 0x82, 0x7D])
            fuzzCheck(decoder.bufferedByteCount == 0, "a failed decoder took more bytes")
            do {
                _ = try decoder.next()
                fuzzCheck(false, "a failed decoder decoded again")
            } catch {
                fuzzCheck(error == failure, "a failed decoder changed its error from \(failure) to \(error)")
            }
        }
    }

    /// A datagram is a packet from 8 bytes on, re-encoding to itself with a corrected checksum.
    static func checkDatagram(_ bytes: [UInt8]) {
        do {
            let packet = try ZKPacket.decode(datagram: bytes)
            fuzzCheck(withChecksum(packet.encoded(), at: 2, packet.receivedChecksum) == bytes, "datagram re-encodes differently")
        } catch {
            fuzzCheck(error == .truncated(length: bytes.count) && bytes.count < ZKPacket.headerLength, "datagram refused: \(error)")
        }
    }

    /// `bytes` with the little-endian checksum at `offset` replaced by `checksum`.
    static func withChecksum(_ bytes: [UInt8], at offset: Int, _ checksum: UInt16?) -> [UInt8] {
        guard let checksum, bytes.count >= offset + 2 else { return bytes }
        var bytes = bytes
        bytes[offset] = UInt8(truncatingIfNeeded: checksum)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: checksum >> 8)
        return bytes
    }
}
