import GRDB
import HadirCore

extension HadirDatabase {
    /// Records a scan event that is not a punch.
    ///
    /// `atMilliseconds` is the scan's own wall-clock instant (from the same reading as a punch
    /// would use), not the time of writing. A nil `detail` is stored as an empty text.
    public func recordScanEvent(
        kind: ScanEventKind, pin: EmployeePIN? = nil, slot: UInt16? = nil, detail: String? = nil,
        atMilliseconds: Int64
    ) throws(StoreError) {
        try writing { db in
            var row = ScanEventRow(
                id: nil, atMilliseconds: atMilliseconds, kind: kind.rawValue, pin: pin?.rawValue,
                slot: slot.map(Int64.init), detail: detail ?? "")
            try row.insert(db)
        }
    }

    /// The newest `limit` scan events, newest first.
    public func scanEvents(limit: Int = 100) throws(StoreError) -> [ScanEventRecord] {
        let rows = try reading { db in
            try ScanEventRow.order(ScanEventRow.Columns.id.desc).limit(max(0, limit)).fetchAll(db)
        }
        var events: [ScanEventRecord] = []
        events.reserveCapacity(rows.count)
        for row in rows {
            let key = "id \(row.id.map(String.init) ?? "?")"
            events.append(
                ScanEventRecord(
                    id: row.id ?? 0, atMilliseconds: row.atMilliseconds, kind: ScanEventKind(rawValue: row.kind),
                    pin: try row.pin.map { text throws(StoreError) in
                        try decodePIN(text, table: "scan_events", key: key)
                    },
                    slot: try row.slot.map { value throws(StoreError) in
                        try decodeSlot(value, table: "scan_events", key: key)
                    },
                    detail: row.detail))
        }
        return events
    }
}
