import HadirScanner
import Testing

@testable import HadirDaemon

@Suite struct AuraLedSequencerTests {
    typealias S = AuraLedSequencer

    @Test func idleBreathingGoesOutBeforeTheFirstRound() {
        var led = S(hold: .milliseconds(1500))
        #expect(led.roundStarting(at: .zero) == (S.idle, nil))
        #expect(led.state == .idle)
        #expect(led.roundStarting(at: .seconds(1)) == (nil, nil))
        #expect(S.idle == EF01AuraLed(control: .breathing, speed: 0x80, colour: .blue, cycles: 0))
    }

    @Test func aResultHoldsThenBlueBreathingReturns() {
        var led = S(hold: .milliseconds(1500))
        _ = led.roundStarting(at: .zero)
        #expect(led.scanned(.accepted, at: .seconds(10)) == S.accepted)
        #expect(S.accepted.colour == .green)
        // Rounds before the hold ends are cut short so blue returns on time.
        #expect(led.roundStarting(at: .seconds(10) + .milliseconds(400)) == (nil, .milliseconds(1100)))
        #expect(led.roundStarting(at: .seconds(11)) == (nil, .milliseconds(500)))
        #expect(led.roundStarting(at: .seconds(11) + .milliseconds(500)) == (S.idle, nil))
        #expect(led.state == .idle)
    }

    @Test func aRefusedScanShowsRedAndANewScanRestartsTheHold() {
        var led = S(hold: .seconds(2))
        _ = led.roundStarting(at: .zero)
        #expect(led.scanned(.refused, at: .seconds(5)) == S.refused)
        #expect(S.refused.colour == .red)
        #expect(led.scanned(.accepted, at: .seconds(6)) == S.accepted)
        #expect(led.roundStarting(at: .seconds(7)) == (nil, .seconds(1)))
        #expect(led.roundStarting(at: .seconds(8)) == (S.idle, nil))
    }

    @Test func aModuleThatRefusesIsNeverSentAnythingAgain() {
        var led = S(hold: .seconds(1))
        _ = led.roundStarting(at: .zero)
        let first = led.moduleRefused()
        let second = led.moduleRefused()
        #expect(first && !second)
        #expect(led.scanned(.accepted, at: .seconds(1)) == nil)
        led.connected()
        led.sendFailed()
        #expect(led.roundStarting(at: .seconds(5)) == (nil, nil))
        #expect(led.state == .unsupported)
    }

    @Test func aLostSettingIsResentAsIdleBeforeTheNextRound() {
        var led = S(hold: .seconds(1))
        _ = led.roundStarting(at: .zero)
        _ = led.scanned(.accepted, at: .seconds(1))
        led.sendFailed()
        #expect(led.roundStarting(at: .seconds(1)) == (S.idle, nil))
    }

    @Test func aReconnectSendsIdleAgain() {
        var led = S(hold: .seconds(1))
        _ = led.roundStarting(at: .zero)
        led.connected()
        #expect(led.state == .pending)
        #expect(led.roundStarting(at: .seconds(1)) == (S.idle, nil))
    }
}
