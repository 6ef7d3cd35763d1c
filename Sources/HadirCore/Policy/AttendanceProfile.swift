/// An office's attendance rules: when check-in and check-out are accepted, when lateness begins,
/// and the zone its wall clock lives in.
///
/// Times are local to `zone`. A punch is classified from its local time and whether the employee
/// already checked in that local day: the first punch of the day is an arrival, a later one before
/// the end of work is an early leave.
public struct AttendanceProfile: Hashable, Sendable, Codable {
    public var id: String
    public var displayName: String
    public var zone: IndonesianZone
    /// Earliest accepted check-in.
    public var checkInOpens: ClockTime
    /// Check-ins after this minute are late; nil means the profile has no late threshold.
    public var lateAfter: ClockTime?
    /// Latest accepted check-in; nil means check-in (late) is accepted until check-out opens.
    public var checkInCloses: ClockTime?
    /// End of work: check-out opens here, and leaving before it is early.
    public var checkOutOpens: ClockTime
    /// Latest accepted check-out; nil means until midnight.
    public var checkOutCloses: ClockTime?

    public init(
        id: String, displayName: String, zone: IndonesianZone, checkInOpens: ClockTime, lateAfter: ClockTime?,
        checkInCloses: ClockTime?, checkOutOpens: ClockTime, checkOutCloses: ClockTime?
    ) throws(AttendanceProfileError) {
        self.id = id
        self.displayName = displayName
        self.zone = zone
        self.checkInOpens = checkInOpens
        self.lateAfter = lateAfter
        self.checkInCloses = checkInCloses
        self.checkOutOpens = checkOutOpens
        self.checkOutCloses = checkOutCloses
        try validate()
    }

    func validate() throws(AttendanceProfileError) {
        if let lateAfter, lateAfter < checkInOpens {
            throw .outOfOrder("late_after \(lateAfter) is before check_in_opens \(checkInOpens)")
        }
        if let checkInCloses {
            if checkInCloses < checkInOpens {
                throw .outOfOrder("check_in_closes \(checkInCloses) is before check_in_opens \(checkInOpens)")
            }
            if let lateAfter, checkInCloses < lateAfter {
                throw .outOfOrder("check_in_closes \(checkInCloses) is before late_after \(lateAfter)")
            }
            if checkOutOpens < checkInCloses {
                throw .outOfOrder("check_out_opens \(checkOutOpens) is before check_in_closes \(checkInCloses)")
            }
        }
        if checkOutOpens <= checkInOpens {
            throw .outOfOrder("check_out_opens \(checkOutOpens) is not after check_in_opens \(checkInOpens)")
        }
        if let checkOutCloses, checkOutCloses < checkOutOpens {
            throw .outOfOrder("check_out_closes \(checkOutCloses) is before check_out_opens \(checkOutOpens)")
        }
    }

    /// Classifies a punch at local time `time`.
    public func assess(_ time: ClockTime, alreadyCheckedInToday: Bool) -> PunchAssessment {
        if time < checkInOpens { return PunchAssessment(classification: .outsideWindow) }
        if let checkOutCloses, time > checkOutCloses { return PunchAssessment(classification: .outsideWindow) }
        if time >= checkOutOpens { return PunchAssessment(classification: .checkOut) }
        if alreadyCheckedInToday {
            return PunchAssessment(
                classification: .earlyLeave, minutesOff: checkOutOpens.minuteOfDay - time.minuteOfDay)
        }
        if let checkInCloses, time > checkInCloses { return PunchAssessment(classification: .outsideWindow) }
        if let lateAfter, time > lateAfter {
            return PunchAssessment(classification: .late, minutesOff: time.minuteOfDay - lateAfter.minuteOfDay)
        }
        return PunchAssessment(classification: .onTime)
    }
}

/// Why a profile's times cannot be used.
public enum AttendanceProfileError: Error, Equatable, Sendable, CustomStringConvertible {
    case outOfOrder(String)

    public var description: String {
        switch self {
        case .outOfOrder(let detail): "attendance profile times are out of order: \(detail)"
        }
    }
}
