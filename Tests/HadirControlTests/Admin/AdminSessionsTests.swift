import Testing

@testable import HadirControl

@Suite struct AdminSessionsTests {
    @Test func sessionLivesWhileUsedAndEndsAfterTheIdleTimeout() {
        var sessions = AdminSessions(timeoutSeconds: 100)
        sessions.open(token: "t1", address: "a", now: 0)
        #expect(sessions.touch(token: "t1", now: 90))
        // Sliding: 90 + 99 is within 100 s of the last use.
        #expect(sessions.touch(token: "t1", now: 189))
        #expect(!sessions.touch(token: "t1", now: 289))
        #expect(sessions.count == 0)
    }

    @Test func unknownTokenIsRefused() {
        var sessions = AdminSessions(timeoutSeconds: 100)
        sessions.open(token: "t1", address: "a", now: 0)
        #expect(!sessions.touch(token: "t2", now: 1))
        #expect(!sessions.touch(token: "", now: 1))
    }

    @Test func logoutEndsOnlyThatSession() {
        var sessions = AdminSessions(timeoutSeconds: 100)
        sessions.open(token: "t1", address: "a", now: 0)
        sessions.open(token: "t2", address: "b", now: 0)
        #expect(sessions.close(token: "t1"))
        #expect(!sessions.close(token: "t1"))
        #expect(!sessions.touch(token: "t1", now: 1))
        #expect(sessions.touch(token: "t2", now: 1))
    }

    @Test func fullStoreEndsTheLeastRecentlyUsedSession() {
        var sessions = AdminSessions(timeoutSeconds: 100, maximumSessions: 2)
        sessions.open(token: "t1", address: "a", now: 0)
        sessions.open(token: "t2", address: "a", now: 1)
        #expect(sessions.touch(token: "t1", now: 2))
        sessions.open(token: "t3", address: "a", now: 3)
        #expect(sessions.count == 2)
        #expect(!sessions.touch(token: "t2", now: 4))
        #expect(sessions.touch(token: "t1", now: 4))
        #expect(sessions.touch(token: "t3", now: 4))
    }

    @Test func gateTokensAre256RandomBits() {
        let first = AdminGate.randomToken()
        let second = AdminGate.randomToken()
        #expect(first.count == 64)
        #expect(first.allSatisfy(\.isHexDigit))
        #expect(first != second)
    }
}
