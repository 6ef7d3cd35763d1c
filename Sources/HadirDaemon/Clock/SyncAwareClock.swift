import HadirCore

/// The recorder's clock: the board's clocks, with the quality (and, for a file source, the offset
/// to the true time) taken from the sync source rather than the raw kernel flag, so a test source
/// drives what punches are flagged with.
public struct SyncAwareClock: ClockSource {
    let base: SystemClock
    let source: any ClockSyncSource
    let serverTrust: ServerClockTrust

    public init(base: SystemClock, source: any ClockSyncSource, serverTrust: ServerClockTrust) {
        self.base = base
        self.source = source
        self.serverTrust = serverTrust
    }

    public var bootID: String { base.bootID }

    public func now() -> ClockReading {
        var reading = base.now()
        let status = source.read().status
        reading.utcMilliseconds += status.offsetMilliseconds
        reading.quality = status.isSynchronized || serverTrust.isTrusted ? .synced : .unsynced
        return reading
    }

    /// One sample for the clock-integrity poll: the raw wall clock, the monotonic clock and the source.
    func sample() -> (sample: ClockSample, problem: String?) {
        let reading = base.now()
        let sync = source.read()
        return (
            ClockSample(
                wallMilliseconds: reading.utcMilliseconds, monotonicNanoseconds: reading.monotonicNanoseconds, bootID: reading.bootID,
                sync: sync.status),
            sync.problem
        )
    }
}
