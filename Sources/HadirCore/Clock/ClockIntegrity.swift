/// The kiosk's judgement of its own clock, fed samples of the wall and monotonic clocks and of the
/// sync source; pure, so every clock fault can be replayed in a test.
///
/// - Sync: the clock is trusted while the source vouches for it, or once a server's time was
///   accepted this boot (`authority = "server"`). Each sync arrival yields a ``SyncReference``
///   from which unsynced punches of the same boot are re-derived (see ``ClockCorrection``).
/// - Jumps: within one boot, the true time minus the monotonic time is constant unless the wall
///   clock is stepped. A drop of more than ``jumpThresholdMilliseconds`` between two samples is a
///   backward jump; a rise is a forward step. NTP slews far more slowly than the threshold.
public struct ClockIntegrity: Hashable, Sendable {
    /// Large enough to ignore slewing and poll jitter between two samples, small enough to catch a
    /// hand-set clock or a server step.
    public static let defaultJumpThresholdMilliseconds: Int64 = 1_500

    /// The kind of source the samples' sync status comes from.
    public let sourceOrigin: ClockSyncOrigin
    public let jumpThresholdMilliseconds: Int64
    /// The boot the state describes; nil before the first sample.
    public private(set) var bootID: String?
    /// The source vouched for the clock in the last sample.
    public private(set) var sourceSynchronized = false
    /// A server's time was accepted in this boot; it stays trusted until the next boot.
    public private(set) var serverSynchronized = false
    /// The freshest moment the true time was known in this boot; nil while never synced.
    public private(set) var reference: SyncReference?
    /// Backward jumps seen in this boot.
    public private(set) var backwardJumps = 0
    public private(set) var lastBackwardJump: BackwardJump?
    /// True time minus monotonic time at the last sample, in milliseconds.
    private var lastOffset: Int64?

    public init(sourceOrigin: ClockSyncOrigin, jumpThresholdMilliseconds: Int64 = Self.defaultJumpThresholdMilliseconds) {
        self.sourceOrigin = sourceOrigin
        self.jumpThresholdMilliseconds = max(1, jumpThresholdMilliseconds)
    }

    /// Whether punches taken now count as `synced`.
    public var isSynchronized: Bool { sourceSynchronized || serverSynchronized }

    /// Who vouches for the clock now (the source before a server); nil while unsynced.
    public var origin: ClockSyncOrigin? {
        if sourceSynchronized { return sourceOrigin }
        return serverSynchronized ? .server : nil
    }

    /// Takes one poll's sample and returns what changed.
    public mutating func observe(_ sample: ClockSample) -> [ClockIntegrityEvent] {
        let firstOfBoot = sample.bootID != bootID
        if firstOfBoot { startBoot(sample.bootID) }
        let wasSynchronized = isSynchronized
        sourceSynchronized = sample.sync.isSynchronized
        var events: [ClockIntegrityEvent] = []
        if isSynchronized, let origin {
            // Refreshed on every trusted sample: the freshest truth re-derives stragglers best.
            reference = SyncReference(
                trueUTCMilliseconds: sample.trueMilliseconds, monotonicNanoseconds: sample.monotonicNanoseconds,
                bootID: sample.bootID, origin: origin)
        }
        if firstOfBoot {
            events.append(reference.map(ClockIntegrityEvent.synchronized) ?? .startedUnsynchronized)
        } else if !wasSynchronized, let reference, isSynchronized {
            events.append(.synchronized(reference))
        } else if wasSynchronized, !isSynchronized {
            events.append(.lostSynchronization)
        }
        events += detectJump(sample)
        return events
    }

    /// A server's time was accepted (`authority = "server"`): `trueUTCMilliseconds` was the true
    /// time at `monotonicNanoseconds` of boot `bootID`. Counts as sync arrival until the next boot.
    public mutating func serverTimeAccepted(trueUTCMilliseconds: Int64, monotonicNanoseconds: UInt64, bootID: String)
        -> [ClockIntegrityEvent]
    {
        if bootID != self.bootID { startBoot(bootID) }
        let wasSynchronized = isSynchronized
        serverSynchronized = true
        guard !sourceSynchronized else { return [] }
        let reference = SyncReference(
            trueUTCMilliseconds: trueUTCMilliseconds, monotonicNanoseconds: monotonicNanoseconds, bootID: bootID, origin: .server)
        self.reference = reference
        return wasSynchronized ? [] : [.synchronized(reference)]
    }

    private mutating func startBoot(_ bootID: String) {
        self.bootID = bootID
        sourceSynchronized = false
        serverSynchronized = false
        reference = nil
        backwardJumps = 0
        lastBackwardJump = nil
        lastOffset = nil
    }

    private mutating func detectJump(_ sample: ClockSample) -> [ClockIntegrityEvent] {
        let offset = sample.trueMilliseconds - Int64(clamping: sample.monotonicNanoseconds / 1_000_000)
        defer { lastOffset = offset }
        guard let lastOffset else { return [] }
        let step = offset - lastOffset
        if step < -jumpThresholdMilliseconds {
            let jump = BackwardJump(
                milliseconds: -step, detectedAtMilliseconds: sample.trueMilliseconds, monotonicNanoseconds: sample.monotonicNanoseconds)
            backwardJumps += 1
            lastBackwardJump = jump
            return [.jumpedBackward(jump)]
        }
        return step > jumpThresholdMilliseconds ? [.steppedForward(milliseconds: step)] : []
    }
}
