// Service lifecycle logs every service with "\(service)" at debug level: these descriptions keep
// the control token, scanner password, comm key and the environment out of the logs.

extension HadirConfiguration: CustomStringConvertible {
    public var description: String {
        "HadirConfiguration(state_dir: \(device.stateDirectory), scanners: \(scanners.map(\.name)), uplinks: \(uplinks.map(\.name)), "
            + "pull: \(pull.enabled ? "\(pull.host):\(pull.port)" : "off"), secrets redacted)"
    }
}

extension ConfigSource: CustomStringConvertible {
    /// The environment is left out: it may carry HADIR_CONTROL_TOKEN and friends.
    public var description: String { "ConfigSource(path: \(path ?? "embedded defaults"))" }
}

extension ConfigReloadService: CustomStringConvertible {
    var description: String { "ConfigReloadService(\(source))" }
}
