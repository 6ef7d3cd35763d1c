import HadirFuzzSupport
import HadirPull

/// Fuzzes what the pull server reads from a LAN client: the TCP stream framing, UDP datagrams, and
/// the record payloads inside requests.
///
/// Input: one settings byte (decoder limit), one chunking seed, then the bytes on the socket.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZKFrame(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    // The server's limit, or a small one so oversized frames are reached with small inputs.
    let maximum = input.bool() ? ZKTCPFrameDecoder.defaultMaximumPacketLength : 64
    let chunkSeed = input.byte()
    let stream = input.rest()
    ZKStreamCheck.decode(stream, maximumPacketLength: maximum, chunkSeed: chunkSeed) { packet in
        ZKRecordCheck.check(packet.payload)
    }
    ZKStreamCheck.checkDatagram(stream)
    return 0
}

@main enum ZKFrameFuzzer {
    static func main() { FuzzDriver.run(fuzzZKFrame) }
}
