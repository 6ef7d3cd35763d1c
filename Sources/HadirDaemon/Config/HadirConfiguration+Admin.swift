import HadirCore

extension HadirConfiguration {
    /// `[admin]`: the technician page at `/admin` on the control API's LAN listener.
    public struct Admin: Sendable {
        /// Nil (`pin_hash = ""`): the page is disabled and says so.
        public var pinHash: AdminPINHash?
        /// A session ends after this long without a request (sliding).
        public var sessionTimeoutSeconds = 900
        /// Wrong PINs from one address before it is locked out.
        public var maxFailedAttempts = 5
        public var lockoutSeconds = 300
    }
}
