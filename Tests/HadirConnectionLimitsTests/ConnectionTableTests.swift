import Testing

@testable import HadirConnectionLimits

/// The admission rules, without sockets.
@Suite struct ConnectionTableTests {
    @Test func aFullTableEvictsItsOldestSilentConnectionForANewcomer() {
        var table = ConnectionTable<Int>(limits: ConnectionLimits(maximumConnections: 3))
        for key in 1...3 { #expect(table.admit(key, address: "10.0.0.\(key)") == .admit(evicting: nil)) }
        table.markProven(1)
        // 1 has sent a request and stays; 2 is the oldest silent one.
        #expect(table.admit(4, address: "10.0.0.4") == .admit(evicting: 2))
        #expect(table.admit(5, address: "10.0.0.5") == .admit(evicting: 3))
        #expect(table.count == 3)
    }

    @Test func aNewcomerIsRefusedWhenEveryOpenConnectionHasProvenItself() {
        var table = ConnectionTable<Int>(limits: ConnectionLimits(maximumConnections: 2))
        _ = table.admit(1, address: "10.0.0.1")
        _ = table.admit(2, address: "10.0.0.2")
        table.markProven(1)
        table.markProven(2)
        #expect(table.admit(3, address: "10.0.0.3") == .refuse(.connectionLimit))
        table.release(1)
        #expect(table.admit(3, address: "10.0.0.3") == .admit(evicting: nil))
    }

    @Test func theAddressCapEvictsOnlyFromTheSameAddress() {
        var table = ConnectionTable<Int>(limits: ConnectionLimits(maximumConnections: 10, maximumPerAddress: 2))
        _ = table.admit(1, address: "10.0.0.9")
        _ = table.admit(2, address: "10.0.0.1")
        _ = table.admit(3, address: "10.0.0.1")
        // 1 is older and silent, but another address's: the newcomer from .1 replaces .1's oldest.
        #expect(table.admit(4, address: "10.0.0.1") == .admit(evicting: 2))
        table.markProven(3)
        table.markProven(4)
        #expect(table.admit(5, address: "10.0.0.1") == .refuse(.perAddressLimit))
        #expect(table.admit(6, address: "10.0.0.2") == .admit(evicting: nil))
    }

    @Test func releasingFreesTheAddressShareAndUnknownKeysAreIgnored() {
        var table = ConnectionTable<Int>(limits: ConnectionLimits(maximumConnections: 10, maximumPerAddress: 1))
        _ = table.admit(1, address: "10.0.0.1")
        table.markProven(1)
        #expect(table.admit(2, address: "10.0.0.1") == .refuse(.perAddressLimit))
        let released = table.release(1)
        let releasedAgain = table.release(1)
        #expect(released && !releasedAgain)
        #expect(table.admit(2, address: "10.0.0.1") == .admit(evicting: nil))
        #expect(table.count == 1)
    }

    @Test func connectionsWithoutAnAddressCountOnlyTowardsTheTotal() {
        var table = ConnectionTable<Int>(limits: ConnectionLimits(maximumConnections: 2, maximumPerAddress: 1))
        #expect(table.admit(1, address: nil) == .admit(evicting: nil))
        #expect(table.admit(2, address: nil) == .admit(evicting: nil))
        #expect(table.admit(3, address: nil) == .admit(evicting: 1))
    }
}
