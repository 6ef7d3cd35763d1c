import Foundation
import GRDB
import HadirCore
import HadirDaemon
import HadirStore
import Testing

/// Tamper evidence end to end: hadird signs checkpoints as it punches and at shutdown, a server
/// checks a `/journal/proof` offline with an independent verifier (Python, `cryptography`) and the
/// pinned key, and `hadirctl verify-journal` finds a rewrite made with every hash recomputed.
@Suite(
    .serialized,
    .enabled(
        if: ADMSPeer.shouldRun,
        "HADIRTEST_PEER_PYTHON is not set (and CI is not): skipped. Run `make peers` and export HADIRTEST_PEER_PYTHON=$PWD/.venv-peers/bin/python"
    ))
struct JournalProofSystemTests {
    static let verifier = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/verify-journal-proof.py").path

    func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32?, output: [String], errors: [String]) {
        let process = try ManagedProcess(executable: executable, arguments: arguments)
        let status = process.waitForExit(timeout: .seconds(60))
        return (status, process.output, process.errors)
    }

    @Test func proofVerifiesOfflineAndARehashedRewriteIsFound() throws {
        let python = try ADMSPeer.readyPython()
        let dir = try TemporaryDirectory("proof")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let state = dir.path + "/state"
        let daemon = try DaemonUnderTest(
            stateDirectory: state, scannerPath: simulator.link, duplicateWindow: 0, extraConfig: "\n[journal]\ncheckpoint_every = 2\n")
        _ = try daemon.enroll(pin: "1001", name: "Siti", finger: 11, simulator: simulator)
        for count in 1...3 {
            try simulator.send("tap 11")
            try daemon.waitForEvent(.punch, count: count)
        }
        let journal = try #require(try daemon.client.status().journal)
        #expect(journal.lastCheckpointSeq == 2)
        #expect(journal.unsignedPunches == 1)
        #expect(journal.atStart == "never signed")

        // The server pinned this key at installation.
        let pem = try run(Binaries.path("hadirctl"), ["--state", state, "export-pubkey"])
        #expect(pem.status == 0)
        let keyPath = dir.path + "/kiosk.pub"
        try (pem.output.joined(separator: "\n") + "\n").write(toFile: keyPath, atomically: true, encoding: .utf8)

        // The proof of seq 2...3 ends on a checkpoint the daemon signs for it.
        let proof = try daemon.client.journalProof(from: 2, to: 3)
        #expect(proof.rows.map(\.seq) == [2, 3])
        #expect(proof.checkpoints.map(\.seq) == [2, 3])
        let proofPath = dir.path + "/proof.json"
        try JSONEncoder().encode(proof).write(to: URL(fileURLWithPath: proofPath))
        let verified = try run(python, [Self.verifier, proofPath, keyPath])
        #expect(verified.status == 0, "\(verified.output) \(verified.errors)")
        #expect(verified.output.first?.hasPrefix("proof OK: seq 2-3 of HDRTEST0001") == true, "\(verified.output)")

        // A proof edited on the way is caught at the edited row.
        var edited = proof
        edited.rows[1].pin = "1002"
        try JSONEncoder().encode(edited).write(to: URL(fileURLWithPath: proofPath))
        let refused = try run(python, [Self.verifier, proofPath, keyPath])
        #expect(refused.status == 1)
        #expect(refused.output == ["proof BROKEN at seq 3: hash does not match the row's contents"], "\(refused.output)")

        // One more punch, then a clean stop signs the tip.
        try simulator.send("tap 11")
        try daemon.waitForEvent(.punch, count: 4)
        #expect(daemon.terminate() == 0)
        let intact = try run(Binaries.path("hadirctl"), ["--state", state, "verify-journal"])
        #expect(intact.status == 0)
        #expect(intact.output.last?.contains("last at seq 4") == true, "\(intact.output)")

        // Root rewrites punch 3's time and recomputes every hash after it: the chain is whole again,
        // but the checkpoints at 3 and 4 are not.
        try rewrite(state + "/hadir.sqlite", seq: 3)
        let broken = try run(Binaries.path("hadirctl"), ["--state", state, "verify-journal", "--json"])
        #expect(broken.status == 1)
        #expect(broken.output.joined().contains("\"first_bad_seq\" : 3"), "\(broken.output)")
        let again = try DaemonUnderTest(
            stateDirectory: state, scannerPath: simulator.link, extraConfig: "\n[journal]\ncheckpoint_every = 2\n")
        let atStart = try #require(try again.client.status().journal).atStart
        #expect(atStart.hasPrefix("broken at seq 3"), "\(atStart)")
        #expect(again.terminate() == 0)
    }

    /// The forger's tool: moves punch `seq` an hour earlier and reseals the chain from there.
    private func rewrite(_ path: String, seq: Int64) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER journal_no_update")
            var previous =
                try Data.fetchOne(db, sql: "SELECT hash FROM journal WHERE seq = ?", arguments: [seq - 1]).map { [UInt8]($0) }
                ?? PunchChain.genesis
            let database = try HadirDatabase.open(path: path, readOnly: true)
            defer { try? database.close() }
            for punch in try database.punches(afterSeq: seq - 1, limit: 1_000) {
                var draft = punch.draft
                if punch.seq == seq { draft.clock.utcMilliseconds -= 3_600_000 }
                let sealed = PunchChain.seal(draft, seq: punch.seq, previousHash: previous)
                try db.execute(
                    sql: "UPDATE journal SET utc_ms = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                    arguments: [draft.clock.utcMilliseconds, Data(sealed.previousHash), Data(sealed.hash), punch.seq])
                previous = sealed.hash
            }
        }
    }
}
