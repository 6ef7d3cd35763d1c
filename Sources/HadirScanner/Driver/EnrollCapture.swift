/// The result of an enrollment on the module.
public enum EnrollCapture: Hashable, Sendable {
    /// The new template was stored in `slot`; `template` is its UpChar copy for the server.
    case stored(slot: UInt16, template: [UInt8])
    /// The finger is already enrolled in `slot` (under whoever owns it); nothing was stored.
    case alreadyEnrolled(slot: UInt16, score: UInt16)
}
