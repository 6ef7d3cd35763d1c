/// What a scanner module reads. Each employee may have one enrollment per modality: one finger
/// and one face, never the same finger or face under two employees.
public enum BiometricModality: String, Sendable, Hashable, Codable, CaseIterable {
    case fingerprint
    case face

    /// The verify code a punch made this way carries in the journal, ADMS and ZK.
    public var verifyMethod: VerifyMethod {
        switch self {
        case .fingerprint: .fingerprint
        case .face: .face
        }
    }
}
