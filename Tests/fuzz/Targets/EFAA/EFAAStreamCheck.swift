import HadirFuzzSupport
import HadirScanner

/// The frame decoder's contract, checked call by call on a stream fed in arbitrary pieces: no
/// stall, exact re-encoding, errors consume only discarded bytes, bounded buffering, every byte
/// accounted for.
enum EFAAStreamCheck {
    static func decode(_ stream: [UInt8], maximumDataLength: Int, chunkSeed: UInt8, onFrame: (EFAAFrame) -> Void) {
        var decoder = EFAAFrameDecoder(maximumDataLength: maximumDataLength)
        let largestFrame = EFAAFrame.minimumLength + decoder.maximumDataLength
        var fed = 0
        var decodedBytes = 0
        for chunk in FuzzChunks.split(stream, seed: chunkSeed) {
            decoder.feed(chunk)
            fed += chunk.count
            while true {
                let bufferedBefore = decoder.bufferedByteCount
                let discardedBefore = decoder.discardedByteCount
                let frame: EFAAFrame?
                do {
                    frame = try decoder.next()
                } catch {
                    let consumed = bufferedBefore - decoder.bufferedByteCount
                    fuzzCheck(consumed > 0, "error \(error) consumed nothing")
                    fuzzCheck(decoder.discardedByteCount - discardedBefore == consumed, "error \(error): consumed bytes not discarded")
                    continue
                }
                guard let frame else {
                    fuzzCheck(
                        decoder.bufferedByteCount < largestFrame,
                        "\(decoder.bufferedByteCount) bytes buffered with nothing to decode (frame limit \(largestFrame))")
                    break
                }
                let encoded = frame.encoded
                let end = fed - decoder.bufferedByteCount
                fuzzCheck(frame.data.count <= decoder.maximumDataLength, "frame of \(frame.data.count) data bytes passed the limit")
                fuzzCheck(end - encoded.count >= 0, "frame longer than the bytes consumed")
                fuzzCheck(Array(stream[(end - encoded.count)..<end]) == encoded, "frame re-encodes differently from its bytes")
                fuzzCheck(
                    bufferedBefore - decoder.bufferedByteCount == encoded.count + decoder.discardedByteCount - discardedBefore,
                    "bytes consumed with a frame are neither the frame nor discarded")
                decodedBytes += encoded.count
                onFrame(frame)
            }
        }
        fuzzCheck(
            decodedBytes + decoder.discardedByteCount + decoder.bufferedByteCount == stream.count,
            "accounted \(decodedBytes) + \(decoder.discardedByteCount) + \(decoder.bufferedByteCount) of \(stream.count) bytes")
    }
}
