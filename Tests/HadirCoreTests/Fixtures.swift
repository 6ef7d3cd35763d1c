import HadirCore

func pin(_ text: String) -> EmployeePIN {
    // Test fixtures use known-valid PINs.
    try! EmployeePIN(text)
}

func clock(utc: Int64, mono: UInt64 = 0, boot: String = "boot-a", quality: ClockQuality = .synced) -> ClockReading {
    ClockReading(utcMilliseconds: utc, monotonicNanoseconds: mono, bootID: boot, quality: quality)
}

func draft(_ pinText: String, utc: Int64 = 1_763_856_000_000, verify: VerifyMethod = .fingerprint) -> PunchDraft {
    PunchDraft(
        deviceSerial: "HDR-TEST", pin: pin(pinText), clock: clock(utc: utc), zoneOffsetSeconds: 25_200,
        verify: verify, state: .checkIn, classification: .onTime)
}

func time(_ text: String) -> ClockTime {
    ClockTime(parsing: text)!
}
