/// What the kiosk tells pull clients about itself: the answers to OPTIONS_RRQ, GET_VERSION and
/// GET_PINWIDTH.
public struct ZKDeviceInfo: Sendable, Equatable {
    /// Stable and unique per kiosk: pyzk raises without it and servers key devices by it.
    public var serialNumber: String
    /// `_TFT` tells pyzk to use the 72-byte user and 40-byte attendance formats.
    public var platform: String
    public var deviceName: String
    public var macAddress: String
    public var firmwareVersion: String
    /// One byte; 0 crashes pyzk. Kept wide enough for an 18-digit NIP.
    public var pinWidth: UInt8
    public var ipAddress: String
    public var netmask: String
    public var gateway: String

    public init(
        serialNumber: String, platform: String = "ZMM220_TFT", deviceName: String = "Hadir",
        macAddress: String = "00:00:00:00:00:00", firmwareVersion: String = "Ver 6.60 Hadir", pinWidth: UInt8 = 24,
        ipAddress: String = "0.0.0.0", netmask: String = "255.255.255.0", gateway: String = "0.0.0.0"
    ) {
        self.serialNumber = serialNumber
        self.platform = platform
        self.deviceName = deviceName
        self.macAddress = macAddress
        self.firmwareVersion = firmwareVersion
        self.pinWidth = max(1, pinWidth)
        self.ipAddress = ipAddress
        self.netmask = netmask
        self.gateway = gateway
    }

    /// The value of an option pyzk or the SDK reads, or nil for one we do not know.
    ///
    /// Every option pyzk asks for is answered: a failing `~ExtendFmt` makes it fall back to
    /// probing with 2001 and 0xFFFF requests.
    public func option(named name: String) -> String? {
        switch name {
        case "~SerialNumber": serialNumber
        case "~Platform": platform
        case "~DeviceName": deviceName
        case "MAC": macAddress
        case "~ZKFPVersion": "10"
        case "ZKFaceVersion": "0"
        case "~ExtendFmt": "0"
        case "~UserExtFmt": "0"
        case "FaceFunOn": "0"
        case "CompatOldFirmware": "0"
        case "IPAddress": ipAddress
        case "NetMask": netmask
        case "GATEIPAddress": gateway
        case "~OS": "1"
        case "~PIN2Width": String(pinWidth)
        default: nil
        }
    }
}
