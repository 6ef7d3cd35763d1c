/// One command result for `POST /iclock/devicecmd` (reference §3): the line
/// `ID=<CmdID>&Return=<code>&CMD=<token>`, optional `&key=value` fields after it (VERIFY SUM's
/// `AttlogSum`), and for INFO further `key=value` lines.
///
/// Values are written as the reference shows them, not percent-encoded; anything that could break
/// the structure (`&` and control characters in fields, line breaks in INFO lines) becomes a space.
public struct ADMSCommandResult: Hashable, Sendable {
    public var id: String
    public var returnCode: ADMSReturnCode
    public var cmdToken: String
    /// Extra `&key=value` fields on the result line.
    public var fields: [ADMSKeyValue]
    /// INFO's `key=value` lines after the result line.
    public var infoLines: [ADMSKeyValue]

    /// A result with an explicit token; `fields` and `infoLines` are empty for most commands.
    public init(id: String, returnCode: ADMSReturnCode, cmdToken: String, fields: [ADMSKeyValue] = [], infoLines: [ADMSKeyValue] = []) {
        self.id = id
        self.returnCode = returnCode
        self.cmdToken = cmdToken
        self.fields = fields
        self.infoLines = infoLines
    }

    /// The result of executing `command` (received with `id`).
    public init(id: String, command: ADMSCommand, returnCode: ADMSReturnCode) {
        self.init(id: id, returnCode: returnCode, cmdToken: command.cmdToken)
    }

    /// The answer to a command whose arguments were malformed (normally `Return=-1`).
    public init(error: ADMSCommandError) {
        self.init(id: error.id, returnCode: error.returnCode, cmdToken: error.cmdToken)
    }

    /// VERIFY SUM's answer: `…&CMD=VERIFY SUM&StartTime=…&EndTime=…&AttlogSum=n`. Missing range ends
    /// are sent empty.
    public static func verifySum(id: String, range: ADMSTimeRange, count: Int) -> ADMSCommandResult {
        let start = range.start.flatMap(ADMSLocalTime.format) ?? ""
        let end = range.end.flatMap(ADMSLocalTime.format) ?? ""
        return ADMSCommandResult(
            id: id, returnCode: .success, cmdToken: ADMSCommand.verifySumAttendance(range).cmdToken,
            fields: [ADMSKeyValue("StartTime", start), ADMSKeyValue("EndTime", end), ADMSKeyValue("AttlogSum", String(max(0, count)))])
    }

    /// INFO's answer: the result line followed by one `key=value` line per entry.
    public static func info(id: String, values: [ADMSKeyValue]) -> ADMSCommandResult {
        ADMSCommandResult(id: id, returnCode: .success, cmdToken: ADMSCommand.info.cmdToken, infoLines: values)
    }

    /// The encoded result: the result line, then any INFO lines, joined with LF (no trailing LF).
    public var encoded: String {
        let fieldForbidden: Set<Character> = ["&"]
        var line = "ID=" + ADMSKeyValue.sanitized(id, forbidding: fieldForbidden)
        line += "&Return=" + String(returnCode.rawValue)
        line += "&CMD=" + ADMSKeyValue.sanitized(cmdToken, forbidding: fieldForbidden)
        for field in fields {
            line += "&" + ADMSKeyValue.sanitized(field.key, forbidding: ["&", "="]) + "="
            line += ADMSKeyValue.sanitized(field.value, forbidding: fieldForbidden)
        }
        let info = infoLines.map {
            ADMSKeyValue.sanitized($0.key, forbidding: ["="]) + "=" + ADMSKeyValue.sanitized($0.value, forbidding: [])
        }
        return ([line] + info).joined(separator: "\n")
    }

    /// A devicecmd body for several results, LF-joined. Send INFO results alone: its extra lines
    /// are only unambiguous when nothing follows them.
    public static func body(_ results: [ADMSCommandResult]) -> String {
        results.map(\.encoded).joined(separator: "\n")
    }
}
