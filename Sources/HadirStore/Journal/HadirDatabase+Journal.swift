import GRDB
import HadirCore

extension HadirDatabase {
    /// Appends a punch to the journal and returns it sealed, only after the commit is on disk.
    ///
    /// One IMMEDIATE transaction reads the chain tip, seals the draft at `last seq + 1` on the
    /// tip's hash (the genesis hash for the first punch), inserts it and commits. Acknowledge the
    /// punch to the person only after this returns. With `checkpointing`, a punch that is due a
    /// signed checkpoint gets it in the same transaction.
    @discardableResult
    public func append(_ draft: PunchDraft, checkpointing: JournalCheckpointing? = nil) throws(StoreError) -> Punch {
        let now = clock()
        return try writing { db in
            let tip = try ChainTip.fetch(db)
            let seq = (tip?.seq ?? 0) + 1
            if let correctsSeq = draft.correctsSeq, !(1..<seq).contains(correctsSeq) {
                throw StoreError.invalidCorrection(correctsSeq: correctsSeq, seq: seq)
            }
            let punch = PunchChain.seal(
                draft, seq: seq, previousHash: tip.map { [UInt8]($0.hash) } ?? PunchChain.genesis)
            try JournalRow(punch).insert(db)
            try Self.checkpointIfDue(punch, checkpointing, at: now, in: db)
            return punch
        }
    }

    /// Appends several punches in one transaction (imports, corrections, benchmarks): all or none
    /// are committed. With `checkpointing`, each punch that is due a checkpoint gets one.
    @discardableResult
    public func append(contentsOf drafts: [PunchDraft], checkpointing: JournalCheckpointing? = nil) throws(StoreError) -> [Punch] {
        let now = clock()
        return try writing { db in
            let tip = try ChainTip.fetch(db)
            var seq = tip?.seq ?? 0
            var previous = tip.map { [UInt8]($0.hash) } ?? PunchChain.genesis
            var sealed: [Punch] = []
            sealed.reserveCapacity(drafts.count)
            for draft in drafts {
                seq += 1
                if let correctsSeq = draft.correctsSeq, !(1..<seq).contains(correctsSeq) {
                    throw StoreError.invalidCorrection(correctsSeq: correctsSeq, seq: seq)
                }
                let punch = PunchChain.seal(draft, seq: seq, previousHash: previous)
                try JournalRow(punch).insert(db)
                try Self.checkpointIfDue(punch, checkpointing, at: now, in: db)
                previous = punch.hash
                sealed.append(punch)
            }
            return sealed
        }
    }

    /// The punch with the highest seq, or nil when the journal is empty.
    public func lastPunch() throws(StoreError) -> Punch? {
        try reading { db in try JournalRow.order(JournalRow.Columns.seq.desc).fetchOne(db) }?.punch()
    }

    /// The punch at `seq`, or nil if there is none.
    public func punch(seq: Int64) throws(StoreError) -> Punch? {
        try reading { db in try JournalRow.fetchOne(db, key: seq) }?.punch()
    }

    /// Up to `limit` punches with seq greater than `afterSeq`, in seq order: the uplink's batches.
    public func punches(afterSeq: Int64, limit: Int) throws(StoreError) -> [Punch] {
        let rows = try reading { db in
            try JournalRow
                .filter(JournalRow.Columns.seq > afterSeq)
                .order(JournalRow.Columns.seq)
                .limit(max(0, limit))
                .fetchAll(db)
        }
        return try Self.punches(rows)
    }

    /// Punches filtered by employee and UTC instant (`fromUTC` inclusive, `toUTC` exclusive), in
    /// seq order (the order they were recorded, which a clock jump can make differ from time
    /// order). Corrections are included as the rows they are; `limit` keeps the first ones.
    public func punches(
        pin: EmployeePIN? = nil, fromUTC: Int64? = nil, toUTC: Int64? = nil, limit: Int? = nil
    ) throws(StoreError) -> [Punch] {
        let rows = try reading { db in
            var request = JournalRow.all()
            if let pin { request = request.filter(JournalRow.Columns.pin == pin.rawValue) }
            if let fromUTC { request = request.filter(JournalRow.Columns.utcMilliseconds >= fromUTC) }
            if let toUTC { request = request.filter(JournalRow.Columns.utcMilliseconds < toUTC) }
            request = request.order(JournalRow.Columns.seq)
            if let limit { request = request.limit(max(0, limit)) }
            return try request.fetchAll(db)
        }
        return try Self.punches(rows)
    }

    /// The number of rows in the journal (corrections included).
    public func punchCount() throws(StoreError) -> Int {
        try reading { db in try JournalRow.fetchCount(db) }
    }

    /// The employee's latest punch in time, ignoring rows a later correction supersedes.
    ///
    /// "Latest in time" rather than "highest seq" because a correction row is appended late but
    /// re-states an earlier instant.
    public func lastPunch(pin: EmployeePIN) throws(StoreError) -> Punch? {
        try reading { db in
            try JournalRow.fetchOne(
                db,
                sql: """
                    SELECT * FROM journal AS j
                    WHERE j.pin = ? AND NOT EXISTS (SELECT 1 FROM journal AS c WHERE c.corrects_seq = j.seq)
                    ORDER BY j.utc_ms DESC, j.seq DESC
                    LIMIT 1
                    """,
                arguments: [pin.rawValue])
        }?.punch()
    }

    /// Each employee's latest punch at or after `sinceUTC`, ignoring superseded rows.
    ///
    /// Seeds the duplicate window and "already checked in today" after a restart, so a reboot
    /// does not turn a repeat scan into a second attendance event.
    public func lastPunchesByPIN(sinceUTC: Int64) throws(StoreError) -> [EmployeePIN: Punch] {
        let rows = try reading { db in
            try JournalRow.fetchAll(
                db,
                sql: """
                    SELECT * FROM journal AS j
                    WHERE j.utc_ms >= ? AND NOT EXISTS (SELECT 1 FROM journal AS c WHERE c.corrects_seq = j.seq)
                    ORDER BY j.utc_ms, j.seq
                    """,
                arguments: [sinceUTC])
        }
        var latest: [EmployeePIN: Punch] = [:]
        for punch in try Self.punches(rows) {
            latest[punch.pin] = punch  // ascending order: the last one wins
        }
        return latest
    }

    static func punches(_ rows: [JournalRow]) throws(StoreError) -> [Punch] {
        var punches: [Punch] = []
        punches.reserveCapacity(rows.count)
        for row in rows { punches.append(try row.punch()) }
        return punches
    }
}
