import Foundation
import HadirCore
import HadirDaemon
import HadirStore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SIGKILL at random moments while punches flow: every acknowledged punch survives, seq has no
/// gaps or duplicates, and the chain verifies.
@Suite(.serialized) struct CrashSystemTests {
    static let kills = 50

    @Test func everyAcknowledgedPunchSurvivesSigkill() throws {
        let dir = try TemporaryDirectory("crash")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let state = dir.path + "/state"
        let fingers = [41, 42, 43]
        do {
            let setup = try DaemonUnderTest(stateDirectory: state, scannerPath: simulator.link, duplicateWindow: 0)
            for (index, finger) in fingers.enumerated() {
                let result = try setup.enroll(pin: "30\(index)", name: "Pegawai \(index)", finger: finger, simulator: simulator)
                try #require(result.status == .enrolled)
            }
            #expect(setup.terminate() == 0)
        }

        var generator = SplitMix64(seed: 0x4841_4449_52)  // fixed seed: the same kill schedule every run
        var acknowledged: [Int64: String] = [:]
        for round in 0..<Self.kills {
            let daemon = try DaemonUnderTest(stateDirectory: state, scannerPath: simulator.link, duplicateWindow: 0)
            let killAfter = Duration.milliseconds(Int64(generator.next() % 900))
            let deadline = ContinuousClock.now + killAfter
            var tap = 0
            while ContinuousClock.now < deadline {
                try simulator.send("tap \(fingers[(round + tap) % fingers.count])")
                tap += 1
                usleep(UInt32(20_000 + generator.next() % 60_000))
            }
            daemon.process.kill9AndWait()
            for event in daemon.events where event.event == .punch {
                if let seq = event.seq, let hash = event.hash { acknowledged[seq] = hash }
            }
            try simulator.send("lift")
        }

        let database = try HadirDatabase.open(path: state + "/hadir.sqlite", readOnly: true)
        let journal = try database.punches(pin: nil, fromUTC: nil, toUTC: nil, limit: nil)
        let stored = Dictionary(uniqueKeysWithValues: journal.map { ($0.seq, $0.hash.hexString) })
        #expect(acknowledged.count >= Self.kills / 2, "too few punches acknowledged to prove anything: \(acknowledged.count)")
        for (seq, hash) in acknowledged {
            #expect(stored[seq] == hash, "acknowledged punch seq \(seq) missing or changed after SIGKILL")
        }
        #expect(journal.map(\.seq) == Array(1...Int64(journal.count)))
        #expect(try database.verifyChain() == .intact(count: journal.count))
    }
}
