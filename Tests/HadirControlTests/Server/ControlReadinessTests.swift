import Testing

@testable import HadirControl

@Suite struct ControlReadinessTests {
    @Test func readyOnlyAfterEveryListenerIsBound() async {
        let readiness = ControlReadiness(listeners: 2)
        async let answer = readiness.wait()
        readiness.listenerBound()
        readiness.listenerBound()
        #expect(await answer)
        #expect(await readiness.wait())
    }

    @Test func servicesEndingEarlyAnswerFalse() async {
        let readiness = ControlReadiness(listeners: 2)
        async let answer = readiness.wait()
        readiness.listenerBound()
        readiness.finish()
        #expect(await answer == false)
        #expect(await readiness.wait() == false)
    }

    @Test func noListenersIsReadyAtOnce() async {
        #expect(await ControlReadiness(listeners: 0).wait())
    }
}
