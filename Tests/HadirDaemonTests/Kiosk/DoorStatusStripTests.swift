import HadirCore
import Testing

@testable import HadirDaemon

@Suite struct DoorStatusStripTests {
    func server(backlog: Int, success: Int64?, error: Int64?) -> UplinkStatus {
        UplinkStatus(
            server: "bkpsdm", url: "http://10.0.0.5/iclock/", ackedSeq: 0, backlog: backlog, oldestUnsyncedAgeSeconds: nil,
            lastSuccessMilliseconds: success, lastError: error.map { _ in "timeout" }, lastErrorMilliseconds: error,
            clockDriftMilliseconds: nil, quarantined: [])
    }

    @Test func offlineShowsTheBacklogThatWillBeSent() {
        let items = DoorStatusStrip.items(
            uplinks: [server(backlog: 37, success: 1_000, error: 2_000)], clock: nil, storage: nil, scannersConnected: true,
            language: .indonesian)
        #expect(items == [DoorStatusItem(kind: "network", level: .warning, text: "Offline — 37 data tersimpan, akan dikirim otomatis")])
        let english = DoorStatusStrip.items(
            uplinks: [server(backlog: 1, success: nil, error: 2_000)], clock: nil, storage: nil, scannersConnected: true, language: .english
        )
        #expect(english.map(\.text) == ["Offline — 1 record stored, will be sent automatically"])
    }

    @Test func onlineOnceTheLastExchangeSucceeded() {
        let items = DoorStatusStrip.items(
            uplinks: [server(backlog: 0, success: 3_000, error: 2_000), server(backlog: 0, success: nil, error: nil)], clock: nil,
            storage: nil, scannersConnected: true, language: .english)
        #expect(items == [DoorStatusItem(kind: "network", level: .ok, text: "Online")])
    }

    @Test func noUplinkNoNetworkItemButClockStorageAndScannerWarnings() {
        let clock = ClockStatus(
            synced: false, source: nil, message: "Jam belum sinkron", unsyncedPunches: 0, uncorrectablePunches: 0, corrections: 0,
            backwardJumps: 0, lastBackwardJumpMilliseconds: nil, lastBackwardJumpAtMilliseconds: nil, problem: nil)
        let items = DoorStatusStrip.items(uplinks: [], clock: clock, storage: nil, scannersConnected: false, language: .indonesian)
        #expect(items.map(\.text) == ["Jam belum sinkron", "Pemindai bermasalah — hubungi operator"])
        #expect(items.map(\.level) == [.warning, .alert])
    }
}
