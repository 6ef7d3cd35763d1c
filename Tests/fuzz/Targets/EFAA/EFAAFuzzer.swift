import HadirFuzzSupport
import HadirScanner

/// Fuzzes what hadird reads from a face module (EFAA frames, REPLY/NOTE/IMAGE messages) and what
/// the simulator reads from hadird (commands).
///
/// Input: two bytes of decoder limit, one chunking seed, then the bytes on the UART.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEFAA(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    // Mostly the daemon's own limit; sometimes a small one so the size check is reached.
    let limitByte = input.byte()
    let maximumDataLength = limitByte < 128 ? 4096 : Int(limitByte - 128) * 4
    let chunkSeed = input.byte()
    let stream = input.rest()
    EFAAStreamCheck.decode(stream, maximumDataLength: maximumDataLength, chunkSeed: chunkSeed) { frame in
        EFAAMessageCheck.check(frame)
    }
    EFAAMessageCheck.checkWholeFrame(stream)
    return 0
}

@main enum EFAAFuzzer {
    static func main() { FuzzDriver.run(fuzzEFAA) }
}
