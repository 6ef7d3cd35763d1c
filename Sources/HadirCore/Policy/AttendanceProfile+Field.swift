/// The profiles published by the regencies we serve (see shared/reference/field-rules.md).
///
/// Where a regulation leaves a time unstated, the choice is named here and can be overridden in
/// the config's `[policy]` table.
extension AttendanceProfile {
    /// Bandung Barat circular (2024): in 06:00-07:30, late after 07:30, out 16:00-19:00, WIB.
    /// Late check-ins are accepted until check-out opens.
    public static let bandungBarat = try! AttendanceProfile(
        id: "bandung-barat", displayName: "Kabupaten Bandung Barat", zone: .wib,
        checkInOpens: ClockTime(hour: 6, minute: 0), lateAfter: ClockTime(hour: 7, minute: 30),
        checkInCloses: nil, checkOutOpens: ClockTime(hour: 16, minute: 0),
        checkOutCloses: ClockTime(hour: 19, minute: 0))

    /// Ogan Komering Ulu (2023): in 06:30-08:30, late after 07:30, WIB. The regulation says only
    /// "leaving before the end of work is early"; the end of work is taken as 16:00.
    public static let oganKomeringUlu = try! AttendanceProfile(
        id: "oku", displayName: "Kabupaten Ogan Komering Ulu", zone: .wib,
        checkInOpens: ClockTime(hour: 6, minute: 30), lateAfter: ClockTime(hour: 7, minute: 30),
        checkInCloses: ClockTime(hour: 8, minute: 30), checkOutOpens: ClockTime(hour: 16, minute: 0),
        checkOutCloses: nil)

    /// Bulungan (regulation 32/2023): in from 06:30, out from the end of work until 18:30, WITA.
    /// No late threshold is published; the end of work is taken as 16:00.
    public static let bulungan = try! AttendanceProfile(
        id: "bulungan", displayName: "Kabupaten Bulungan", zone: .wita,
        checkInOpens: ClockTime(hour: 6, minute: 30), lateAfter: nil,
        checkInCloses: nil, checkOutOpens: ClockTime(hour: 16, minute: 0),
        checkOutCloses: ClockTime(hour: 18, minute: 30))

    /// Every shipped profile, by id.
    public static let fieldProfiles: [String: AttendanceProfile] = Dictionary(
        uniqueKeysWithValues: [bandungBarat, oganKomeringUlu, bulungan].map { ($0.id, $0) })
}
