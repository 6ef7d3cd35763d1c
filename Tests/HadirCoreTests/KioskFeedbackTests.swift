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

    @Test func faceMessagesSpeakOfTheFace() {
        #expect(KioskFeedback.unknownFace.text() == "Wajah tidak dikenali")
        #expect(KioskFeedback.enrollStage(.faceDirection(.left, step: 2, of: 5)).text() == "Hadapkan wajah ke kiri (2/5)…")
        #expect(
            KioskFeedback.enrollStage(.faceDirection(.middle, step: 1, of: 5)).text(in: .english) == "Look straight at the camera (1/5)…")
        let refusal = KioskFeedback.enrollRefused(.fingerOwnedByAnotherEmployee(pin("1001"), slot: 2), ownerName: "Siti", modality: .face)
        #expect(refusal.text() == "Ditolak: wajah ini sudah terdaftar atas nama Siti (1001)")
        let second = KioskFeedback.enrollRefused(.employeeAlreadyHasFinger(slot: 2), ownerName: nil, modality: .face)
        #expect(second.text(in: .english) == "Refused: this employee already has a face enrolled")
        #expect(BiometricModality.face.verifyMethod.rawValue == 15)
        #expect(BiometricModality.fingerprint.verifyMethod.rawValue == 1)
    }

    @Test func storageFaultsTellThePersonToCallTheOperator() {
        #expect(KioskFeedback.storageFull.text() == "Penyimpanan penuh — hubungi operator")
        #expect(KioskFeedback.storageFull.text(in: .english) == "Storage full — contact the operator")
        #expect(KioskFeedback.storageLow.text() == "Penyimpanan hampir penuh — hubungi operator")
        #expect(KioskFeedback.storageFull.text().contains("Terima kasih") == false)
    }
}
