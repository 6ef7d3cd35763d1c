import Testing

@testable import HadirControl

@Suite struct AdminSessionsTests {
    @Test func sessionLivesWhileUsedAndEndsAfterTheIdleTimeout() {
        var sessions = AdminSessions(timeoutSeconds: 100)
        sessions.open(token: "t1", address: "a", now: 0)
        let result1 = sessions.touch(token: "t1", now: 90)
        #expect(result1)
        // Sliding: 90 + 99 is within 100 s of the last use.
        let result2 = sessions.touch(token: "t1", now: 189)
        #expect(result2)
        let result3 = sessions.touch(token: "t1", now: 289)
        #expect(!result3)
        #expect(sessions.count == 0)
    }

    @Test func unknownTokenIsRefused() {
        var sessions = AdminSessions(timeoutSeconds: 100)
        sessions.open(token: "t1", address: "a", now: 0)
        let result4 = sessions.touch(token: "t2", now: 1)
        #expect(!result4)
        let result5 = sessions.touch(token: "", now: 1)
        #expect(!result5)
    }

    @Test func logoutEndsOnlyThatSession() {
        var sessions = AdminSessions(timeoutSeconds: 100)
        sessions.open(token: "t1", address: "a", now: 0)
        sessions.open(token: "t2", address: "b", now: 0)
        let result6 = sessions.close(token: "t1")
        #expect(result6)
        let result7 = sessions.close(token: "t1")
        #expect(!result7)
        let result8 = sessions.touch(token: "t1", now: 1)
        #expect(!result8)
        let result9 = sessions.touch(token: "t2", now: 1)
        #expect(result9)
    }

    @Test func fullStoreEndsTheLeastRecentlyUsedSession() {
        var sessions = AdminSessions(timeoutSeconds: 100, maximumSessions: 2)
        sessions.open(token: "t1", address: "a", now: 0)
        sessions.open(token: "t2", address: "a", now: 1)
        let result10 = sessions.touch(token: "t1", now: 2)
        #expect(result10)
        sessions.open(token: "t3", address: "a", now: 3)
        #expect(sessions.count == 2)
        let result11 = sessions.touch(token: "t2", now: 4)
        #expect(!result11)
        let result12 = sessions.touch(token: "t1", now: 4)
        #expect(result12)
        let result13 = sessions.touch(token: "t3", now: 4)
        #expect(result13)
    }

    @Test func gateTokensAre256RandomBits() {
        let first = AdminGate.randomToken()
        let second = AdminGate.randomToken()
        #expect(first.count == 64)
        #expect(first.allSatisfy { $0.isHexDigit })
        #expect(first != second)
    }
}
