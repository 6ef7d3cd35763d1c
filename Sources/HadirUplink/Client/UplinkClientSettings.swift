/// One server as the client needs it (built by the daemon from `[uplink.<name>]`).
public struct UplinkClientSettings: Sendable, Hashable {
    public var server: String
    public var baseURL: String
    public var aspx = false
    public var serialNumber: String
    /// The kiosk's zone: ATTLOG times are local wall time here.
    public var zoneOffsetSeconds: Int32
    public var session = UplinkConfiguration()
    /// Largest DATA QUERY re-upload chunk.
    public var resendChunk = 500

    public init(server: String, baseURL: String, serialNumber: String, zoneOffsetSeconds: Int32) {
        self.server = server
        self.baseURL = baseURL
        self.serialNumber = serialNumber
        self.zoneOffsetSeconds = zoneOffsetSeconds
        session.utcOffsetMinutes = Int(zoneOffsetSeconds) / 60
    }
}
