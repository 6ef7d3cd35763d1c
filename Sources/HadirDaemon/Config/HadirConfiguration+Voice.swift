extension HadirConfiguration {
    /// `[voice]`: spoken prompts, in `[device] language`.
    public struct Voice: Sendable {
        public var enabled = true
        /// A command line; the WAV's path is appended as the last argument.
        public var player = "aplay -q"
        /// The shipped prompts, `<directory>/<language>/<prompt>.wav` (`make install` puts them here).
        public var directory = "/usr/share/hadir/voice"
        /// Recorded replacements in the same layout; a file here wins over the shipped one.
        public var overrideDirectory = "/etc/hadir/voice"
    }
}
