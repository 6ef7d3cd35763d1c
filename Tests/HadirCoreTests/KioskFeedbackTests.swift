import Testing

@testable import HadirCore

@Suite struct KioskFeedbackTests {
    let morning = LocalDateTime(year: 2026, month: 11, day: 23, hour: 7, minute: 12, second: 0)

    @Test func acceptedPunchReadsInBahasaIndonesiaByDefault() {
        let feedback = KioskFeedback.accepted(name: "Siti", time: morning, assessment: PunchAssessment(classification: .onTime))
        #expect(feedback.text() == "Terima kasih, Siti — Masuk 07:12 (tepat waktu)")
        #expect(feedback.text(in: .english) == "Thank you, Siti — In 07:12 (on time)")
    }

    @Test func lateAndEarlyShowMinutes() {
        let late = KioskFeedback.accepted(name: "Budi", time: morning, assessment: PunchAssessment(classification: .late, minutesOff: 12))
        #expect(late.text() == "Terima kasih, Budi — Masuk 07:12 (terlambat 12 menit)")
        let early = KioskFeedback.accepted(
            name: "Budi", time: morning, assessment: PunchAssessment(classification: .earlyLeave, minutesOff: 5))
        #expect(early.text().hasSuffix("(pulang cepat 5 menit)"))
    }

    @Test func refusalsNameTheOwner() {
        let refusal = KioskFeedback.enrollRefused(.fingerOwnedByAnotherEmployee(pin("1002"), slot: 3), ownerName: "Rahmat")
        #expect(refusal.text() == "Ditolak: jari ini sudah terdaftar atas nama Rahmat (1002)")
    }

    @Test func fixedMessagesMatchTheKioskScript() {
        #expect(KioskFeedback.unknownFinger.text() == "Jari tidak dikenali")
        #expect(KioskFeedback.alreadyRecorded(name: "Siti").text() == "Anda sudah absen")
        #expect(KioskFeedback.enrollStage(.placeFinger(press: 1, of: 2)).text() == "Tempelkan jari (1/2)…")
        #expect(KioskFeedback.enrollStage(.placeFinger(press: 2, of: 2)).text() == "Tempelkan lagi (2/2)…")
        #expect(KioskFeedback.enrollStage(.liftFinger).text() == "Angkat jari")
    }
}
