import HadirCore
import HadirStore
import HadirUplink
import Testing

/// 500, 503 with Retry-After and 403 from the server (DESIGN §7.4): nothing is lost, the cursor only
/// advances on an OK, Retry-After silences the kiosk, and a refusal of the device leads to a new handshake.
@Suite(.serialized) struct UplinkClientServerErrorTests {
    static let punches: Int64 = 1_000

    /// The first exchange after `exchange`, if any.
    static func next(after exchange: ADMSExchange, in exchanges: [ADMSExchange]) -> ADMSExchange? {
        exchanges.first { $0.index > exchange.index }
    }

    @Test func serverErrorsLoseNothingAndTheCursorMovesOnlyOnOK() async throws {
        let rig = try UplinkClientRig(punches: Self.punches) { $0.maxBatch = 100 }
        rig.server.script(.handshake, [.status(500), .status(503)])
        rig.server.script(.attendanceUpload, [nil, .status(500), nil, .status(503), .status(500, body: "OK"), nil, .status(502)])
        rig.start()

        #expect(await rig.eventually { rig.cursor == Self.punches }, "cursor \(rig.cursor)")
        await rig.stop()

        let server = rig.server
        #expect(server.acceptedSeqs.isExactly(1...Self.punches))
        #expect(server.storedSeqs.isExactly(1...Self.punches))
        // A refused batch is sent again from the same record.
        let uploads = server.uploads
        for (index, upload) in uploads.enumerated() where upload.disposition == .refused {
            #expect(uploads.dropFirst(index + 1).first?.seqs.first == upload.seqs.first)
        }
        // "OK" in the body of a 500 is not an acknowledgement.
        #expect(uploads.filter { $0.disposition == .refused }.count == 4)
        #expect(rig.cursorNeverRanAhead())
        #expect(rig.backlog == 0)
        #expect(rig.state?.lastError?.contains("HTTP 502") == true)
    }

    @Test func retryAfterSilencesEveryRequestUntilItEnds() async throws {
        let rig = try UplinkClientRig(punches: 300) { $0.maxBatch = 100 }
        rig.server.script(.handshake, [.status(503, retryAfter: "1")])
        rig.server.script(.attendanceUpload, [nil, .status(503, retryAfter: "1")])
        rig.server.script(.getRequest, [nil, nil, .status(503, retryAfter: "1")])
        rig.start()

        #expect(await rig.eventually { rig.cursor == 300 && rig.polls(since: 0) >= 4 })
        await rig.stop()

        let exchanges = rig.server.exchanges
        let quieting = exchanges.filter { $0.fault == .status(503, retryAfter: "1") }
        #expect(quieting.count == 3)
        for exchange in quieting {
            let following = try #require(Self.next(after: exchange, in: exchanges), "nothing after \(exchange.kind)")
            // The client heard the 503 after the server answered, so this bound is conservative.
            #expect(
                following.arrivedAt - exchange.answeredAt >= .milliseconds(995),
                "\(following.kind) came \(following.arrivedAt - exchange.answeredAt) after a 503 with Retry-After: 1")
        }
        #expect(rig.server.acceptedSeqs.isExactly(1...300))
    }

    @Test func retryAfterAsAnHTTPDateIsHonoured() async throws {
        let rig = try UplinkClientRig(punches: 10)
        let until = ClientFixtures.imfDate(afterSeconds: 2)
        rig.server.script(.handshake, [.status(503, retryAfter: until.text)])
        rig.start()

        #expect(await rig.eventually { rig.cursor == 10 })
        await rig.stop()

        let exchanges = rig.server.exchanges
        let second = try #require(exchanges.dropFirst().first)
        #expect(second.arrivedAt >= until.instant - .milliseconds(10), "second handshake \(until.instant - second.arrivedAt) early")
    }

    @Test func forbiddenUploadLeadsToANewHandshakeAndKeepsTheBatch() async throws {
        let rig = try UplinkClientRig(punches: 300) { $0.maxBatch = 100 }
        rig.server.script(.attendanceUpload, [nil, .status(403, body: "device awaiting approval")])
        rig.start()

        #expect(await rig.eventually { rig.cursor == 300 })
        await rig.stop()

        let exchanges = rig.server.exchanges
        let forbidden = try #require(exchanges.first { $0.fault == .status(403, body: "device awaiting approval") })
        #expect(Self.next(after: forbidden, in: exchanges)?.kind == .handshake)
        #expect(exchanges.filter { $0.kind == .handshake }.count == 2)
        #expect(rig.server.acceptedSeqs.isExactly(1...300))
        #expect(rig.cursorNeverRanAhead())
    }

    @Test func forbiddenPollLeadsToANewHandshake() async throws {
        let rig = try UplinkClientRig(punches: 0)
        rig.server.script(.getRequest, [nil, .status(403)])
        rig.start()

        #expect(await rig.server.waitUntil { $0.exchanges.filter { $0.kind == .handshake }.count >= 2 })
        await rig.stop()

        let exchanges = rig.server.exchanges
        let forbidden = try #require(exchanges.first { $0.fault == .status(403) })
        #expect(Self.next(after: forbidden, in: exchanges)?.kind == .handshake)
        // The refusal shows in status.
        #expect(rig.state?.lastError == "poll: HTTP 403")
    }

    @Test func handshakeAnsweredRetryOrUnknownDeviceIsRetriedWithAllDataKept() async throws {
        let rig = try UplinkClientRig(punches: 50)
        rig.server.script(.handshake, [.status(200, body: "UNKNOWN DEVICE"), .status(200, body: "RETRY"), .status(401)])
        rig.start()

        #expect(await rig.eventually { rig.cursor == 50 })
        await rig.stop()

        #expect(rig.server.exchanges.prefix(4).allSatisfy { $0.kind == .handshake })
        #expect(rig.server.storedSeqs.isExactly(1...50))
    }
}
