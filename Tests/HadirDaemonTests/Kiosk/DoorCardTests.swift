import HadirCore
import Testing

@testable import HadirDaemon

@Suite struct DoorCardTests {
    func punch(_ classification: PunchClassification, minutesOff: Int = 0) -> FeedbackEvent {
        var event = FeedbackEvent(
            event: .punch, message: "Terima kasih", pin: "198501012010011001", name: "Siti Rahma", seq: 42,
            localTime: "2026-11-24 07:42:09", classification: classification.rawValue, minutesOff: minutesOff)
        event.publishedAtMilliseconds = 1_764_000_000_123
        return event
    }

    @Test func onTimeArrivalShowsNameMasukTimeAndTepatWaktu() throws {
        let card = try #require(DoorCard(punch(.onTime), language: .indonesian))
        #expect(
            card
                == DoorCard(
                    outcome: .onTime, title: "Siti Rahma", direction: "Masuk", time: "07:42", status: "Tepat waktu", seq: 42,
                    publishedAtMilliseconds: 1_764_000_000_123))
    }

    @Test func lateAndEarlyLeaveSayHowManyMinutes() throws {
        let late = try #require(DoorCard(punch(.late, minutesOff: 12), language: .indonesian))
        #expect(late.outcome == .late && late.direction == "Masuk" && late.status == "Terlambat 12 menit")
        let early = try #require(DoorCard(punch(.earlyLeave, minutesOff: 30), language: .indonesian))
        #expect(early.outcome == .earlyLeave && early.direction == "Pulang" && early.status == "Pulang cepat 30 menit")
        let out = try #require(DoorCard(punch(.checkOut), language: .english))
        #expect(out.direction == "Out" && out.status == "Thank you")
    }

    @Test func duplicateNamesTheEarlierPunchTime() throws {
        let event = FeedbackEvent(
            event: .duplicate, message: "Anda sudah absen", pin: "1", name: "Siti Rahma", previousLocalTime: "2026-11-24 07:12:55")
        let card = try #require(DoorCard(event, language: .indonesian))
        #expect(card.outcome == .duplicate)
        #expect(card.title == "Siti Rahma")
        #expect(card.status == "Anda sudah absen pukul 07:12")
        #expect(DoorCard(event, language: .english)?.status == "You already checked in at 07:12")
    }

    @Test func failuresHaveTheirOwnOutcomeAndSentence() {
        let unknown = DoorCard(FeedbackEvent(event: .unknownFinger, message: "x"), language: .indonesian)
        #expect(unknown?.outcome == .unknown && unknown?.title == "Jari tidak dikenali, coba lagi")
        let fault = DoorCard(FeedbackEvent(event: .scannerDisconnected, message: "x", detail: "EIO"), language: .indonesian)
        #expect(fault?.outcome == .fault && fault?.title == "Pemindai bermasalah — hubungi operator")
        #expect(DoorCard(FeedbackEvent(event: .unreadable, message: "x"), language: .indonesian)?.outcome == .unreadable)
    }

    @Test func cardsCarryNoPinAndSkipEventsTheDoorNeedNotShow() throws {
        let card = try #require(DoorCard(punch(.onTime), language: .indonesian))
        let json = ControlRoutes.json(card)
        #expect(!json.contains("198501012010011001"))
        #expect(json.contains("\"published_at_ms\":1764000000123"))
        #expect(DoorCard(FeedbackEvent(event: .enrollStage, message: "Tempelkan jari"), language: .indonesian) == nil)
        #expect(DoorCard(FeedbackEvent(event: .ready, message: "ready"), language: .indonesian) == nil)
    }
}
