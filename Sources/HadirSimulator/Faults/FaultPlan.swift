/// Faults armed and not yet used, with how many times each is still to happen.
public struct FaultPlan: Hashable, Sendable {
    /// Remaining occurrences by kind (kinds not armed are absent).
    public private(set) var remaining: [FaultKind: Int] = [:]

    /// Creates an empty plan.
    public init() {}

    /// Adds `count` (≥ 1) more occurrences of `kind`.
    public mutating func arm(_ kind: FaultKind, count: Int = 1) {
        guard count > 0 else { return }
        remaining[kind, default: 0] += count
    }

    /// Whether `kind` is armed, without using it.
    public func isArmed(_ kind: FaultKind) -> Bool {
        (remaining[kind] ?? 0) > 0
    }

    /// Uses one occurrence of `kind` if armed; returns whether the fault happens now.
    public mutating func consume(_ kind: FaultKind) -> Bool {
        guard let count = remaining[kind], count > 0 else { return false }
        remaining[kind] = count > 1 ? count - 1 : nil
        return true
    }

    /// Disarms everything.
    public mutating func clear() {
        remaining.removeAll()
    }

    /// Whether nothing is armed.
    public var isEmpty: Bool { remaining.isEmpty }
}
