import Testing

@testable import HadirDaemon

@Suite struct DaemonStatusLineTests {
    @Test func connectedScannerWithABacklog() {
        let line = DaemonStatusLine(
            scannerConnected: true, scannerPath: "/dev/hadir/scanner0",
            backlog: .init(unsent: 37, oldestAgeSeconds: 2 * 3_600 + 59))
        #expect(line.text == "scanner connected (/dev/hadir/scanner0); backlog 37 (oldest 2h)")
    }

    @Test func disconnectedScannerWithAnEmptyBacklog() {
        let line = DaemonStatusLine(scannerConnected: false, scannerPath: "/dev/x", backlog: .init(unsent: 0, oldestAgeSeconds: nil))
        #expect(line.text == "scanner disconnected (/dev/x), retrying; backlog 0")
    }

    @Test func withoutUplinkServers() {
        #expect(
            DaemonStatusLine(scannerConnected: true, scannerPath: "/dev/x", backlog: nil).text
                == "scanner connected (/dev/x); no uplink configured")
    }

    @Test func agesAreCoarseSoTheLineRarelyChanges() {
        #expect(DaemonStatusLine.age(-5) == "0s")
        #expect(DaemonStatusLine.age(119) == "119s")
        #expect(DaemonStatusLine.age(120) == "2m")
        #expect(DaemonStatusLine.age(7_199) == "119m")
        #expect(DaemonStatusLine.age(7_200) == "2h")
        #expect(DaemonStatusLine.age(172_799) == "47h")
        #expect(DaemonStatusLine.age(172_800) == "2d")
    }
}
