/// How the person was identified, with the verify codes ZK and ADMS servers expect.
public enum VerifyMethod: UInt8, Sendable, Codable, CaseIterable {
    case fingerprint = 1
    case password = 3
    case card = 4
    case face = 15
}
