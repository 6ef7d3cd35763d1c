/// The ZKTeco USB-download attendance file (`<SN>_attlog.dat`) as bytes: one line per punch,
/// `PIN<TAB>YYYY-MM-DD HH:MM:SS<TAB>state<TAB>verify<TAB>workcode<CR><LF>`.
///
/// Field order and CRLF follow firmware-notes/zk-usb-attlog.md. The kiosk has no work codes, so
/// that field is always `0`.
public enum ZKAttlogFile {
    /// The file for `month`: rows whose local time (in their own zone) falls in the month, minus
    /// originals a clock correction re-timed (the correction row carries the true time), in seq order.
    public static func bytes(_ entries: [ZKAttlogEntry], month: ReportMonth) -> [UInt8] {
        let superseded = Set(entries.compactMap(\.correctsSeq))
        var text = ""
        for entry in entries.sorted(by: { $0.seq < $1.seq }) where !superseded.contains(entry.seq) {
            let time = entry.localTime
            guard time.year == month.year, time.month == month.month else { continue }
            text += line(entry)
        }
        return Array(text.utf8)
    }

    /// One record with its CRLF.
    public static func line(_ entry: ZKAttlogEntry) -> String {
        [entry.pin, entry.localTime.description, String(entry.state), String(entry.verify), "0"].joined(separator: "\t") + "\r\n"
    }
}
