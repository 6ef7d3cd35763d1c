import HadirFuzzSupport
import HadirScanner

/// Fuzzes what hadird reads from a fingerprint module: EF01 frames from a serial line, the replies
/// inside them, and the data packets of a template or image transfer.
///
/// Input: one settings byte (decoder limit), one chunking seed, one assembler-limit byte, then the
/// bytes as the module would send them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEF01(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let maxPayload = EF01Packet.dataPacketSizes[input.index(EF01Packet.dataPacketSizes.count)]
    let chunkSeed = input.byte()
    let assemblerLimit = Int(input.byte()) * 8
    let stream = input.rest()

    var assembler = EF01TransferCheck(maxBytes: assemblerLimit)
    EF01StreamCheck.decode(stream, maxPayload: maxPayload, chunkSeed: chunkSeed) { packet in
        EF01PacketCheck.check(packet)
        assembler.add(packet)
    }
    EF01TransferCheck.checkSplitAndJoin(stream, packetSize: maxPayload)
    return 0
}

@main enum EF01Fuzzer {
    static func main() { FuzzDriver.run(fuzzEF01) }
}
