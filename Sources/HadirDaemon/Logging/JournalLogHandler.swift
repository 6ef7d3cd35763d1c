import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Log lines for journald's stream transport: `<N>` syslog priority prefix (sd-daemon.h style),
/// the message, then metadata as `key=value`. journald adds its own timestamp and identifier, so
/// the line carries neither.
public struct JournalLogHandler: LogHandler {
    public let label: String
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let level: LiveLogLevel

    public init(label: String, level: LiveLogLevel, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.level = level
        self.metadataProvider = metadataProvider
    }

    /// Reads the shared level, so a reload reaches every logger at once.
    public var logLevel: Logger.Level {
        get { level.value }
        set { level.value = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        if let error = event.error { merged["error"] = "\(error)" }
        let line = Self.line(level: event.level, message: "\(event.message)", metadata: merged) + "\n"
        // One write(2) per line: whole lines even with several threads logging.
        _ = line.utf8CString.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
    }

    /// The sd-daemon.h priority for a swift-log level (trace has no syslog level below debug).
    public static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// `<4>scanner fault error=timeout consecutive=2`; one journal entry per line, so newlines are escaped.
    static func line(level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        var text = "<\(priority(level))>" + escape(message)
        for key in metadata.keys.sorted() {
            guard let value = metadata[key] else { continue }
            text += " " + key + "=" + quoted(escape("\(value)"))
        }
        return text
    }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\r" }) else { return text }
        return text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
