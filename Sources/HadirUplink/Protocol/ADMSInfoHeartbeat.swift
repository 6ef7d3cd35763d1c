/// The `INFO=` value appended to a getrequest poll (reference §3): ten comma-separated fields the
/// server uses for its device list and for reconciliation ("device count - server count").
public struct ADMSInfoHeartbeat: Hashable, Sendable {
    public var firmwareVersion: String
    public var userCount: Int
    public var fingerprintCount: Int
    /// Attendance records held: must be accurate, servers reconcile against it.
    public var attendanceCount: Int
    public var ipAddress: String
    public var fingerprintAlgorithmVersion: String
    public var faceAlgorithmVersion: String
    public var faceTemplatesPerEnrolment: Int
    public var faceCount: Int
    public var capabilities: ADMSDeviceCapabilities

    /// A heartbeat; the face fields default to "no face support" and the capabilities to fingerprint only.
    public init(
        firmwareVersion: String, userCount: Int, fingerprintCount: Int, attendanceCount: Int, ipAddress: String,
        fingerprintAlgorithmVersion: String, faceAlgorithmVersion: String = "0", faceTemplatesPerEnrolment: Int = 0, faceCount: Int = 0,
        capabilities: ADMSDeviceCapabilities = ADMSDeviceCapabilities(fingerprint: true)
    ) {
        self.firmwareVersion = firmwareVersion
        self.userCount = userCount
        self.fingerprintCount = fingerprintCount
        self.attendanceCount = attendanceCount
        self.ipAddress = ipAddress
        self.fingerprintAlgorithmVersion = fingerprintAlgorithmVersion
        self.faceAlgorithmVersion = faceAlgorithmVersion
        self.faceTemplatesPerEnrolment = faceTemplatesPerEnrolment
        self.faceCount = faceCount
        self.capabilities = capabilities
    }

    /// The unencoded value, e.g. `Hadir 0.3.0,12,12,340,10.0.0.7,10,0,0,0,100`. A comma inside a
    /// text field becomes a space (it would shift every later field); negative counts become 0.
    /// The URL builder percent-encodes it.
    public var value: String {
        func text(_ value: String) -> String { ADMSKeyValue.sanitized(value, forbidding: [","]) }
        func count(_ value: Int) -> String { String(max(0, value)) }
        return [
            text(firmwareVersion), count(userCount), count(fingerprintCount), count(attendanceCount), text(ipAddress),
            text(fingerprintAlgorithmVersion), text(faceAlgorithmVersion), count(faceTemplatesPerEnrolment), count(faceCount),
            capabilities.digits,
        ].joined(separator: ",")
    }
}

/// The capability digits, INFO's last field: one `0`/`1` per function in ZKTeco's order
/// (fingerprint, face, user photo, comparison photo, visible-light face template). Three digits are
/// sent unless one of the last two is set, as ZKTeco firmware does.
public struct ADMSDeviceCapabilities: Hashable, Sendable {
    public var fingerprint: Bool
    public var face: Bool
    public var userPhoto: Bool
    public var comparisonPhoto: Bool
    public var visibleLightFace: Bool

    /// Capabilities; everything but `fingerprint` defaults to unsupported.
    public init(
        fingerprint: Bool, face: Bool = false, userPhoto: Bool = false, comparisonPhoto: Bool = false, visibleLightFace: Bool = false
    ) {
        self.fingerprint = fingerprint
        self.face = face
        self.userPhoto = userPhoto
        self.comparisonPhoto = comparisonPhoto
        self.visibleLightFace = visibleLightFace
    }

    /// `100` for a fingerprint-only kiosk.
    public var digits: String {
        var flags = [fingerprint, face, userPhoto]
        if comparisonPhoto || visibleLightFace { flags += [comparisonPhoto, visibleLightFace] }
        return flags.map { $0 ? "1" : "0" }.joined()
    }
}
