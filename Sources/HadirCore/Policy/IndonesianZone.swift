/// Indonesia's three civil time zones. None observes daylight saving, so a fixed offset is exact.
public enum IndonesianZone: String, Sendable, Codable, CaseIterable {
    case wib = "WIB"
    case wita = "WITA"
    case wit = "WIT"

    public var offsetSeconds: Int32 {
        switch self {
        case .wib: 7 * 3600
        case .wita: 8 * 3600
        case .wit: 9 * 3600
        }
    }

    /// The IANA name, for tools that want one.
    public var identifier: String {
        switch self {
        case .wib: "Asia/Jakarta"
        case .wita: "Asia/Makassar"
        case .wit: "Asia/Jayapura"
        }
    }

    /// Accepts "WIB", "wita", "Asia/Jayapura", "UTC+7" and "+08:00" style names.
    public init?(name: String) {
        let upper = name.uppercased()
        if let zone = IndonesianZone(rawValue: upper) {
            self = zone
            return
        }
        if let zone = IndonesianZone.allCases.first(where: { $0.identifier.uppercased() == upper }) {
            self = zone
            return
        }
        let offsets = ["UTC+7": IndonesianZone.wib, "UTC+8": .wita, "UTC+9": .wit, "+07:00": .wib, "+08:00": .wita, "+09:00": .wit]
        guard let zone = offsets[upper] else { return nil }
        self = zone
    }
}
