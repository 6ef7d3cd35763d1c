import HadirCore

/// What could be read back from a damaged database file.
public struct DamagedDatabaseContents: Sendable {
    /// Punches whose stored hash still matches their contents, in their original seq order (with
    /// their original seq, hash and `corrects_seq`).
    public var punches: [Punch] = []
    /// Seqs up to the highest one known that could not be read, or whose contents no longer match
    /// their hash: lost to the damage.
    public var unreadablePunches = 0
    /// Employees that could be read.
    public var users: [Employee] = []
    /// Finger slots that could be read.
    public var fingers: [SalvagedFinger] = []
    /// Rows of `users` and `finger_slots` that could not be read.
    public var unreadableRows = 0
    /// The first errors SQLite reported, for the report.
    public var problems: [String] = []

    public init() {}

    /// Notes a problem; only the first few are kept, the counts say the rest.
    mutating func note(_ problem: String) {
        if problems.count < 5 { problems.append(problem) }
    }
}

/// A finger slot read back from a damaged database.
public struct SalvagedFinger: Hashable, Sendable {
    public var pin: EmployeePIN
    public var slot: UInt16
    public var template: [UInt8]?

    public init(pin: EmployeePIN, slot: UInt16, template: [UInt8]?) {
        self.pin = pin
        self.slot = slot
        self.template = template
    }
}
