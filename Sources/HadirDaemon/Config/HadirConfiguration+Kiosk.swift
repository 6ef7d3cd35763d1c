extension HadirConfiguration {
    /// `[kiosk]`: the door screen served to the board's own browser (decision 0016).
    public struct Kiosk: Sendable {
        public var enabled = true
        /// Loopback only: the page has no token and shows names and times.
        public var listen: (host: String, port: Int) = ("127.0.0.1", 8090)
        /// How long a scan's result card stays on the screen.
        public var resultSeconds = 3

        /// Where to listen, or nil when the door screen is off.
        public var endpoint: (host: String, port: Int)? { enabled && listen.port > 0 ? listen : nil }
    }
}
