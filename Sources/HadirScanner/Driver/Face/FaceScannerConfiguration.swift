/// How a ``FaceScannerDriver`` talks to its EFAA module: capacity and the timing of every wait.
public struct FaceScannerConfiguration: Sendable {
    /// Faces the module holds (the HLK-FM225 holds 100); EFAA has no command that reports it.
    public var capacity: Int
    /// Longest wait for the reply to a command that is not a job (RESET, GET_STATUS, DELETE_USER, …).
    public var responseTimeout: Duration
    /// Added to a job's requested timeout (VERIFY, ENROLL_ITG) before the driver gives up on its
    /// reply: a module that restarted mid-job never answers it (reference §2: timeout + 5 s).
    public var jobReplyGuard: Duration
    /// How long `awaitRelease` waits after a scan: a face is not lifted, so this pause is what keeps
    /// one look from making several punches.
    public var releaseDelay: Duration
    /// The timeout sent with each ENROLL_ITG direction, in seconds.
    public var enrollDirectionTimeoutSeconds: UInt8
    /// How many times an enrollment starts over from the middle after a liveness failure or a
    /// direction that timed out.
    public var enrollAttempts: Int
    /// The timeout of the VERIFY that names the owner of a face the module refused as a duplicate.
    public var ownerLookupTimeoutSeconds: UInt8

    /// Creates a configuration; the defaults suit an HLK-FM225 at 115200 baud.
    public init(
        capacity: Int = 100,
        responseTimeout: Duration = .seconds(2),
        jobReplyGuard: Duration = .seconds(5),
        releaseDelay: Duration = .milliseconds(1500),
        enrollDirectionTimeoutSeconds: UInt8 = 10,
        enrollAttempts: Int = 3,
        ownerLookupTimeoutSeconds: UInt8 = 3
    ) {
        self.capacity = capacity
        self.responseTimeout = responseTimeout
        self.jobReplyGuard = jobReplyGuard
        self.releaseDelay = releaseDelay
        self.enrollDirectionTimeoutSeconds = enrollDirectionTimeoutSeconds
        self.enrollAttempts = enrollAttempts
        self.ownerLookupTimeoutSeconds = ownerLookupTimeoutSeconds
    }
}
