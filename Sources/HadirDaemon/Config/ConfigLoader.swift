import Foundation
import HadirCore
import TOMLKit

/// Reads `hadird.toml` and `HADIR_*` overrides into a validated ``HadirConfiguration``.
/// Every mistake becomes one ``ConfigError`` naming the file, line and key.
public enum ConfigLoader {
    public static let defaultPath = "/etc/hadir/hadird.toml"

    /// Loads `path` (or only the embedded defaults when nil), then the environment overrides, and
    /// checks that the state directory is usable (creating it if needed).
    public static func load(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ConfigError) -> HadirConfiguration
    {
        var source: String?
        if let path { source = try readSource(path) }
        let file = path ?? "embedded defaults"
        let config = try parse(source: source, file: file, environment: environment)
        try checkStateDirectory(config.device.stateDirectory, file: file, locator: TOMLKeyLocator(source: source ?? ""))
        return config
    }

    /// Parses and validates TOML text (nil: only the embedded defaults), then the environment
    /// overrides, naming `file` in errors. Touches no file: everything `load` checks except that
    /// the state directory exists and is writable.
    public static func parse(source: String?, file: String, environment: [String: String]) throws(ConfigError) -> HadirConfiguration {
        var config = HadirConfiguration()
        var overrides = ConfigSchema.PolicyOverrides()
        let locator = TOMLKeyLocator(source: source ?? "")
        if let source {
            if let problem = TOMLPreflight.firstProblem(in: source) {
                throw ConfigError(file: file, line: problem.line, reason: problem.reason)
            }
            let table: TOMLTable
            do {
                table = try TOMLTable(string: source)
            } catch let error as TOMLParseError {
                throw ConfigError(file: file, line: error.source.begin.line, reason: "TOML syntax: \(error.description)")
            } catch {
                throw ConfigError(file: file, reason: "TOML syntax: \(error)")
            }
            try apply(table: table, file: file, locator: locator, to: &config, overrides: &overrides)
        }
        try applyEnvironment(environment, to: &config, overrides: &overrides)
        try finish(&config, overrides: overrides, file: file, locator: locator)
        return config
    }

    static func readSource(_ path: String) throws(ConfigError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason =
                !exists
                ? "config file does not exist" : isDirectory.boolValue ? "is a directory, not a config file" : "config file is not readable"
            throw ConfigError(file: path, reason: reason)
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, reason: "config file is not valid UTF-8")
        }
        return source
    }

    static func apply(
        table: TOMLTable, file: String, locator: TOMLKeyLocator, to config: inout HadirConfiguration,
        overrides: inout ConfigSchema.PolicyOverrides
    ) throws(ConfigError) {
        for section in table.keys.sorted() {
            if section == "uplink" {
                try applyUplinks(table: table, file: file, locator: locator, to: &config)
                continue
            }
            if section == "scanner" {
                try applyScanners(table: table, file: file, locator: locator, to: &config)
                continue
            }
            guard let keys = ConfigSchema.keys[section] else {
                // An empty name (`"" = 1`, `"".a = 1`) is shown as TOML writes it, not as nothing.
                throw ConfigError(
                    file: file, line: locator.line(of: section), key: section.isEmpty ? "\"\"" : section,
                    reason:
                        "unknown section or key; known sections: \((ConfigSchema.keys.keys + ["uplink"]).sorted().joined(separator: ", "))")
            }
            guard let sectionTable = table[section]?.table else {
                throw ConfigError(file: file, line: locator.line(of: section), key: section, reason: "expected a [\(section)] table")
            }
            for key in sectionTable.keys.sorted() {
                let path = "\(section).\(key)"
                guard let applyKey = keys[key] else {
                    throw ConfigError(
                        file: file, line: locator.line(of: path), key: path,
                        reason: "unknown key; known keys in [\(section)]: \(keys.keys.sorted().joined(separator: ", "))")
                }
                guard let raw = sectionTable[key] else { continue }
                do {
                    try applyKey(&config, &overrides, ConfigValue(origin: .toml(raw)))
                } catch {
                    throw ConfigError(file: file, line: locator.line(of: path), key: path, reason: error.reason)
                }
            }
        }
    }

    /// `[uplink.<name>]` tables: one per central server.
    static func applyUplinks(table: TOMLTable, file: String, locator: TOMLKeyLocator, to config: inout HadirConfiguration)
        throws(ConfigError)
    {
        guard let uplinks = table["uplink"]?.table else {
            throw ConfigError(file: file, line: locator.line(of: "uplink"), key: "uplink", reason: "expected [uplink.<name>] tables")
        }
        for name in uplinks.keys.sorted() {
            let section = "uplink.\(name)"
            guard !name.isEmpty, name.count <= 32, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            else {
                throw ConfigError(
                    file: file, line: locator.line(of: section), key: section,
                    reason: "server name must be 1-32 ASCII letters, digits, '-' or '_'")
            }
            guard let serverTable = uplinks[name]?.table else {
                throw ConfigError(
                    file: file, line: locator.line(of: section), key: section,
                    reason: "servers go in [uplink.<name>] tables, e.g. [uplink.bkpsdm] with url = \"http://…/iclock/\"")
            }
            var server = HadirConfiguration.UplinkServer(name: name)
            for key in serverTable.keys.sorted() {
                let path = "\(section).\(key)"
                guard let applyKey = ConfigSchema.uplinkKeys[key] else {
                    throw ConfigError(
                        file: file, line: locator.line(of: path), key: path,
                        reason:
                            "unknown key; known keys in [uplink.<name>]: \(ConfigSchema.uplinkKeys.keys.sorted().joined(separator: ", "))")
                }
                guard let raw = serverTable[key] else { continue }
                do {
                    try applyKey(&server, ConfigValue(origin: .toml(raw)))
                } catch {
                    throw ConfigError(file: file, line: locator.line(of: path), key: path, reason: error.reason)
                }
            }
            guard !server.url.isEmpty else {
                throw ConfigError(file: file, line: locator.line(of: section), key: "\(section).url", reason: "missing url")
            }
            config.uplinks.append(server)
        }
    }

    /// `[scanner]` keys for the first scanner, and `[scanner.<name>]` tables for more.
    static func applyScanners(table: TOMLTable, file: String, locator: TOMLKeyLocator, to config: inout HadirConfiguration)
        throws(ConfigError)
    {
        guard let scannerTable = table["scanner"]?.table else {
            throw ConfigError(file: file, line: locator.line(of: "scanner"), key: "scanner", reason: "expected a [scanner] table")
        }
        var named: [(String, TOMLTable)] = []
        let plain = TOMLTable()
        for key in scannerTable.keys {
            if let nested = scannerTable[key]?.table {
                named.append((key, nested))
            } else if let value = scannerTable[key] {
                plain[key] = value
            }
        }
        try applyScannerKeys(plain, section: "scanner", file: file, locator: locator, to: &config.scanner)
        for (name, nested) in named.sorted(by: { $0.0 < $1.0 }) {
            let section = "scanner.\(name)"
            guard name != "main", !name.isEmpty, name.count <= 32,
                name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            else {
                throw ConfigError(
                    file: file, line: locator.line(of: section), key: section,
                    reason: "scanner name must be 1-32 ASCII letters, digits, '-' or '_', and not \"main\" (that is [scanner] itself)")
            }
            var scanner = HadirConfiguration.Scanner(name: name)
            try applyScannerKeys(nested, section: section, file: file, locator: locator, to: &scanner)
            config.extraScanners.append(scanner)
        }
    }

    /// One scanner's keys, `kind` first because it moves the defaults the others override.
    static func applyScannerKeys(
        _ table: TOMLTable, section: String, file: String, locator: TOMLKeyLocator, to scanner: inout HadirConfiguration.Scanner
    ) throws(ConfigError) {
        for key in table.keys.sorted(by: { ($0 == "kind" ? 0 : 1, $0) < ($1 == "kind" ? 0 : 1, $1) }) {
            let path = "\(section).\(key)"
            guard let applyKey = ConfigSchema.scannerKeys[key] else {
                throw ConfigError(
                    file: file, line: locator.line(of: path), key: path,
                    reason:
                        "unknown key; known keys in [scanner] and [scanner.<name>]: \(ConfigSchema.scannerKeys.keys.sorted().joined(separator: ", "))"
                )
            }
            guard let raw = table[key] else { continue }
            do {
                try applyKey(&scanner, ConfigValue(origin: .toml(raw)))
            } catch {
                throw ConfigError(file: file, line: locator.line(of: path), key: path, reason: error.reason)
            }
        }
    }

    /// Knobs of the repository's own tools (`make flood`, `soak`, `powercut`, `fuzz`, `bench`,
    /// `demo`): they share the prefix but are no overrides, and must not stop a daemon started
    /// from the same shell.
    static let toolKnobPrefixes = ["HADIR_FLOOD_", "HADIR_SOAK_", "HADIR_POWERCUT_", "HADIR_FUZZ", "HADIR_BENCH_", "HADIR_DEMO_"]

    /// `HADIR_SCANNER_PATH=/dev/ttyUSB0` overrides `[scanner] path`.
    static func applyEnvironment(
        _ environment: [String: String], to config: inout HadirConfiguration, overrides: inout ConfigSchema.PolicyOverrides
    ) throws(ConfigError) {
        // HADIR_SCANNER_KIND goes first: it moves the defaults the other scanner keys override.
        let ordered = environment.sorted {
            ($0.key == "HADIR_SCANNER_KIND" ? 0 : 1, $0.key) < ($1.key == "HADIR_SCANNER_KIND" ? 0 : 1, $1.key)
        }
        for (name, value) in ordered where name.hasPrefix("HADIR_") {
            if name == "HADIR_CONFIG" || toolKnobPrefixes.contains(where: name.hasPrefix) { continue }
            if name == "HADIR_UPLINK_URL" {
                // One server named "default", for quick setups, the demo and tests.
                var server = config.uplinks.first(where: { $0.name == "default" }) ?? HadirConfiguration.UplinkServer(name: "default")
                do {
                    try ConfigSchema.uplinkKeys["url"]?(&server, ConfigValue(origin: .environment(value)))
                } catch {
                    throw ConfigError(file: "environment", key: name, reason: error.reason)
                }
                config.uplinks.removeAll { $0.name == "default" }
                config.uplinks.append(server)
                continue
            }
            let rest = name.dropFirst("HADIR_".count).lowercased()
            guard let section = ConfigSchema.keys.keys.first(where: { rest.hasPrefix($0 + "_") }),
                let applyKey = ConfigSchema.keys[section]?[String(rest.dropFirst(section.count + 1))]
            else {
                throw ConfigError(
                    file: "environment", key: name, reason: "unknown HADIR_ override (use HADIR_<SECTION>_<KEY>, e.g. HADIR_SCANNER_PATH)")
            }
            do {
                try applyKey(&config, &overrides, ConfigValue(origin: .environment(value)))
            } catch {
                throw ConfigError(file: "environment", key: name, reason: error.reason)
            }
        }
    }

    static func finish(
        _ config: inout HadirConfiguration, overrides: ConfigSchema.PolicyOverrides, file: String, locator: TOMLKeyLocator
    ) throws(ConfigError) {
        try checkScanners(config, file: file, locator: locator)
        if config.control.listen != nil && config.control.token.isEmpty {
            throw ConfigError(
                file: file, line: locator.line(of: "control.listen"), key: "control.token",
                reason: "listen opens the control API to the LAN, so it needs token = \"<at least 16 characters>\"")
        }
        if config.storage.criticalFreeMegabytes > config.storage.warnFreeMegabytes, config.storage.warnFreeMegabytes > 0 {
            throw ConfigError(
                file: file, line: locator.line(of: "storage.critical_free_mb"), key: "storage.critical_free_mb",
                reason: "critical_free_mb is larger than warn_free_mb")
        }
        try checkLimits(config, file: file, locator: locator)
        let base = config.policy.profile
        do {
            config.policy.profile = try AttendanceProfile(
                id: base.id, displayName: base.displayName, zone: overrides.zone ?? base.zone,
                checkInOpens: overrides.checkInOpens ?? base.checkInOpens,
                lateAfter: overrides.lateAfter ?? base.lateAfter,
                checkInCloses: overrides.checkInCloses ?? base.checkInCloses,
                checkOutOpens: overrides.checkOutOpens ?? base.checkOutOpens,
                checkOutCloses: overrides.checkOutCloses ?? base.checkOutCloses)
        } catch {
            throw ConfigError(file: file, line: locator.line(of: "policy"), key: "policy", reason: error.description)
        }
    }

    /// A per-address share set larger than the whole is a mistake worth naming, not a silent no-op.
    /// (Unset, the share follows a smaller whole.)
    static func checkLimits(_ config: HadirConfiguration, file: String, locator: TOMLKeyLocator) throws(ConfigError) {
        let pairs: [(part: Int, whole: Int, key: String, wholeKey: String)] = [
            (config.pull.maxConnectionsPerAddress, config.pull.maxConnections, "pull.max_connections_per_address", "max_connections"),
            (config.pull.maxSessionsPerAddress, config.pull.maxSessions, "pull.max_sessions_per_address", "max_sessions"),
            (
                config.control.maxConnectionsPerAddress, config.control.maxConnections, "control.max_connections_per_address",
                "max_connections"
            ),
        ]
        for pair in pairs where pair.part > pair.whole {
            throw ConfigError(
                file: file, line: locator.line(of: pair.key), key: pair.key,
                reason: "\(pair.part) is more than \(pair.wholeKey) (\(pair.whole)) in the same section")
        }
    }

    /// Each scanner's own limits, and at most one module per modality and per device.
    static func checkScanners(_ config: HadirConfiguration, file: String, locator: TOMLKeyLocator) throws(ConfigError) {
        var modalities: [BiometricModality: String] = [:]
        var paths: [String: String] = [:]
        for scanner in config.scanners {
            let section = scanner.name == "main" ? "scanner" : "scanner.\(scanner.name)"
            if scanner.reconnectMinimumMilliseconds > scanner.reconnectMaximumMilliseconds {
                throw ConfigError(
                    file: file, line: locator.line(of: "\(section).reconnect_min_ms"), key: "\(section).reconnect_min_ms",
                    reason: "reconnect_min_ms is larger than reconnect_max_ms")
            }
            if scanner.kind == .fm225, scanner.identifyTimeoutMilliseconds < 1_000 {
                throw ConfigError(
                    file: file, line: locator.line(of: "\(section).identify_timeout_ms"), key: "\(section).identify_timeout_ms",
                    reason: "a face module's VERIFY window is whole seconds: use at least 1000")
            }
            if let other = modalities[scanner.kind.modality] {
                throw ConfigError(
                    file: file, line: locator.line(of: "\(section).kind"), key: "\(section).kind",
                    reason: "[\(other)] is already a \(scanner.kind.modality.rawValue) scanner; a kiosk drives at most one of each")
            }
            modalities[scanner.kind.modality] = section
            if scanner.transport != .usb, let other = paths[scanner.path] {
                throw ConfigError(
                    file: file, line: locator.line(of: "\(section).path"), key: "\(section).path",
                    reason: "\(scanner.path) is already the path of [\(other)]")
            }
            paths[scanner.path] = section
        }
    }

    /// A state_dir naming a file is a mistake in the config. Whether the directory can be created
    /// and written is checked at start by ``StateDirectory/prepare(_:)``, with its own exit code.
    static func checkStateDirectory(_ path: String, file: String, locator: TOMLKeyLocator) throws(ConfigError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ConfigError(
                file: file, line: locator.line(of: "device.state_dir"), key: "device.state_dir",
                reason: "\(path): exists but is not a directory")
        }
    }
}
