import HadirCore

/// How an enrollment ended, as reported to hadirctl.
public struct EnrollmentResult: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable {
        case enrolled
        case reEnrolled = "re_enrolled"
        case refused
        case unchanged
    }

    public var status: Status
    public var pin: String
    public var slot: UInt16?
    public var replacedSlot: UInt16?
    /// For refusals: who owns the finger, when it is someone else.
    public var ownerPin: String?
    public var ownerName: String?
    public var message: String
    /// What was enrolled; `slot` is the face module's user id for a face.
    public var modality: BiometricModality = .fingerprint

    enum CodingKeys: String, CodingKey {
        case status, pin, slot, message, modality
        case replacedSlot = "replaced_slot"
        case ownerPin = "owner_pin"
        case ownerName = "owner_name"
    }
}
