/// A misbehaviour the simulated module can be told to show, each one-shot or counted.
public enum FaultKind: String, CaseIterable, Hashable, Sendable {
    /// The next reply carries a wrong checksum (a noisy line).
    case checksum
    /// The next command is swallowed: no reply at all, and the command is not executed
    /// (the module "did not hear" it), so a retry is always safe.
    case timeout
    /// The next Store, DeletChar, Empty or AutoEnroll store fails with 0x18 (flash write error).
    case flash
    /// The next Store or AutoEnroll answers 0x1F (library full).
    case full
    /// Junk bytes are sent before the next reply (a glitching line or a rebooting module).
    case garbage
    /// CheckSensor answers 0x29 (sensor fault) and GenImg 0x03 (capture failed).
    case sensor
}
