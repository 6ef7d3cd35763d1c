import Testing

@testable import HadirScanner

/// The incremental decoder: resynchronisation, parity, size limits and truncation.
struct EFAAFrameDecoderTests {
    let ready = hexBytes("EF AA 01 00 01 00 00")
    let rejected = hexBytes("EF AA 00 00 02 12 01 11")

    @Test func framesSplitAnywhereAreReassembledAfterNoise() throws {
        let stream = [0x00, 0xEF, 0x55] + ready + rejected
        for split in 0...stream.count {
            var decoder = EFAAFrameDecoder()
            var frames: [EFAAFrame] = []
            for part in [Array(stream[..<split]), Array(stream[split...])] {
                decoder.feed(part)
                while let frame = try decoder.next() { frames.append(frame) }
            }
            #expect(frames.map(\.encoded) == [ready, rejected], "split at \(split)")
            #expect(decoder.discardedByteCount == 3)
            #expect(decoder.bufferedByteCount == 0)
        }
    }

    @Test func badParityDropsTheFrameAndTheNextOneStillDecodes() throws {
        var corrupt = rejected
        corrupt[6] ^= 0x40
        var decoder = EFAAFrameDecoder()
        decoder.feed(corrupt + ready)
        #expect(throws: EFAAFrameError.badParity(expected: 0x51, received: 0x11)) { try decoder.next() }
        #expect(try decoder.next()?.encoded == ready)
        #expect(decoder.discardedByteCount == corrupt.count)
    }

    @Test func oversizeDropsOnlyTheSyncWord() throws {
        var decoder = EFAAFrameDecoder(maximumDataLength: 64)
        // Size 0x1000 announced: the frame's extent cannot be trusted, so resync right after EF AA.
        decoder.feed(hexBytes("EF AA 02 10 00") + ready)
        #expect(throws: EFAAFrameError.sizeTooLarge(0x1000)) { try decoder.next() }
        #expect(try decoder.next()?.encoded == ready)
    }

    @Test func wholeFrameDecodingNamesTruncationTrailingBytesAndMissingSync() {
        #expect(throws: EFAAFrameError.truncated(needed: 8, received: 7)) { try EFAAFrame.decode(Array(rejected.dropLast())) }
        #expect(throws: EFAAFrameError.truncated(needed: 5, received: 3)) { try EFAAFrame.decode([0xEF, 0xAA, 0x00]) }
        #expect(throws: EFAAFrameError.trailingBytes(1)) { try EFAAFrame.decode(rejected + [0x00]) }
        #expect(throws: EFAAFrameError.missingSync) { try EFAAFrame.decode([0x00] + rejected) }
        #expect(throws: EFAAFrameError.sizeTooLarge(65_536)) { try EFAAFrame(messageID: 2, data: Array(repeating: 0, count: 65_536)) }
    }

    @Test func resetForgetsAPartialFrame() throws {
        var decoder = EFAAFrameDecoder()
        decoder.feed(rejected.prefix(4))
        #expect(try decoder.next() == nil)
        decoder.reset()
        decoder.feed(ready)
        #expect(try decoder.next()?.encoded == ready)
        #expect(decoder.discardedByteCount == 4)
    }
}
