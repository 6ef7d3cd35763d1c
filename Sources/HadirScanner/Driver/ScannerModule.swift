import HadirCore

/// One biometric module as the daemon drives it, whatever its protocol: the identify loop, the
/// technician's enrollment and the library upkeep. ``ScannerDriver`` (EF01 fingerprint) and
/// ``FaceScannerDriver`` (EFAA face) conform.
///
/// A "slot" is the module's own id for one enrolled finger or face: the EF01 library index, or
/// the EFAA user id. The store maps slots to employee PINs per modality.
public protocol ScannerModule: Actor {
    /// What the module reads; decides the verify method of the punches it makes.
    nonisolated var modality: BiometricModality { get }

    /// Opens the transport and checks the module answers; closes any open connection first, so
    /// this is also how to reconnect.
    func open() async throws(ScannerError) -> ScannerModuleInfo

    /// Closes the transport; later calls throw `.notConnected` until ``open()`` succeeds.
    func close() async

    /// Waits up to `timeout` for a finger or face and looks it up in the module's library.
    func identify(within timeout: Duration) async throws(ScannerError) -> IdentifyOutcome

    /// After a scan: waits until the finger is lifted (a face needs no wait), so one touch makes
    /// one punch. False when it is still there after `timeout`.
    func awaitRelease(timeout: Duration) async throws(ScannerError) -> Bool

    /// Enrolls one finger or face with the module's duplicate check, reporting stages as they
    /// happen. `label` is what the module may store with the enrollment (the PIN); `excludingSlots`
    /// are slots the module must not store into (modules that choose their own id ignore it).
    func enroll(
        label: String, excludingSlots: Set<UInt16>, progress: @escaping @Sendable (EnrollStage) -> Void
    ) async throws(ScannerError) -> EnrollCapture

    /// Deletes one enrollment from the module; deleting an empty slot succeeds.
    func delete(slot: UInt16) async throws(ScannerError)

    /// Every slot the module holds an enrollment in, ascending.
    func list() async throws(ScannerError) -> [UInt16]
}

/// What a module reported when it was opened.
public struct ScannerModuleInfo: Hashable, Sendable {
    /// How many enrollments the module can hold.
    public var capacity: Int
    /// One line for status and logs: firmware, serial, packet size.
    public var detail: String
    /// EF01 data packet size in bytes; nil for modules without template transfer.
    public var packetSize: Int?

    public init(capacity: Int, detail: String, packetSize: Int? = nil) {
        self.capacity = capacity
        self.detail = detail
        self.packetSize = packetSize
    }
}
