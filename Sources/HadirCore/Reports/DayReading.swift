/// How one employee's punches on one local day are read as an arrival and a departure
/// (decision 0014).
///
/// - Punches within ``repeatScanMinutes`` of the previous one are one scan repeated ("double
///   scan"): the arrival is the earliest punch, the departure the latest, and a repeat adds nothing.
/// - Two or more separate scans: the earliest punch is the arrival, the latest the departure.
/// - One scan: before the end of work (`checkOutOpens`) it is an arrival with the departure
///   missing; at or after the end of work it is a departure with the arrival missing.
/// - Late minutes run from `lateAfter` to the arrival, early-leave minutes from the departure to
///   the end of work, both to the minute as the kiosk counts them (07:30:59 is not late).
public struct DayReading: Hashable, Sendable {
    /// Punches closer than this to the previous one are the same scan repeated.
    public static let repeatScanMinutes = 10

    public var arrival: LocalDateTime?
    public var departure: LocalDateTime?
    public var lateMinutes: Int
    public var earlyLeaveMinutes: Int

    /// Reads `times` (one employee, one local day, any order) under `profile`.
    public init(_ times: [LocalDateTime], profile: AttendanceProfile) {
        let sorted = times.sorted()
        arrival = nil
        departure = nil
        lateMinutes = 0
        earlyLeaveMinutes = 0
        guard let earliest = sorted.first, let latest = sorted.last else { return }
        if Self.isOneScan(sorted) {
            if earliest.clockTime < profile.checkOutOpens {
                arrival = earliest
            } else {
                departure = latest
            }
        } else {
            arrival = earliest
            departure = latest
        }
        if let arrival, let lateAfter = profile.lateAfter, arrival.clockTime > lateAfter {
            lateMinutes = arrival.clockTime.minuteOfDay - lateAfter.minuteOfDay
        }
        if let departure, departure.clockTime < profile.checkOutOpens {
            earlyLeaveMinutes = profile.checkOutOpens.minuteOfDay - departure.clockTime.minuteOfDay
        }
    }

    /// True when every punch follows the previous one within ``repeatScanMinutes``.
    static func isOneScan(_ sorted: [LocalDateTime]) -> Bool {
        zip(sorted, sorted.dropFirst()).allSatisfy { earlier, later in
            secondOfDay(later) - secondOfDay(earlier) < repeatScanMinutes * 60
        }
    }

    private static func secondOfDay(_ time: LocalDateTime) -> Int { time.hour * 3600 + time.minute * 60 + time.second }
}
