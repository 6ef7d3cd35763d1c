/// An EF01 instruction code: the first content byte of a command packet.
public enum EF01Instruction: UInt8, CaseIterable, Sendable {
    /// Capture a finger image into the image buffer.
    case genImg = 0x01
    /// Turn the captured image into a character file in a CharBuffer.
    case img2Tz = 0x02
    /// Compare CharBuffer 1 and 2.
    case match = 0x03
    /// Search the library for the character file in a buffer.
    case search = 0x04
    /// Merge CharBuffer 1 and 2 into a template.
    case regModel = 0x05
    /// Store a buffer's template in a library slot.
    case store = 0x06
    /// Load a library slot into a buffer.
    case loadChar = 0x07
    /// Upload a buffer to the host (data packets follow the ack).
    case upChar = 0x08
    /// Download a template from the host into a buffer (host sends data packets).
    case downChar = 0x09
    /// Upload the image buffer to the host.
    case upImage = 0x0A
    /// Download an image from the host.
    case downImage = 0x0B
    /// Delete a run of library slots ("DeletChar" in the manuals).
    case deleteChar = 0x0C
    /// Delete every library slot.
    case empty = 0x0D
    /// Set one system parameter (baud, security level, packet size).
    case setSysPara = 0x0E
    /// Read the 16-byte system parameter block.
    case readSysPara = 0x0F
    /// Set the module password.
    case setPassword = 0x12
    /// Verify the module password (some firmware requires it before anything else).
    case verifyPassword = 0x13
    /// Set the module address ("SetAdder").
    case setAddress = 0x15
    /// Search, faster on some firmware.
    case hiSpeedSearch = 0x1B
    /// Count stored templates ("TemplateNum").
    case templateCount = 0x1D
    /// Read one page of the slot occupancy bitmap.
    case readIndexTable = 0x1F
    /// R503 one-shot enrollment.
    case autoEnroll = 0x31
    /// R503 one-shot identification.
    case autoIdentify = 0x32
    /// R503 ring LED control.
    case auraLed = 0x35
    /// Sensor self-test.
    case checkSensor = 0x36
    /// Soft reset (the R503 then sends a bare 0x55).
    case softReset = 0x3D
    /// Check that the module is alive.
    case handshake = 0x40

    /// The name used in the manuals, for logs and error messages.
    public var name: String {
        switch self {
        case .genImg: "GenImg"
        case .img2Tz: "Img2Tz"
        case .match: "Match"
        case .search: "Search"
        case .regModel: "RegModel"
        case .store: "Store"
        case .loadChar: "LoadChar"
        case .upChar: "UpChar"
        case .downChar: "DownChar"
        case .upImage: "UpImage"
        case .downImage: "DownImage"
        case .deleteChar: "DeletChar"
        case .empty: "Empty"
        case .setSysPara: "SetSysPara"
        case .readSysPara: "ReadSysPara"
        case .setPassword: "SetPwd"
        case .verifyPassword: "VfyPwd"
        case .setAddress: "SetAdder"
        case .hiSpeedSearch: "HiSpeedSearch"
        case .templateCount: "TemplateNum"
        case .readIndexTable: "ReadIndexTable"
        case .autoEnroll: "AutoEnroll"
        case .autoIdentify: "AutoIdentify"
        case .auraLed: "AuraLedConfig"
        case .checkSensor: "CheckSensor"
        case .softReset: "SoftRst"
        case .handshake: "HandShake"
        }
    }

    /// Number of parameter bytes that follow the instruction byte.
    public var parameterLength: Int {
        switch self {
        case .genImg, .match, .regModel, .upImage, .downImage, .empty, .readSysPara,
            .templateCount, .checkSensor, .softReset, .handshake:
            0
        case .img2Tz, .upChar, .downChar, .readIndexTable:
            1
        case .setSysPara:
            2
        case .store, .loadChar:
            3
        case .setPassword, .verifyPassword, .setAddress, .deleteChar, .auraLed:
            4
        case .search, .hiSpeedSearch:
            5
        case .autoEnroll:
            6
        case .autoIdentify:
            7
        }
    }
}
