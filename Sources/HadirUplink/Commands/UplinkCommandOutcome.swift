/// The result of one server command, and what the uplink must still do before or after reporting it.
public struct UplinkCommandOutcome: Hashable, Sendable {
    public var result: ADMSCommandResult
    public var followUp: UplinkFollowUp?

    public init(result: ADMSCommandResult, followUp: UplinkFollowUp? = nil) {
        self.result = result
        self.followUp = followUp
    }
}

/// Work a command leaves for the session's I/O shell.
public enum UplinkFollowUp: Hashable, Sendable {
    /// DATA QUERY ATTLOG: re-upload the punches in this range through cdata, then report.
    case resendAttendance(ADMSTimeRange)
    /// DATA QUERY USERINFO / FINGERTMP: upload these OPERLOG lines through cdata, then report.
    case uploadOperationLog([String])
    /// CHECK: handshake again and send what is pending.
    case rehandshake
    /// LOG: send new punches now.
    case uploadNow
    /// RELOAD OPTIONS: handshake again to re-read the server's options.
    case reloadOptions
    /// REBOOT: report first, then restart.
    case restart
}
