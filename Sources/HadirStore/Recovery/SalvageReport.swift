/// What `hadirctl recover` did with a quarantined database.
public struct SalvageReport: Codable, Hashable, Sendable {
    /// The quarantined file the rows were read from.
    public var sourceFile: String
    /// Punches appended to the journal by this run.
    public var salvaged = 0
    /// Readable punches already in the journal (an earlier recover, or the same punch): skipped.
    public var duplicates = 0
    /// Punches lost to the damage (unreadable, or contents that no longer match their hash).
    public var unreadable = 0
    /// Employees added because the journal did not know them.
    public var usersAdded = 0
    /// Finger slots given back to employees who had none.
    public var fingersAdded = 0
    /// Finger slots not taken over: the employee already has a finger, or the slot is another
    /// employee's or waiting to be deleted from the module (the one-finger rule comes first).
    public var fingersSkipped = 0
    /// Rows of users and finger slots that could not be read.
    public var unreadableRows = 0
    /// The new seqs of the salvaged punches.
    public var firstSeq: Int64?
    public var lastSeq: Int64?
    /// The first errors met while reading the damaged file.
    public var problems: [String] = []

    public init(sourceFile: String) {
        self.sourceFile = sourceFile
    }

    /// One line for logs, the audit trail and status.
    public var summary: String {
        "\(salvaged) salvaged, \(duplicates) already present, \(unreadable) unreadable; users +\(usersAdded), "
            + "fingers +\(fingersAdded) (\(fingersSkipped) skipped), \(unreadableRows) unreadable user/finger rows"
    }

    enum CodingKeys: String, CodingKey {
        case salvaged, duplicates, unreadable, problems
        case sourceFile = "source_file"
        case usersAdded = "users_added"
        case fingersAdded = "fingers_added"
        case fingersSkipped = "fingers_skipped"
        case unreadableRows = "unreadable_rows"
        case firstSeq = "first_seq"
        case lastSeq = "last_seq"
    }
}
