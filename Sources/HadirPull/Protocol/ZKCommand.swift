/// A ZK command or reply code (spec §2); unknown codes stay representable so they can be answered.
public struct ZKCommand: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The uint16 code as it appears in the first header field.
    public let rawValue: UInt16

    /// Wraps any code, known or not.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    // Requests.
    /// DB_RRQ: read a data table (FCT in the payload), e.g. templates.
    public static let dbReadRequest = ZKCommand(rawValue: 7)
    /// USER_WRQ: create or update one user (72- or 28-byte record).
    public static let userWrite = ZKCommand(rawValue: 8)
    /// USERTEMP_RRQ: read templates.
    public static let userTemplateReadRequest = ZKCommand(rawValue: 9)
    /// USERTEMP_WRQ: write one template.
    public static let userTemplateWrite = ZKCommand(rawValue: 10)
    /// OPTIONS_RRQ: read one option by name.
    public static let optionsRead = ZKCommand(rawValue: 11)
    /// OPTIONS_WRQ: set one option (`name=value`).
    public static let optionsWrite = ZKCommand(rawValue: 12)
    /// ATTLOG_RRQ: read attendance records.
    public static let attlogReadRequest = ZKCommand(rawValue: 13)
    /// CLEAR_DATA: erase users, templates and records.
    public static let clearData = ZKCommand(rawValue: 14)
    /// CLEAR_ATTLOG: erase attendance records.
    public static let clearAttlog = ZKCommand(rawValue: 15)
    /// DELETE_USER: delete one user by uid.
    public static let deleteUser = ZKCommand(rawValue: 18)
    /// DELETE_USERTEMP: delete one finger's template.
    public static let deleteUserTemplate = ZKCommand(rawValue: 19)
    /// UNLOCK: open the door relay.
    public static let unlock = ZKCommand(rawValue: 31)
    /// OPLOG_RRQ: read the operation log.
    public static let oplogReadRequest = ZKCommand(rawValue: 34)
    /// GET_FREE_SIZES: counts and capacities (92-byte reply).
    public static let getFreeSizes = ZKCommand(rawValue: 50)
    /// STARTVERIFY: return to verification mode (live capture needs it).
    public static let startVerify = ZKCommand(rawValue: 60)
    /// STARTENROLL: start a remote enrolment.
    public static let startEnroll = ZKCommand(rawValue: 61)
    /// CANCELCAPTURE: abort a capture in progress.
    public static let cancelCapture = ZKCommand(rawValue: 62)
    /// STATE_RRQ: read the device state.
    public static let stateReadRequest = ZKCommand(rawValue: 64)
    /// WRITE_LCD: show text on the display.
    public static let writeLCD = ZKCommand(rawValue: 66)
    /// CLEAR_LCD: clear the display.
    public static let clearLCD = ZKCommand(rawValue: 67)
    /// GET_PINWIDTH: the user-id width (reply is exactly one byte).
    public static let getPinWidth = ZKCommand(rawValue: 69)
    /// DOORSTATE_RRQ: read the door sensor.
    public static let doorStateReadRequest = ZKCommand(rawValue: 75)
    /// Read one template by uid and finger (pyzk `_CMD_GET_USERTEMP`).
    public static let getOneTemplate = ZKCommand(rawValue: 88)
    /// Upload users and templates in bulk (pyzk `_CMD_SAVE_USERTEMPS`).
    public static let saveUsersAndTemplates = ZKCommand(rawValue: 110)
    /// Delete a template by user id (pyzk `_CMD_DEL_USER_TEMP`).
    public static let deleteTemplateByUser = ZKCommand(rawValue: 134)
    /// GET_TIME: read the clock (packed uint32).
    public static let getTime = ZKCommand(rawValue: 201)
    /// SET_TIME: set the clock (packed uint32).
    public static let setTime = ZKCommand(rawValue: 202)
    /// REG_EVENT: register for live events (payload: uint32 mask); also the event packets themselves.
    public static let registerEvent = ZKCommand(rawValue: 500)
    /// CONNECT: open a session (the reply carries the new session id).
    public static let connect = ZKCommand(rawValue: 1000)
    /// EXIT: close the session.
    public static let exit = ZKCommand(rawValue: 1001)
    /// ENABLEDEVICE: let the kiosk accept punches again.
    public static let enableDevice = ZKCommand(rawValue: 1002)
    /// DISABLEDEVICE: stop accepting punches while the client works.
    public static let disableDevice = ZKCommand(rawValue: 1003)
    /// RESTART: reboot the device.
    public static let restart = ZKCommand(rawValue: 1004)
    /// POWEROFF: shut the device down.
    public static let powerOff = ZKCommand(rawValue: 1005)
    /// REFRESHDATA: reload data after writes.
    public static let refreshData = ZKCommand(rawValue: 1013)
    /// REFRESHOPTION: reload options after writes.
    public static let refreshOption = ZKCommand(rawValue: 1014)
    /// TESTVOICE: play a prompt by index.
    public static let testVoice = ZKCommand(rawValue: 1017)
    /// GET_VERSION: firmware version text.
    public static let getVersion = ZKCommand(rawValue: 1100)
    /// AUTH: comm-key authentication (4-byte payload, spec §7).
    public static let auth = ZKCommand(rawValue: 1102)
    /// PREPARE_DATA: announces the size of the DATA that follows.
    public static let prepareData = ZKCommand(rawValue: 1500)
    /// DATA: a chunk of bulk data.
    public static let data = ZKCommand(rawValue: 1501)
    /// FREE_DATA: release the session's bulk buffer.
    public static let freeData = ZKCommand(rawValue: 1502)
    /// PREPARE_BUFFER: snapshot a table into the session's bulk buffer.
    public static let prepareBuffer = ZKCommand(rawValue: 1503)
    /// READ_BUFFER: read one chunk of the bulk buffer.
    public static let readBuffer = ZKCommand(rawValue: 1504)

    // Replies.
    /// ACK_OK: success.
    public static let ackOK = ZKCommand(rawValue: 2000)
    /// ACK_ERROR: refused or failed.
    public static let ackError = ZKCommand(rawValue: 2001)
    /// ACK_DATA: success with data.
    public static let ackData = ZKCommand(rawValue: 2002)
    /// ACK_RETRY: try again.
    public static let ackRetry = ZKCommand(rawValue: 2003)
    /// ACK_REPEAT: repeat the command.
    public static let ackRepeat = ZKCommand(rawValue: 2004)
    /// ACK_UNAUTH: a comm key is required, or the AUTH was wrong.
    public static let ackUnauth = ZKCommand(rawValue: 2005)
    /// ACK_UNKNOWN: the command is not supported.
    public static let ackUnknown = ZKCommand(rawValue: 0xFFFF)
    // swift-format-ignore: DontRepeatTypeInStaticProperties
    /// ACK_ERROR_CMD: malformed command ("Command" spells CMD here, it does not repeat the type).
    public static let ackErrorCommand = ZKCommand(rawValue: 0xFFFD)
    /// ACK_ERROR_INIT: not initialised.
    public static let ackErrorInit = ZKCommand(rawValue: 0xFFFC)
    /// ACK_ERROR_DATA: malformed data.
    public static let ackErrorData = ZKCommand(rawValue: 0xFFFB)

    /// Every code above with its protocol name, in code order; the single source for `description`.
    public static let knownCommands: [(command: ZKCommand, name: String)] = [
        (.dbReadRequest, "DB_RRQ"), (.userWrite, "USER_WRQ"), (.userTemplateReadRequest, "USERTEMP_RRQ"),
        (.userTemplateWrite, "USERTEMP_WRQ"), (.optionsRead, "OPTIONS_RRQ"), (.optionsWrite, "OPTIONS_WRQ"),
        (.attlogReadRequest, "ATTLOG_RRQ"), (.clearData, "CLEAR_DATA"), (.clearAttlog, "CLEAR_ATTLOG"),
        (.deleteUser, "DELETE_USER"), (.deleteUserTemplate, "DELETE_USERTEMP"), (.unlock, "UNLOCK"),
        (.oplogReadRequest, "OPLOG_RRQ"), (.getFreeSizes, "GET_FREE_SIZES"), (.startVerify, "STARTVERIFY"),
        (.startEnroll, "STARTENROLL"), (.cancelCapture, "CANCELCAPTURE"), (.stateReadRequest, "STATE_RRQ"),
        (.writeLCD, "WRITE_LCD"), (.clearLCD, "CLEAR_LCD"), (.getPinWidth, "GET_PINWIDTH"),
        (.doorStateReadRequest, "DOORSTATE_RRQ"), (.getOneTemplate, "GET_USERTEMP"),
        (.saveUsersAndTemplates, "SAVE_USERTEMPS"), (.deleteTemplateByUser, "DEL_USER_TEMP"),
        (.getTime, "GET_TIME"), (.setTime, "SET_TIME"), (.registerEvent, "REG_EVENT"), (.connect, "CONNECT"),
        (.exit, "EXIT"), (.enableDevice, "ENABLEDEVICE"), (.disableDevice, "DISABLEDEVICE"), (.restart, "RESTART"),
        (.powerOff, "POWEROFF"), (.refreshData, "REFRESHDATA"), (.refreshOption, "REFRESHOPTION"),
        (.testVoice, "TESTVOICE"), (.getVersion, "GET_VERSION"), (.auth, "AUTH"), (.prepareData, "PREPARE_DATA"),
        (.data, "DATA"), (.freeData, "FREE_DATA"), (.prepareBuffer, "PREPARE_BUFFER"), (.readBuffer, "READ_BUFFER"),
        (.ackOK, "ACK_OK"), (.ackError, "ACK_ERROR"), (.ackData, "ACK_DATA"), (.ackRetry, "ACK_RETRY"),
        (.ackRepeat, "ACK_REPEAT"), (.ackUnauth, "ACK_UNAUTH"), (.ackErrorData, "ACK_ERROR_DATA"),
        (.ackErrorInit, "ACK_ERROR_INIT"), (.ackErrorCommand, "ACK_ERROR_CMD"), (.ackUnknown, "ACK_UNKNOWN"),
    ]

    /// Names by code, built once from `knownCommands` (logging calls `description` per packet).
    private static let names: [UInt16: String] = Dictionary(
        knownCommands.map { ($0.command.rawValue, $0.name) }, uniquingKeysWith: { first, _ in first })

    /// True for the codes listed in spec §2.
    public var isKnown: Bool { Self.names[rawValue] != nil }

    /// The protocol name ("CONNECT", "ACK_OK"), or "CMD 1234" for an unknown code.
    public var description: String { Self.names[rawValue] ?? "CMD \(rawValue)" }
}
