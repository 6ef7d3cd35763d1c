import Logging

/// The existing stderr format (swift-log's `StreamLogHandler`) with the shared, reloadable level.
public struct LiveLevelLogHandler: LogHandler {
    var inner: StreamLogHandler
    let level: LiveLogLevel

    public init(label: String, level: LiveLogLevel) {
        inner = StreamLogHandler.standardError(label: label)
        // The inner handler sees only what passed the shared level.
        inner.logLevel = .trace
        self.level = level
    }

    public var logLevel: Logger.Level {
        get { level.value }
        set { level.value = newValue }
    }

    public var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    public var metadataProvider: Logger.MetadataProvider? {
        get { inner.metadataProvider }
        set { inner.metadataProvider = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        inner.log(event: event)
    }
}
