/// Why a command's arguments (or its line) could not be used. Each reason maps to the `Return=`
/// code the kiosk answers with, so a bad command is answered rather than dropped.
public enum ADMSCommandArgumentError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `C:<id>:` with nothing after it.
    case emptyCommand
    /// A required key is absent or empty.
    case missing(key: String)
    /// A value is not what the key needs (shortened excerpt of the value).
    case invalid(key: String, value: String)
    /// A template is not valid base64.
    case illegalTemplateFormat(key: String)
    /// A value is longer than the kiosk accepts.
    case valueTooLong(key: String, byteCount: Int)
    /// The whole command line is longer than ``ADMSGetRequestReply/maximumLineBytes``.
    case lineTooLong(byteCount: Int)
    /// StartTime is after EndTime.
    case invalidTimeRange
    /// `SET OPTION` carried more than one `key=value` (the reference allows one).
    case multipleOptions(count: Int)
    /// More `key=value` fields than any command has.
    case tooManyArguments(count: Int)

    /// The result code for this failure (reference §3).
    public var returnCode: ADMSReturnCode {
        switch self {
        case .emptyCommand, .missing, .invalid, .invalidTimeRange, .multipleOptions, .tooManyArguments: .badParameter
        case .illegalTemplateFormat: .illegalTemplateFormat
        case .valueTooLong, .lineTooLong: .dataTooLong
        }
    }

    /// A readable English explanation, for the log.
    public var description: String {
        switch self {
        case .emptyCommand: "command is empty"
        case .missing(let key): "argument \(key) is missing"
        case .invalid(let key, let value): "argument \(key) has an invalid value \"\(value)\""
        case .illegalTemplateFormat(let key): "argument \(key) is not valid base64"
        case .valueTooLong(let key, let count): "argument \(key) is \(count) bytes long"
        case .lineTooLong(let count): "command line is \(count) bytes long"
        case .invalidTimeRange: "StartTime is after EndTime"
        case .multipleOptions(let count): "SET OPTION carries \(count) options; one is allowed"
        case .tooManyArguments(let count): "command carries \(count) arguments"
        }
    }
}

/// A command that has a usable CmdID but could not be parsed: everything needed to answer it with
/// `ID=<id>&Return=<code>&CMD=<token>`.
public struct ADMSCommandError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The server's CmdID.
    public var id: String
    /// The `CMD=` token, from the command words that were readable.
    public var cmdToken: String
    public var reason: ADMSCommandArgumentError

    /// An error for the command `id`, answered with `cmdToken`.
    public init(id: String, cmdToken: String, reason: ADMSCommandArgumentError) {
        self.id = id
        self.cmdToken = cmdToken
        self.reason = reason
    }

    /// The `Return=` code to answer with.
    public var returnCode: ADMSReturnCode { reason.returnCode }

    /// A readable English explanation, for the log.
    public var description: String { "ADMS command \(id) (\(cmdToken)): \(reason)" }
}
