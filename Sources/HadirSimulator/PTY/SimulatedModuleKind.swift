/// Which module a ``SimulatorServer`` emulates.
public enum SimulatedModuleKind: String, CaseIterable, Hashable, Sendable {
    /// An EF01 fingerprint module (ZFM / R30x / R503 / AS608), reference §1.
    case fingerprint
    /// An EFAA face module (HLK-FM225 / FM223), reference §2.
    case face
}
