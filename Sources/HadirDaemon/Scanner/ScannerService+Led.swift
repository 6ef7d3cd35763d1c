import HadirScanner
import Logging

extension ScannerService {
    /// The ring LED's sequencer when `led = "aura"` (EF01 only); nil leaves the LED alone.
    func makeLedSequencer() -> AuraLedSequencer? {
        configuration.led == .aura ? AuraLedSequencer(hold: Self.ledResultHold) : nil
    }

    /// How long green or red stays before blue breathing returns.
    static let ledResultHold: Duration = .milliseconds(1_500)

    /// Sends one LED setting. Never throws: a punch is already recorded when this runs, and a lost
    /// link is found by the next identify round.
    func sendLed(_ setting: EF01AuraLed, on module: any ScannerModule, sequencer: inout AuraLedSequencer) async {
        guard let driver = module as? ScannerDriver else { return }
        do {
            try await driver.setAuraLed(setting)
        } catch .module, .timeout {
            if sequencer.moduleRefused() {
                logger.notice(
                    "scanner has no ring LED (AuraLedConfig refused); LED feedback off for this module",
                    metadata: ["scanner": "\(configuration.name)"])
            }
        } catch {
            sequencer.sendFailed()
            logger.debug("LED setting not sent", metadata: ["error": "\(error)"])
        }
    }
}
