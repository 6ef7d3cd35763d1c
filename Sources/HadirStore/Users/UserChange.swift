/// What ``HadirDatabase/upsertUser(_:actor:)`` did.
public enum UserChange: Hashable, Sendable {
    /// A new employee was stored.
    case added
    /// The employee's name changed from `previousName`.
    case updated(previousName: String)
    /// The stored employee was already identical; nothing was written or audited.
    case unchanged
}
