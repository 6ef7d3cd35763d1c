import Testing

@testable import HadirCore

@Suite struct AttendanceProfileTests {
    let bandung = AttendanceProfile.bandungBarat
    let oku = AttendanceProfile.oganKomeringUlu
    let bulungan = AttendanceProfile.bulungan

    @Test func bandungBaratIsOnTimeUntil0730AndLateAfter() {
        #expect(bandung.assess(time("06:00"), alreadyCheckedInToday: false).classification == .onTime)
        #expect(bandung.assess(time("07:30"), alreadyCheckedInToday: false).classification == .onTime)
        #expect(bandung.assess(time("07:42"), alreadyCheckedInToday: false) == PunchAssessment(classification: .late, minutesOff: 12))
        #expect(bandung.assess(time("05:59"), alreadyCheckedInToday: false).classification == .outsideWindow)
    }

    @Test func bandungBaratCheckOutWindowIs1600To1900() {
        #expect(bandung.assess(time("16:00"), alreadyCheckedInToday: true).classification == .checkOut)
        #expect(bandung.assess(time("19:00"), alreadyCheckedInToday: true).classification == .checkOut)
        #expect(bandung.assess(time("19:01"), alreadyCheckedInToday: true).classification == .outsideWindow)
        #expect(bandung.assess(time("15:30"), alreadyCheckedInToday: true) == PunchAssessment(classification: .earlyLeave, minutesOff: 30))
    }

    @Test func okuClosesCheckInAt0830() {
        #expect(oku.assess(time("06:29"), alreadyCheckedInToday: false).classification == .outsideWindow)
        #expect(oku.assess(time("07:31"), alreadyCheckedInToday: false).classification == .late)
        #expect(oku.assess(time("08:30"), alreadyCheckedInToday: false).classification == .late)
        #expect(oku.assess(time("08:31"), alreadyCheckedInToday: false).classification == .outsideWindow)
        #expect(oku.zone == .wib)
    }

    @Test func bulunganHasNoLateThresholdAndClosesCheckOutAt1830InWITA() {
        #expect(bulungan.assess(time("09:45"), alreadyCheckedInToday: false).classification == .onTime)
        #expect(bulungan.assess(time("18:30"), alreadyCheckedInToday: true).classification == .checkOut)
        #expect(bulungan.assess(time("18:31"), alreadyCheckedInToday: true).classification == .outsideWindow)
        #expect(bulungan.zone.offsetSeconds == 28_800)
    }

    @Test func classificationsMapToZKStateCodes() {
        #expect(PunchClassification.onTime.punchState == .checkIn)
        #expect(PunchClassification.late.punchState == .checkIn)
        #expect(PunchClassification.checkOut.punchState == .checkOut)
        #expect(PunchClassification.earlyLeave.punchState == .checkOut)
        #expect(PunchClassification.outsideWindow.punchState == .undefined)
    }

    @Test func everyMinuteOfTheDayGetsExactlyOneClassification() {
        for profile in AttendanceProfile.fieldProfiles.values {
            for minute in 0..<1440 {
                let t = ClockTime(hour: minute / 60, minute: minute % 60)
                let first = profile.assess(t, alreadyCheckedInToday: false)
                let later = profile.assess(t, alreadyCheckedInToday: true)
                #expect(first.minutesOff >= 0 && later.minutesOff >= 0)
                #expect(later.classification != .onTime && later.classification != .late)
            }
        }
    }

    @Test func rejectsProfilesWithTimesOutOfOrder() {
        #expect(throws: AttendanceProfileError.self) {
            try AttendanceProfile(
                id: "x", displayName: "x", zone: .wib, checkInOpens: time("08:00"), lateAfter: time("07:00"),
                checkInCloses: nil, checkOutOpens: time("16:00"), checkOutCloses: nil)
        }
        #expect(throws: AttendanceProfileError.self) {
            try AttendanceProfile(
                id: "x", displayName: "x", zone: .wib, checkInOpens: time("06:00"), lateAfter: nil,
                checkInCloses: nil, checkOutOpens: time("16:00"), checkOutCloses: time("15:00"))
        }
    }

    @Test func zonesParseFromCommonSpellings() {
        #expect(IndonesianZone(name: "wita") == .wita)
        #expect(IndonesianZone(name: "Asia/Jayapura") == .wit)
        #expect(IndonesianZone(name: "+07:00") == .wib)
        #expect(IndonesianZone(name: "UTC+10") == nil)
    }

    @Test func clockTimeParsesOnlyStrictHHMM() {
        #expect(ClockTime(parsing: "07:30")?.minuteOfDay == 450)
        for bad in ["7:30", "24:00", "07:60", "0730", "", "aa:bb", "07:30:00"] {
            #expect(ClockTime(parsing: bad) == nil)
        }
    }
}
