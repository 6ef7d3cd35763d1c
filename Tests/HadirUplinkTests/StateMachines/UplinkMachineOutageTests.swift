import HadirCore
import Testing

@testable import HadirUplink

@Suite struct UplinkMachineOutageTests {
    typealias F = UplinkFixtures

    /// 200 employees punching in around 07:00-08:00 WIB and out around 16:00-17:00, for `days` days.
    private func officePunches(days: Int, seed: UInt64) -> [Int64] {
        var generator = SplitMix64(seed: seed)
        var times: [Int64] = []
        for day in 0..<Int64(days) {
            for _ in 0..<200 {
                times.append(F.t0 + day * F.day + Int64.random(in: 0..<F.hour, using: &generator))
                times.append(F.t0 + day * F.day + 9 * F.hour + Int64.random(in: 0..<F.hour, using: &generator))
            }
        }
        return times.sorted()
    }

    @Test func threeDayOutageBacksOffWithinBoundsThenDrainsEveryPunchOnceInOrder() {
        var configuration = UplinkConfiguration()
        // A short cap makes the outage produce thousands of failures.
        configuration.backoffCap = .seconds(5 * 60)
        let cap = 5 * F.minute
        let outageStart = F.t0 + 2 * F.hour
        let outageEnd = outageStart + 3 * F.day
        // For two hours in the middle the server is up but overloaded: 503 with Retry-After.
        let overloaded = (outageStart + 30 * F.hour)..<(outageStart + 32 * F.hour)
        let retryAfter: Int64 = 15 * F.minute
        let punches = officePunches(days: 4, seed: 11)

        var driver = UplinkDriver(session: F.session(configuration, seed: 99))
        driver.start()
        var failures = 0
        var quietUntil = Int64.min
        var undercuts: [Int64] = []
        driver.run(until: outageEnd + F.day, punchTimes: punches) { request, now in
            let sentAt = now - 200
            if sentAt < quietUntil { undercuts.append(sentAt) }
            guard !(outageStart..<outageEnd).contains(now) else {
                failures += 1
                let overload = overloaded.contains(now)
                if overload { quietUntil = now + retryAfter }
                let kind: UplinkFailure = overload ? .httpStatus(503) : .transport
                let after: Duration? = overload ? .milliseconds(retryAfter) : nil
                switch request {
                case .sendHandshake: return .handshakeFailure(kind, retryAfter: after)
                case .uploadOptions: return .optionsFailure(kind)
                case .uploadBatch: return .uploadFailure(kind, retryAfter: after)
                default: return .pollFailure(kind, retryAfter: after)
                }
            }
            switch request {
            case .sendHandshake: return .handshake(F.options())
            case .uploadOptions: return .optionsOK
            case .uploadBatch: return .uploadOK
            default: return .pollOK(commands: false)
            }
        }

        #expect(driver.violations.isEmpty, "\(driver.violations.prefix(5))")
        #expect(failures > 1000)
        #expect(undercuts.isEmpty, "requests inside Retry-After at \(undercuts.prefix(3))")

        // While disconnected only handshakes go out; each gap is one jittered wait plus the request.
        let attempts = driver.requests.filter { (outageStart + 13 * F.hour..<outageEnd).contains($0.at) }
        #expect(attempts.allSatisfy { $0.action == .sendHandshake })
        let waits = zip(attempts, attempts.dropFirst()).map { $1.at - $0.at - driver.latency }
        // An attempt answered with 503 + Retry-After waits for the server instead.
        let outsideOverload = zip(attempts, waits).filter { !overloaded.contains($0.0.at + driver.latency) }.map(\.1)
        #expect(outsideOverload.allSatisfy { $0 >= F.second && $0 <= cap })
        // Full jitter: both short and nearly-capped waits occur.
        #expect(outsideOverload.min()! < 30 * F.second)
        #expect(outsideOverload.max()! > cap - 30 * F.second)

        // Every punch reached the server exactly once, in seq order, soon after it came back.
        #expect(driver.delivered == Array(1...Int64(punches.count)))
        #expect(driver.persistedCursor == Int64(punches.count))
        let reconnectedAt = driver.requests.first { $0.at >= outageEnd && $0.action == .sendHandshake }!.at
        #expect(reconnectedAt <= outageEnd + cap + F.second)
        let firstUploadAfter = driver.requests.first { request in
            if case .uploadBatch(let batch) = request.action { request.at >= outageEnd && batch.afterSeq > 0 } else { false }
        }
        #expect(firstUploadAfter.map { $0.at <= reconnectedAt + F.minute } == true)
    }

    @Test func outageEndingInAServerThatLostEverythingReplaysTheRetainedJournal() {
        let outageEnd = F.t0 + 3 * F.day
        let punches = officePunches(days: 3, seed: 5)
        var driver = UplinkDriver(session: F.session())
        driver.start()
        var serverHas: [Int64: Int] = [:]
        driver.run(until: outageEnd + F.hour, punchTimes: punches) { request, now in
            switch request {
            case .sendHandshake:
                // The server came back from an empty database and asks for everything.
                return .handshake(F.options { $0.attlogStamp = now >= outageEnd ? .number(0) : .absent })
            case .uploadBatch(let batch):
                if now >= F.t0 + F.day && now < outageEnd { return .uploadFailure(.transport) }
                for seq in (batch.afterSeq + 1)...batch.throughSeq { serverHas[seq, default: 0] += 1 }
                return .uploadOK
            default:
                return now >= F.t0 + F.day && now < outageEnd ? .pollFailure(.httpStatus(404)) : .pollOK(commands: false)
            }
        }
        #expect(driver.violations.isEmpty, "\(driver.violations.prefix(5))")
        #expect(driver.rewinds.count == 1)
        // Records sent before the outage arrive twice (the server asked), the rest once; none is missing.
        #expect(Set(serverHas.keys) == Set(1...Int64(punches.count)))
        #expect(serverHas.values.allSatisfy { $0 == 1 || $0 == 2 })
        #expect(driver.persistedCursor == Int64(punches.count))
    }
}
