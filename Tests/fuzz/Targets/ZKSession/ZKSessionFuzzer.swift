import HadirFuzzSupport
import HadirPull

/// Fuzzes the pull session state machine with scripts of events a hostile or broken client and
/// the kiosk can produce: requests (known and unknown codes, any payload and reply id), kiosk
/// answers, punches, ack timeouts, client ACK_OKs and disconnects. Every output is checked against
/// the protocol rules (``ZKSessionModel``).
///
/// Input: one settings byte (comm key, read-only, transport), two bytes of session id, then events.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZKSession(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let settings = input.byte()
    let configuration = ZKSessionConfiguration(
        commKey: settings & 1 == 0 ? 0 : ZKSessionScript.commKey, readOnly: settings & 2 != 0,
        transport: settings & 4 == 0 ? .tcp : .udp, device: ZKSessionScript.device)
    // Non-zero and at most 0x1FFF, as the server allocates them.
    let sessionID = input.uint16() % 0x1FFF + 1
    var session = ZKSessionStateMachine(configuration: configuration, sessionID: sessionID)
    var model = ZKSessionModel(configuration: configuration, sessionID: sessionID)
    var steps = 0
    while !input.isAtEnd, steps < ZKSessionScript.maximumSteps {
        steps += 1
        let event = ZKSessionScript.event(&input, model)
        model.step(event, on: &session)
    }
    return 0
}

@main enum ZKSessionFuzzer {
    static func main() { FuzzDriver.run(fuzzZKSession) }
}
