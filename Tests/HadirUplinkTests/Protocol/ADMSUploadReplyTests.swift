import Testing

@testable import HadirUplink

struct ADMSUploadReplyTests {
    @Test(arguments: [
        ("OK: 9", 9), ("OK:9", 9), ("OK: 9\n", 9), ("\r\nOK: 3\r\n", 3), ("OK 12", 12), ("ok: 1", 1), ("\u{FEFF}OK: 2", 2),
    ])
    func okWithCountIsAcceptedAndCountKept(body: String, count: Int) {
        let reply = ADMSUploadReply(statusCode: 200, body: body)
        #expect(reply.isAccepted)
        #expect(reply.outcome == .accepted)
        #expect(reply.reportedCount == count)
    }

    @Test func bareOKIsAcceptedWithoutCount() {
        for body in ["OK", "OK\n", "  OK  \r\n", "Received\nOK"] {
            let reply = ADMSUploadReply(statusCode: 200, body: body)
            #expect(reply.isAccepted, "\(body.debugDescription)")
            #expect(reply.reportedCount == nil)
        }
        #expect(ADMSUploadReply(statusCode: 201, body: "OK").isAccepted)
        #expect(ADMSUploadReply(statusCode: 299, body: "OK").isAccepted)
    }

    @Test func countBelowBatchSizeIsStillAWholeBatchAckNotAPartialOne() {
        // Nine lines sent, the server says it stored three (the rest were duplicates): still success.
        let reply = ADMSUploadReply(statusCode: 200, body: "OK: 3")
        #expect(reply.isAccepted)
        #expect(reply.reportedCount == 3)
    }

    @Test func successNeedsBothA2xxStatusAndAnOKBody() {
        #expect(ADMSUploadReply(statusCode: 500, body: "OK").outcome == .serverError)
        #expect(ADMSUploadReply(statusCode: 503, body: "OK: 9").outcome == .serverError)
        #expect(ADMSUploadReply(statusCode: 413, body: "OK").outcome == .payloadTooLarge)
        #expect(ADMSUploadReply(statusCode: 403, body: "OK").outcome == .rejectedStatus)
        #expect(ADMSUploadReply(statusCode: 302, body: "OK").outcome == .rejectedStatus)
        #expect(ADMSUploadReply(statusCode: 100, body: "OK").outcome == .rejectedStatus)
        #expect(!ADMSUploadReply(statusCode: 404, body: "OK").isAccepted)
    }

    @Test func otherBodiesAre2xxFailures() {
        #expect(ADMSUploadReply(statusCode: 200, body: "FAIL").outcome == .failBody)
        #expect(ADMSUploadReply(statusCode: 200, body: "ERROR: database locked").outcome == .failBody)
        for body in ["", "   ", "<html>OK</html>", "TOKEN EXPIRED", "NOT OK", "OKAY", "BROKEN", "{\"status\":\"OK\"}"] {
            let reply = ADMSUploadReply(statusCode: 200, body: body)
            #expect(reply.outcome == .unexpectedBody, "\(body.debugDescription)")
            #expect(!reply.isAccepted)
        }
    }

    @Test func excerptIsShortAndSingleLine() {
        let reply = ADMSUploadReply(statusCode: 200, body: "FAIL\r\n" + String(repeating: "x", count: 500))
        #expect(!reply.bodyExcerpt.contains("\n") && !reply.bodyExcerpt.contains("\r"))
        #expect(reply.bodyExcerpt.utf8.count <= 124)
    }

    @Test func onlyTheStartOfAHugeBodyIsInspected() {
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 5_000_000) + Array("\nOK".utf8)
        #expect(ADMSUploadReply(statusCode: 200, body: body).outcome == .unexpectedBody)
        let early = Array("OK: 4\n".utf8) + [UInt8](repeating: 0xFF, count: 100_000)
        #expect(ADMSUploadReply(statusCode: 200, body: early).reportedCount == 4)
    }
}
