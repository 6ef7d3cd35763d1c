import HadirCore

/// A command from the server's getrequest reply (`C:<CmdID>:<command>`), reference §3.
///
/// Every command of the reference table has a case; legacy spellings (`DATA USER`, `DATA FP`,
/// `DATA DEL_USER`, `DATA DEL_FP`) map onto the same cases. Parsing is in `ADMSCommand+Parsing.swift`
/// and the `CMD=` token of each case in `ADMSCommand+Token.swift`.
public enum ADMSCommand: Hashable, Sendable {
    /// `DATA UPDATE USERINFO …` / `DATA USER …`: add or replace a user.
    case updateUser(ADMSUserRecord)
    /// `DATA DELETE USERINFO PIN=` / `DATA DEL_USER PIN=`: delete a user with their templates.
    case deleteUser(pin: EmployeePIN)
    /// `DATA UPDATE FINGERTMP …` / `DATA FP …`: store a fingerprint template.
    case updateFingerTemplate(ADMSFingerTemplate)
    /// `DATA DELETE FINGERTMP PIN=[\tFID=]` / `DATA DEL_FP …`: delete one finger, or all when FID is absent.
    case deleteFingerTemplates(pin: EmployeePIN, fingerIndex: Int?)
    /// `DATA UPDATE BIODATA …`: store a unified template.
    case updateBiodata(ADMSBiodata)
    /// `DATA DELETE BIODATA Pin=[\tType=[\tNo=]]`: delete unified templates, narrowed by type and number.
    case deleteBiodata(pin: EmployeePIN, type: Int?, number: Int?)
    /// `DATA QUERY ATTLOG StartTime=\tEndTime=`: re-upload the range via cdata ATTLOG, then ack.
    case queryAttendance(ADMSTimeRange)
    /// `DATA QUERY USERINFO [PIN=]`: upload one user (or all) as OPERLOG `USER` lines.
    case queryUsers(pin: EmployeePIN?)
    /// `DATA QUERY FINGERTMP PIN=[\tFID=]`: upload the user's templates as OPERLOG `FP` lines.
    case queryFingerTemplates(pin: EmployeePIN, fingerIndex: Int?)
    /// `CLEAR LOG`: wipe punches (CMD=CLEAR_LOG).
    case clearLog
    /// `CLEAR DATA`: wipe everything (CMD=CLEAR_DATA).
    case clearData
    /// `CLEAR BIODATA`: wipe templates (CMD=CLEAR_BIODATA).
    case clearBiodata
    /// `CHECK`: handshake again and send pending data now.
    case check
    /// `LOG`: send new data now.
    case log
    /// `VERIFY SUM ATTLOG StartTime=\tEndTime=`: answer the record count in the range (`&AttlogSum=n`).
    case verifySumAttendance(ADMSTimeRange)
    /// `SET OPTION key=value`.
    case setOption(ADMSOptionSetting)
    /// `RELOAD OPTIONS`.
    case reloadOptions
    /// `INFO`: answer with a multi-line `key=value` result.
    case info
    /// `REBOOT`: ack first, then restart.
    case reboot
    /// `ENROLL_FP PIN=\tFID=\tRETRY=\tOVERWRITE=`: remote enrolment at the kiosk.
    case enrollFingerprint(ADMSEnrollFingerprint)
    /// `SHELL`, `GetFile`, `PutFile`, `UPGRADE`: recognised and refused (-1002).
    case refused(ADMSRefusedCommand)
    /// Anything else, as sent (cut to ``ADMSCommand/maximumUnknownTextBytes``); answered -1002.
    case unknown(String)

    /// Unknown command text is kept only for the log and the result token.
    public static let maximumUnknownTextBytes = 512
}
