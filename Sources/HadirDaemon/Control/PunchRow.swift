import HadirControl
import HadirCore

/// A punch as the control API and hadirctl show it.
public struct PunchRow: Codable, Sendable, Hashable {
    public var seq: Int64
    public var pin: String
    public var name: String?
    public var localTime: String
    public var utcMilliseconds: Int64
    public var zoneOffsetSeconds: Int32
    public var classification: String
    public var state: UInt8
    public var verify: UInt8
    public var clockQuality: String
    public var hash: String

    public init(_ punch: Punch, name: String?) {
        seq = punch.seq
        pin = punch.pin.rawValue
        self.name = name
        localTime = LocalDateTime(utcMilliseconds: punch.utcMilliseconds, offsetSeconds: punch.draft.zoneOffsetSeconds).description
        utcMilliseconds = punch.utcMilliseconds
        zoneOffsetSeconds = punch.draft.zoneOffsetSeconds
        classification = punch.draft.classification.rawValue
        state = punch.draft.state.rawValue
        verify = punch.draft.verify.rawValue
        clockQuality = punch.draft.clock.quality.rawValue
        hash = punch.hash.hexString
    }

    enum CodingKeys: String, CodingKey {
        case seq, pin, name, classification, state, verify, hash
        case localTime = "local_time"
        case utcMilliseconds = "utc_ms"
        case zoneOffsetSeconds = "zone_offset_s"
        case clockQuality = "clock_quality"
    }

    /// The CSV export: one row per punch, the columns an office's spreadsheet needs.
    public static func csv(_ rows: [PunchRow]) -> String {
        var table = CSVTable(header: [
            "seq", "local_time", "zone_offset_s", "pin", "name", "classification", "state", "verify", "clock_quality", "hash",
        ])
        for row in rows {
            table.append([
                String(row.seq), row.localTime, String(row.zoneOffsetSeconds), row.pin, row.name ?? "", row.classification,
                String(row.state), String(row.verify), row.clockQuality, row.hash,
            ])
        }
        return table.text
    }
}
