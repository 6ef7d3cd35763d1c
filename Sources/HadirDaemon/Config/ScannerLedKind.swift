extension HadirConfiguration {
    /// `[scanner] led`: the module's ring LED, if it has one.
    public enum ScannerLedKind: String, Sendable, CaseIterable {
        /// The R503's AuraLedConfig ring: blue breathing idle, green accepted, red refused.
        case aura
        /// Leave the LED alone (the default: most EF01 modules have none).
        case none
    }
}
