import HadirFuzzSupport
import HadirUplink

/// Fuzzes everything the uplink reads from an ADMS server's bodies: the handshake option list, the
/// getrequest command lines (and each command's arguments), upload replies, and the value parsers.
/// Each input is read by all of them, as any body could reach any endpoint of a hostile server.
///
/// Input: one byte for the upload reply's status class, then the body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzADMS(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let statusCodes = [200, 201, 204, 299, 302, 403, 413, 500, 503]
    let statusCode = statusCodes[input.index(statusCodes.count)]
    let body = input.rest()
    ADMSHandshakeCheck.check(body)
    ADMSCommandCheck.check(body)
    ADMSValueCheck.checkUploadReply(statusCode: statusCode, body: body)
    ADMSValueCheck.checkValues(String(decoding: body.prefix(64), as: UTF8.self))
    return 0
}

@main enum ADMSFuzzer {
    static func main() { FuzzDriver.run(fuzzADMS) }
}
