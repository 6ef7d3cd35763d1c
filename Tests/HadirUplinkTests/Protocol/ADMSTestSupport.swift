import HadirCore

/// Values shared by the ADMS protocol tests, namespaced so they cannot clash with other suites' helpers.
enum ADMSFixtures {
    static let wib: Int32 = 7 * 3600
    static let wita: Int32 = 8 * 3600
    static let wit: Int32 = 9 * 3600

    static func pin(_ text: String) -> EmployeePIN {
        // Fixtures only use valid PINs.
        try! EmployeePIN(text)
    }

    static func time(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> LocalDateTime {
        LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    static func punch(
        seq: Int64, utcMilliseconds: Int64, pin pinText: String = "1452", state: PunchState = .checkIn, verify: VerifyMethod = .fingerprint,
        zoneOffsetSeconds: Int32 = wib
    ) -> Punch {
        let draft = PunchDraft(
            deviceSerial: "HDR-TEST", pin: pin(pinText),
            clock: ClockReading(utcMilliseconds: utcMilliseconds, monotonicNanoseconds: 0, bootID: "boot", quality: .synced),
            zoneOffsetSeconds: zoneOffsetSeconds, verify: verify, state: state, classification: .onTime)
        return Punch(seq: seq, draft: draft, previousHash: Array(repeating: 0, count: 32), hash: Array(repeating: 1, count: 32))
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
