/// How a `ScannerDriver` talks to its module: address, password and the timing of every wait.
public struct ScannerConfiguration: Sendable {
    /// Module address; a module silently ignores frames for another address.
    public var address: UInt32
    /// Module password, sent with VfyPwd when `verifyPassword` is set.
    public var password: UInt32
    /// Whether to send VfyPwd on connect (some firmware ignores or refuses commands until then).
    public var verifyPassword: Bool
    /// Longest wait for the reply to one command, and the bound of every blocking read.
    public var responseTimeout: Duration
    /// Default time `identify` waits for a finger before reporting `.noFinger`.
    public var identifyTimeout: Duration
    /// Pause between GenImg polls while waiting for a finger or a lift.
    public var pollInterval: Duration
    /// Longest wait for each enrollment press (and for the lift after it).
    public var enrollPressTimeout: Duration
    /// How many times enrollment restarts after RegModel reports two different fingers.
    public var enrollAttempts: Int

    /// Creates a configuration; the defaults suit a factory-fresh module at 57600 baud.
    public init(
        address: UInt32 = 0xFFFF_FFFF,
        password: UInt32 = 0,
        verifyPassword: Bool = false,
        responseTimeout: Duration = .seconds(1),
        identifyTimeout: Duration = .seconds(3),
        pollInterval: Duration = .milliseconds(50),
        enrollPressTimeout: Duration = .seconds(15),
        enrollAttempts: Int = 3
    ) {
        self.address = address
        self.password = password
        self.verifyPassword = verifyPassword
        self.responseTimeout = responseTimeout
        self.identifyTimeout = identifyTimeout
        self.pollInterval = pollInterval
        self.enrollPressTimeout = enrollPressTimeout
        self.enrollAttempts = enrollAttempts
    }
}
