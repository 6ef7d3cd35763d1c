/// The printed report's words in the kiosk's language (Bahasa Indonesia unless `[device] language = "en"`).
public struct ReportText: Sendable {
    let title: String
    let period: String
    let zone: String
    let generatedAt: String
    let device: String
    let journal: String
    let noPunches: String
    let employee: String
    let date: String
    let day: String
    let firstIn: String
    let lastOut: String
    let late: String
    let earlyLeave: String
    let note: String
    let totals: String
    let workingDays: String
    let present: String
    let absent: String
    let lateEarlyAsDays: String
    let daysUnit: String
    let minutesUnit: String
    let missingIn: String
    let missingOut: String
    let dayOff: String
    let holiday: String
    let upcoming: String
    let noEmployees: String
    let headOfOffice: String
    let nip: String
    let unknownName: String
    let months: [String]
    let weekdays: [Weekday: String]

    public static func of(_ language: KioskLanguage) -> ReportText {
        switch language {
        case .indonesian: indonesian
        case .english: english
        }
    }

    static let indonesian = ReportText(
        title: "Laporan Kehadiran Bulanan", period: "Periode", zone: "Zona waktu", generatedAt: "Dibuat",
        device: "Nomor seri mesin", journal: "Jurnal", noPunches: "tidak ada presensi", employee: "Pegawai", date: "Tanggal",
        day: "Hari", firstIn: "Masuk", lastOut: "Pulang", late: "Terlambat (menit)", earlyLeave: "Pulang cepat (menit)",
        note: "Keterangan", totals: "Rekapitulasi", workingDays: "Hari kerja", present: "Hadir", absent: "Tidak hadir",
        lateEarlyAsDays: "Terlambat + pulang cepat (7,5 jam = 1 hari)", daysUnit: "hari", minutesUnit: "menit",
        missingIn: "tidak absen masuk", missingOut: "tidak absen pulang", dayOff: "hari libur", holiday: "libur nasional/daerah",
        upcoming: "belum berlangsung", noEmployees: "Tidak ada pegawai.", headOfOffice: "Kepala Kantor", nip: "NIP",
        unknownName: "(tidak terdaftar)",
        months: [
            "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember",
        ],
        weekdays: [
            .monday: "Senin", .tuesday: "Selasa", .wednesday: "Rabu", .thursday: "Kamis", .friday: "Jumat", .saturday: "Sabtu",
            .sunday: "Minggu",
        ])

    static let english = ReportText(
        title: "Monthly Attendance Report", period: "Period", zone: "Time zone", generatedAt: "Generated", device: "Device serial",
        journal: "Journal", noPunches: "no punches", employee: "Employee", date: "Date", day: "Day", firstIn: "In",
        lastOut: "Out", late: "Late (min)", earlyLeave: "Early leave (min)", note: "Note", totals: "Totals",
        workingDays: "Working days", present: "Present", absent: "Absent", lateEarlyAsDays: "Late + early leave (7.5 h = 1 day)",
        daysUnit: "days", minutesUnit: "min", missingIn: "no check-in", missingOut: "no check-out", dayOff: "day off",
        holiday: "public holiday", upcoming: "not yet", noEmployees: "No employees.", headOfOffice: "Head of Office", nip: "NIP",
        unknownName: "(not registered)",
        months: [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        ],
        weekdays: [
            .monday: "Monday", .tuesday: "Tuesday", .wednesday: "Wednesday", .thursday: "Thursday", .friday: "Friday",
            .saturday: "Saturday", .sunday: "Sunday",
        ])

    /// "November 2026"
    func monthName(_ month: ReportMonth) -> String { "\(months[month.month - 1]) \(month.year)" }

    /// The note column: why a row counts (or does not).
    func note(_ day: DayAttendance) -> String {
        if day.upcoming { return upcoming }
        switch day.kind {
        case .dayOff: return dayOff
        case .holiday: return holiday
        case .working: break
        }
        if day.absent { return absent }
        return [day.missingIn ? missingIn : nil, day.missingOut ? missingOut : nil].compactMap { $0 }.joined(separator: ", ")
    }
}
