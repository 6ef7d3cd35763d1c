import Testing

@testable import HadirControl

@Suite struct AdminLockoutTests {
    let policy = AdminLockout.Policy(maximumFailures: 3, lockoutSeconds: 60, maximumGlobalFailures: 5)

    @Test func failuresCountDownThenLockTheAddress() {
        var lockout = AdminLockout(policy: policy)
        #expect(lockout.admit(address: "a", now: 0) == .allowed)
        #expect(lockout.recordFailure(address: "a", now: 1) == .counted(remainingAttempts: 2))
        #expect(lockout.recordFailure(address: "a", now: 2) == .counted(remainingAttempts: 1))
        #expect(lockout.recordFailure(address: "a", now: 3) == .lockedOut(seconds: 60, global: false))
        #expect(lockout.admit(address: "a", now: 3) == .lockedOut(remainingSeconds: 60))
        #expect(lockout.admit(address: "a", now: 62.5) == .lockedOut(remainingSeconds: 1))
    }

    @Test func lockoutEndsAfterItsTimeAndTheCountStartsAfresh() {
        var lockout = AdminLockout(policy: policy)
        for second in 0..<3 { _ = lockout.recordFailure(address: "a", now: Double(second)) }
        #expect(lockout.admit(address: "a", now: 62) == .allowed)
        #expect(lockout.recordFailure(address: "a", now: 63) == .counted(remainingAttempts: 2))
    }

    @Test func anotherAddressIsNotLockedByOnesFailures() {
        var lockout = AdminLockout(policy: policy)
        for second in 0..<3 { _ = lockout.recordFailure(address: "a", now: Double(second)) }
        #expect(lockout.admit(address: "b", now: 4) == .allowed)
        #expect(lockout.recordFailure(address: "b", now: 4) == .counted(remainingAttempts: 2))
    }

    @Test func failuresFromManyAddressesLockEveryone() {
        var lockout = AdminLockout(policy: policy)
        for (index, address) in ["a", "b", "c", "d"].enumerated() {
            #expect(lockout.recordFailure(address: address, now: Double(index)) == .counted(remainingAttempts: 2))
        }
        #expect(lockout.recordFailure(address: "e", now: 5) == .lockedOut(seconds: 60, global: true))
        #expect(lockout.admit(address: "f", now: 6) == .lockedOut(remainingSeconds: 59))
        #expect(lockout.admit(address: "f", now: 65) == .allowed)
    }

    @Test func successClearsTheAddressAndTheGlobalCount() {
        var lockout = AdminLockout(policy: policy)
        _ = lockout.recordFailure(address: "a", now: 0)
        _ = lockout.recordFailure(address: "a", now: 1)
        _ = lockout.recordFailure(address: "b", now: 1)
        lockout.recordSuccess(address: "a")
        #expect(lockout.recordFailure(address: "a", now: 2) == .counted(remainingAttempts: 2))
        #expect(lockout.global.failures == 1)
    }

    @Test func oldFailuresAreForgottenAfterALockoutPeriod() {
        var lockout = AdminLockout(policy: policy)
        _ = lockout.recordFailure(address: "a", now: 0)
        _ = lockout.recordFailure(address: "a", now: 1)
        #expect(lockout.recordFailure(address: "a", now: 100) == .counted(remainingAttempts: 2))
    }

    @Test func defaultGlobalLimitIsFourTimesThePerAddressLimit() {
        #expect(AdminLockout.Policy(maximumFailures: 5, lockoutSeconds: 300).maximumGlobalFailures == 20)
    }

    /// Every sequence of up to six events over three addresses: a locked address is always refused
    /// until its lockout ends, and nobody is refused without enough failures behind it.
    @Test func exhaustiveSequencesKeepTheInvariants() {
        let addresses = ["a", "b", "c"]
        var sequences: [[(String, Bool)]] = [[]]
        for _ in 0..<6 {
            sequences = sequences.flatMap { prefix in
                addresses.flatMap { address in [prefix + [(address, false)], prefix + [(address, true)]] }
            }
        }
        // Each sequence is checked at every step, so its prefixes need no separate run.
        for sequence in sequences { check(sequence) }
    }

    private func check(_ events: [(String, Bool)]) {
        var lockout = AdminLockout(policy: policy)
        var failures: [String: Int] = [:]
        var total = 0
        for (step, (address, success)) in events.enumerated() {
            let now = Double(step)
            let admission = lockout.admit(address: address, now: now)
            let shouldLock = (failures[address] ?? 0) >= policy.maximumFailures || total >= policy.maximumGlobalFailures
            #expect((admission != .allowed) == shouldLock, "\(events)")
            guard admission == .allowed else { continue }
            if success {
                lockout.recordSuccess(address: address)
                failures[address] = 0
                total = 0
            } else {
                _ = lockout.recordFailure(address: address, now: now)
                failures[address, default: 0] += 1
                total += 1
            }
        }
    }
}
