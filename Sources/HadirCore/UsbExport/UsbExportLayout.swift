/// Where an export lands on the stick: `HADIR/<SERIAL>/<YYYY-MM>/`, one folder per kiosk and
/// month, so sticks carried between offices and months never overwrite each other.
public struct UsbExportLayout: Hashable, Sendable {
    /// The serial made safe for a FAT file name.
    public let serial: String
    public let month: ReportMonth

    public init(serial: String, month: ReportMonth) {
        self.serial = Self.fileSafe(serial)
        self.month = month
    }

    /// Folder components below the stick's root.
    public var folder: [String] { ["HADIR", serial, month.description] }

    public var attlogName: String { "\(serial)_attlog.dat" }
    public var reportName: String { "\(serial)_laporan_\(month).csv" }
    public var proofName: String { "\(serial)_journal_proof_\(month).json" }

    /// The employee list an office may leave for this kiosk, in `HADIR/<SERIAL>/` (any month).
    public var usersPath: [String] { ["HADIR", serial, "\(serial)_users.csv"] }

    /// Letters, digits, `-` and `_` kept; anything else (FAT-forbidden `\/:*?"<>|`, spaces,
    /// non-ASCII) becomes `_`. An empty serial becomes `UNKNOWN`.
    public static func fileSafe(_ serial: String) -> String {
        let safe = String(
            serial.unicodeScalars.map { scalar -> Character in
                let value = scalar.value
                let isAlphanumeric = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                return isAlphanumeric || scalar == "-" || scalar == "_" ? Character(scalar) : "_"
            })
        return safe.isEmpty ? "UNKNOWN" : safe
    }
}
