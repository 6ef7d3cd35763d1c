import HadirCore
import HadirStore
import HadirUplink
import Testing

/// A server that answers 200 without OK for one record (reference §2): the batch shrinks to that
/// record, which is set aside after N tries, reported, and never blocks the others.
@Suite(.serialized) struct UplinkClientQuarantineTests {
    static let punches: Int64 = 300
    static let poison: Int64 = 137

    @Test func recordTheServerKeepsRefusingIsQuarantinedAndTheRestDelivered() async throws {
        let rig = try UplinkClientRig(punches: Self.punches) { $0.maxBatch = 64 }
        rig.server.setRule { request in
            request.kind == .attendanceUpload && request.seqs.contains(Self.poison) ? .failBody : nil
        }
        rig.start()

        #expect(await rig.eventually { rig.cursor == Self.punches }, "cursor \(rig.cursor)")
        await rig.stop()

        let server = rig.server
        // Everything else arrived, once, in order.
        #expect(server.acceptedSeqs == Array((1...Self.punches).filter { $0 != Self.poison }))
        #expect(server.storedSeqs == server.acceptedSeqs)
        // The refused batches all held the record and shrank down to it alone, which was tried N times.
        let refused = server.uploads.filter { $0.disposition == .refused }
        #expect(refused.allSatisfy { $0.seqs.contains(Self.poison) })
        #expect(refused.first.map { $0.seqs.count > 1 } == true)
        #expect(refused.filter { $0.seqs == [Self.poison] }.count == 3)
        #expect(refused.suffix(3).allSatisfy { $0.seqs == [Self.poison] })
        #expect(refused.count < 20)
        let afterQuarantine = try #require(server.uploads.first { $0.disposition == .accepted && $0.seqs.first! > Self.poison })
        #expect(afterQuarantine.seqs.first == Self.poison + 1)

        // The store says so: quarantined, still owed (backlog), with the reason.
        let quarantined = try rig.database.quarantinedPunches(server: UplinkClientRig.server)
        #expect(quarantined.map(\.seq) == [Self.poison])
        #expect(quarantined.first?.tries == 3)
        #expect(quarantined.first?.reason.contains("FAIL") == true)
        #expect(rig.backlog == 1)
        #expect(rig.state?.lastError?.contains("FAIL") == true)
        #expect(try rig.database.punch(seq: Self.poison) != nil)
        #expect(rig.cursorNeverRanAhead(skipped: [Self.poison]))
    }

    @Test func tooLargeShrinksTheBatchWithoutQuarantining() async throws {
        let rig = try UplinkClientRig(punches: 200) { $0.maxBatch = 128 }
        rig.server.setRule { request in
            request.kind == .attendanceUpload && request.seqs.count > 20 ? .status(413) : nil
        }
        rig.start()

        #expect(await rig.eventually { rig.cursor == 200 })
        await rig.stop()

        #expect(rig.server.acceptedSeqs.isExactly(1...200))
        #expect(rig.server.uploads.filter { $0.disposition == .accepted }.allSatisfy { $0.seqs.count <= 20 })
        #expect(try rig.database.quarantinedPunches(server: UplinkClientRig.server).isEmpty)
    }
}
