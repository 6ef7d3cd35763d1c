/// Punches taken while the clock was unsynced that no correction row supersedes yet.
public struct UnsyncedPunchCounts: Hashable, Sendable {
    /// Of the given boot: a sync arrival in this boot corrects them.
    public var thisBoot: Int
    /// Of earlier boots: their monotonic time cannot be related to any later sync, so they stay
    /// `unsynced` for good.
    public var otherBoots: Int

    public init(thisBoot: Int, otherBoots: Int) {
        self.thisBoot = thisBoot
        self.otherBoots = otherBoots
    }
}
