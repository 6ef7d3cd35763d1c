import HadirFuzzSupport
import HadirScanner

/// The frame decoder's contract, checked call by call on a stream fed in arbitrary pieces.
enum EF01StreamCheck {
    /// Decodes `stream` and hands every packet to `onPacket`, checking after each call that:
    /// - every call that returns a packet or throws consumes bytes (no stall);
    /// - a packet's re-encoding is exactly the bytes it was decoded from, and its payload is within the limit;
    /// - an error consumes only discarded bytes;
    /// - once `next()` returns nil, less than one whole frame is buffered;
    /// - at the end, packets + discarded + buffered account for every byte fed.
    static func decode(_ stream: [UInt8], maxPayload: Int, chunkSeed: UInt8, onPacket: (EF01Packet) -> Void) {
        var decoder = EF01FrameDecoder(maxPayload: maxPayload)
        var fed = 0
        var decodedBytes = 0
        for chunk in FuzzChunks.split(stream, seed: chunkSeed) {
            decoder.feed(chunk)
            fed += chunk.count
            while true {
                let bufferedBefore = decoder.bufferedByteCount
                let discardedBefore = decoder.discardedByteCount
                let packet: EF01Packet?
                do {
                    packet = try decoder.next()
                } catch {
                    let consumed = bufferedBefore - decoder.bufferedByteCount
                    fuzzCheck(consumed > 0, "error \(error) consumed nothing")
                    fuzzCheck(
                        decoder.discardedByteCount - discardedBefore == consumed,
                        "error \(error): \(consumed) bytes consumed but \(decoder.discardedByteCount - discardedBefore) discarded")
                    continue
                }
                guard let packet else {
                    fuzzCheck(
                        decoder.bufferedByteCount < decoder.maxFrameLength,
                        "\(decoder.bufferedByteCount) bytes buffered with nothing to decode (frame limit \(decoder.maxFrameLength))")
                    break
                }
                let encoded = packet.encoded()
                let end = fed - decoder.bufferedByteCount
                fuzzCheck(packet.payload.count <= maxPayload, "payload of \(packet.payload.count) bytes passed the limit \(maxPayload)")
                fuzzCheck(end - encoded.count >= 0, "packet longer than the bytes consumed")
                fuzzCheck(
                    Array(stream[(end - encoded.count)..<end]) == encoded, "packet re-encodes differently from the bytes it came from")
                fuzzCheck(
                    bufferedBefore - decoder.bufferedByteCount == encoded.count + decoder.discardedByteCount - discardedBefore,
                    "bytes consumed with a packet are neither the frame nor discarded")
                decodedBytes += encoded.count
                onPacket(packet)
            }
        }
        fuzzCheck(
            decodedBytes + decoder.discardedByteCount + decoder.bufferedByteCount == stream.count,
            "accounted \(decodedBytes) + \(decoder.discardedByteCount) + \(decoder.bufferedByteCount) of \(stream.count) bytes")
    }
}
