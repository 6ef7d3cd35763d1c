import Foundation
import HadirControl
import HadirCore
import HadirDaemon

/// The files of one month's USB export, fetched from the running daemon: the ZK attlog, the
/// monthly report CSV and the journal proof of the month's rows.
struct UsbExportBundle {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let layout: UsbExportLayout
    let files: [(name: String, bytes: [UInt8])]
    /// Punches in the attlog.
    let punches: Int

    /// Paths of the files relative to the stick's root, for the report and the kiosk.
    var relativePaths: [String] { files.map { (layout.folder + [$0.name]).joined(separator: "/") } }

    /// `month` (YYYY-MM), or the one ``UsbExportMonth`` picks for the daemon's own date.
    /// The proof is checked with `publicKeyPath` (the kiosk's own key) before anything is written.
    static func fetch(from client: DaemonControlClient, month requested: String?, publicKeyPath: String) throws -> UsbExportBundle {
        let status = try client.status()
        let month = try Self.month(requested, daemonLocalTime: status.localTime)
        let layout = UsbExportLayout(serial: status.serial, month: month)
        let lastDay = LocalDateTime.daysInMonth(year: month.year, month: month.month)
        let rows = try client.punches(PunchQuery(from: "\(month)-01", to: "\(month)-\(lastDay)"))
        var files: [(name: String, bytes: [UInt8])] = []
        var entries: [ZKAttlogEntry] = []
        if let first = rows.map(\.seq).min(), let last = rows.map(\.seq).max() {
            // The proof's rows carry what PunchRow leaves out (which row a correction re-times).
            let proof = try client.journalProof(from: first, to: last)
            try proof.verify(with: try publicKey(at: publicKeyPath, orFrom: proof))
            entries = proof.rows.map {
                ZKAttlogEntry(
                    seq: $0.seq, pin: $0.pin, utcMilliseconds: $0.utcMilliseconds, zoneOffsetSeconds: $0.zoneOffsetSeconds,
                    state: $0.state, verify: $0.verify, correctsSeq: $0.correctsSeq)
            }
            files.append((layout.proofName, Array((try Output.jsonText(proof) + "\n").utf8)))
        }
        let attlog = ZKAttlogFile.bytes(entries, month: month)
        let report = try client.report(month: month.description, format: "csv")
        files.insert(contentsOf: [(layout.attlogName, attlog), (layout.reportName, report)], at: 0)
        return UsbExportBundle(layout: layout, files: files, punches: attlog.count { $0 == UInt8(ascii: "\n") })
    }

    /// The key beside the state, else (a kiosk whose state is elsewhere) the one the proof names.
    static func publicKey(at path: String, orFrom proof: JournalProof) throws -> JournalPublicKey {
        if FileManager.default.fileExists(atPath: path) { return try DeviceSigningKey.loadPublic(path: path) }
        guard let key = JournalPublicKey(pem: proof.publicKey) else {
            throw Failure(description: "the proof's public key is not a PEM key")
        }
        return key
    }

    static func month(_ requested: String?, daemonLocalTime: String) throws(Failure) -> ReportMonth {
        if let requested {
            guard let month = ReportMonth(parsing: requested) else { throw Failure(description: "--month must look like 2026-11") }
            return month
        }
        guard let today = LocalDate(parsing: String(daemonLocalTime.prefix(10))) else {
            throw Failure(description: "the daemon's local time \"\(daemonLocalTime)\" has no date")
        }
        return UsbExportMonth.choose(today: today)
    }
}
