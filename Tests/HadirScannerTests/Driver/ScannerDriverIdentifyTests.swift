import Testing

@testable import HadirScanner

struct ScannerDriverIdentifyTests {
    typealias F = DriverFixture

    @Test func identifyPollsUntilAFingerAndReportsTheMatch() async throws {
        let (driver, transport) = try await F.connected(capacity: 200)
        transport.expect(.genImg, .ack(0x02), times: 3)
        transport.expect(.genImg, .ack(0))
        transport.expect(.img2Tz(buffer: 1), .ack(0))
        transport.expect(.search(buffer: 1, start: 0, count: 200), .ack(0, [0, 5, 0, 150]))
        // The timeout only bounds a failure: the scripted finger arrives after three polls.
        #expect(try await driver.identify(timeout: .seconds(60)) == .matched(slot: 5, score: 150))
        #expect(transport.failures.isEmpty)
        #expect(transport.remainingSteps.isEmpty)
    }

    @Test func identifySearchesTheWholeCapacityReadFromTheModule() async throws {
        let (driver, transport) = try await F.connected(capacity: 1000)
        transport.expect(.genImg, .ack(0))
        transport.expect(.img2Tz(buffer: 1), .ack(0))
        transport.expect(.search(buffer: 1, start: 0, count: 1000), F.notFound)
        #expect(try await driver.identify() == .notFound)
        #expect(transport.failures.isEmpty)
    }

    @Test func identifyWithoutAFingerReportsNoFingerAfterTheTimeout() async throws {
        let (driver, transport) = try await F.connected()
        transport.expect(.genImg, .ack(0x02), times: 100_000)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try await driver.identify(timeout: .milliseconds(30)) == .noFinger)
        let elapsed = clock.now - start
        #expect(elapsed >= .milliseconds(30))
        #expect(transport.received.dropFirst().allSatisfy { $0 == .genImg })
        #expect(transport.received.count >= 3)
    }

    @Test func identifyUsesTheConfiguredTimeoutByDefault() async throws {
        let (driver, transport) = try await F.connected()
        transport.expect(.genImg, .ack(0x02), times: 100_000)
        #expect(try await driver.identify() == .noFinger)
    }

    @Test("unusable images are reported as unreadable", arguments: [0x06, 0x07, 0x15] as [UInt8])
    func unusableFeatureExtractionIsUnreadable(code: UInt8) async throws {
        let (driver, transport) = try await F.connected()
        transport.expect(.genImg, .ack(0))
        transport.expect(.img2Tz(buffer: 1), .ack(code))
        let expected = try #require(EF01ModuleError(code: code))
        #expect(try await driver.identify() == .unreadable(reason: expected.description))
        #expect(transport.remainingSteps.isEmpty)
    }

    @Test func failedCaptureIsUnreadable() async throws {
        let (driver, transport) = try await F.connected()
        transport.expect(.genImg, .ack(0x03))
        #expect(try await driver.identify() == .unreadable(reason: EF01ModuleError.imageCaptureFailed.description))
    }

    @Test func otherModuleErrorsAreThrown() async throws {
        let (driver, transport) = try await F.connected()
        transport.expect(.genImg, .ack(0))
        transport.expect(.img2Tz(buffer: 1), .ack(0))
        transport.expect(.search(buffer: 1, start: 0, count: 200), .ack(0x24, [0, 0, 0, 0]))
        #expect(await F.error { try await driver.identify() } == .module(.libraryEmpty))
    }

    @Test func sensorFaultDuringPollingIsThrown() async throws {
        let (driver, transport) = try await F.connected()
        transport.expect(.genImg, .ack(0x29))
        #expect(await F.error { try await driver.identify() } == .module(.sensorFault))
    }

    @Test func cancellingIdentifyStopsPolling() async throws {
        let (driver, transport) = try await F.connected()
        transport.expect(.genImg, .ack(0x02), times: 1_000_000)
        let task = Task { await F.error { try await driver.identify(timeout: .seconds(30)) } }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        #expect(await task.value == .cancelled)
    }

    @Test func waitForLiftReportsLiftAndTimeout() async throws {
        let (driver, transport) = try await F.connected()
        transport.expect(.genImg, .ack(0), times: 2)
        transport.expect(.genImg, .ack(0x02))
        #expect(try await driver.waitForLift(timeout: .seconds(60)))
        transport.expect(.genImg, .ack(0), times: 100_000)
        #expect(try await driver.waitForLift(timeout: .milliseconds(20)) == false)
    }

    @Test func concurrentOperationsDoNotInterleaveCommands() async throws {
        let (driver, transport) = try await F.connected()
        // identify polls (and suspends) twice before the finger arrives; count must wait for it.
        transport.expect(.genImg, .ack(0x02), times: 2)
        transport.expect(.genImg, .ack(0))
        transport.expect(.img2Tz(buffer: 1), .ack(0))
        transport.expect(.search(buffer: 1, start: 0, count: 200), F.notFound)
        transport.expect(.templateCount, .ack(0, [0, 1]))
        let identify = Task { try await driver.identify(timeout: .seconds(60)) }
        while !transport.received.contains(.genImg) { try await Task.sleep(for: .milliseconds(1)) }
        let count = try await driver.count()
        #expect(try await identify.value == .notFound)
        #expect(count == 1)
        #expect(transport.failures.isEmpty)
    }
}
