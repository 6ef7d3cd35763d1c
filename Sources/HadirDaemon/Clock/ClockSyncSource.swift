import HadirCore

/// Where the daemon learns whether the wall clock can be trusted: the kernel on a real board, a
/// file in system tests and containers.
public protocol ClockSyncSource: Sendable {
    /// What kind of source this is, for status and logs.
    var origin: ClockSyncOrigin { get }
    /// Reads the sync state now. Cheap enough to call for every punch.
    func read() -> ClockSyncReading
}

/// One read of a sync source.
public struct ClockSyncReading: Hashable, Sendable {
    public var status: ClockSyncStatus
    /// Why the source could not be read properly (it then says unsynchronized); nil when fine.
    public var problem: String?

    public init(status: ClockSyncStatus, problem: String? = nil) {
        self.status = status
        self.problem = problem
    }
}
