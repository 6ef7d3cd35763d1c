import Foundation
import HadirCore
import HadirPull
import HadirScanner
import Logging

/// Every accepted key, by section, and how it lands in ``HadirConfiguration``.
/// Anything not listed here is an unknown key, reported with its line.
struct ConfigSchema {
    typealias Apply = @Sendable (inout HadirConfiguration, inout PolicyOverrides, ConfigValue) throws(ConfigValueError) -> Void

    /// Time overrides collected while reading, applied to the chosen profile at the end.
    struct PolicyOverrides {
        var zone: IndonesianZone?
        var checkInOpens: ClockTime?
        var lateAfter: ClockTime??
        var checkInCloses: ClockTime??
        var checkOutOpens: ClockTime?
        var checkOutCloses: ClockTime??
    }

    static let keys: [String: [String: Apply]] = [
        "device": [
            "serial": { config, _, value throws(ConfigValueError) in
                let serial = try value.string()
                guard !serial.isEmpty, serial.count <= 32, serial.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                    throw .invalid("serial must be 1-32 letters, digits or '-'")
                }
                config.device.serial = serial
            },
            "state_dir": { config, _, value throws(ConfigValueError) in
                let path = try value.string()
                guard path.hasPrefix("/") else { throw .invalid("state_dir must be an absolute path") }
                config.device.stateDirectory = path
            },
            "language": { config, _, value throws(ConfigValueError) in
                let text = try value.string()
                guard let language = KioskLanguage(rawValue: text) else { throw .invalid("language must be \"id\" or \"en\"") }
                config.device.language = language
            },
        ],
        "scanner": scannerKeys.mapValues(onPrimaryScanner),
        "policy": [
            "profile": { config, _, value throws(ConfigValueError) in
                let id = try value.string()
                guard let profile = AttendanceProfile.fieldProfiles[id] else {
                    let known = AttendanceProfile.fieldProfiles.keys.sorted().joined(separator: ", ")
                    throw .invalid("unknown profile \"\(id)\"; known profiles: \(known)")
                }
                config.policy.profile = profile
            },
            "zone": { _, overrides, value throws(ConfigValueError) in
                let name = try value.string()
                guard let zone = IndonesianZone(name: name) else { throw .invalid("zone \"\(name)\" is not WIB, WITA or WIT") }
                overrides.zone = zone
            },
            "duplicate_window_s": { config, _, value throws(ConfigValueError) in
                config.policy.duplicateWindowSeconds = try value.int(in: 0...86_400)
            },
            "check_in_opens": { _, overrides, value throws(ConfigValueError) in overrides.checkInOpens = try value.clockTime() },
            "late_after": { _, overrides, value throws(ConfigValueError) in overrides.lateAfter = .some(try optionalTime(value)) },
            "check_in_closes": { _, overrides, value throws(ConfigValueError) in overrides.checkInCloses = .some(try optionalTime(value)) },
            "check_out_opens": { _, overrides, value throws(ConfigValueError) in overrides.checkOutOpens = try value.clockTime() },
            "check_out_closes": { _, overrides, value throws(ConfigValueError) in overrides.checkOutCloses = .some(try optionalTime(value))
            },
        ],
        "control": [
            "socket": { config, _, value throws(ConfigValueError) in
                let path = try value.string()
                guard path.isEmpty || path.hasPrefix("/") else { throw .invalid("socket must be an absolute path") }
                config.control.socketPath = path.isEmpty ? nil : path
            },
            "group": { config, _, value throws(ConfigValueError) in
                let group = try value.string()
                guard !group.isEmpty, group.count <= 32,
                    group.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) })
                else { throw .invalid("group must be a system group name such as \"hadir\"") }
                config.control.group = group
            },
            "listen": { config, _, value throws(ConfigValueError) in
                let text = try value.string()
                if text.isEmpty {
                    config.control.listen = nil
                    return
                }
                guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65_535).contains(port)
                else { throw .invalid("listen must be \"host:port\", e.g. \"0.0.0.0:8088\" (empty = unix socket only)") }
                let host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                guard !host.isEmpty else { throw .invalid("listen needs a host, e.g. \"0.0.0.0:8088\"") }
                config.control.listen = (host, port)
            },
            "token": { config, _, value throws(ConfigValueError) in
                let token = try value.string()
                guard token.count >= 16, token.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline }) else {
                    throw .invalid("token must be at least 16 printable ASCII characters without spaces (e.g. `openssl rand -hex 24`)")
                }
                config.control.token = token
            },
            "max_connections": { config, _, value throws(ConfigValueError) in
                config.control.maxConnections = try value.int(in: 1...4_096)
            },
            "max_connections_per_address": { config, _, value throws(ConfigValueError) in
                config.control.maxConnectionsPerAddressSetting = try value.int(in: 1...4_096)
            },
            "idle_timeout_s": { config, _, value throws(ConfigValueError) in
                config.control.idleTimeoutSeconds = try value.int(in: 1...3_600)
            },
            "max_body_bytes": { config, _, value throws(ConfigValueError) in
                config.control.maxBodyBytes = try value.int(in: 1_024...1_048_576)
            },
        ],
        "clock": [
            "authority": { config, _, value throws(ConfigValueError) in
                let authority = try value.string()
                guard authority == "ntp" || authority == "server" else {
                    throw .invalid("authority must be \"ntp\" or \"server\" (server-authoritative)")
                }
                config.clock.authority = authority
            },
            "simulated_start": { config, _, value throws(ConfigValueError) in
                let text = try value.string()
                guard SimulatedClockStart(text) != nil else {
                    throw .invalid("simulated_start must look like \"2026-11-23 06:55\" (local time)")
                }
                config.clock.simulatedStart = text
            },
            "simulated_rate": { config, _, value throws(ConfigValueError) in
                let rate = try value.double()
                guard rate > 0, rate <= 3_600 else { throw .outOfRange("simulated_rate must be in (0, 3600]") }
                config.clock.simulatedRate = rate
            },
            "sync_state_file": { config, _, value throws(ConfigValueError) in
                let path = try value.string()
                guard path.hasPrefix("/"), !path.hasSuffix("/") else {
                    throw .invalid("sync_state_file must be an absolute file path, e.g. \"/run/hadir/sync-state\"")
                }
                config.clock.syncStateFile = path
            },
        ],
        "journal": [
            "checkpoint_every": { config, _, value throws(ConfigValueError) in
                config.journal.checkpointEvery = try value.int(in: 1...100_000)
            }
        ],
        "storage": [
            "warn_free_mb": { config, _, value throws(ConfigValueError) in
                config.storage.warnFreeMegabytes = try value.int(in: 0...1_000_000)
            },
            "critical_free_mb": { config, _, value throws(ConfigValueError) in
                config.storage.criticalFreeMegabytes = try value.int(in: 0...1_000_000)
            },
            "check_every_s": { config, _, value throws(ConfigValueError) in
                config.storage.checkEverySeconds = try value.int(in: 1...86_400)
            },
        ],
        "pull": [
            "enabled": { config, _, value throws(ConfigValueError) in config.pull.enabled = try value.bool() },
            "host": { config, _, value throws(ConfigValueError) in
                let host = try value.string()
                guard !host.isEmpty, !host.contains(" ") else { throw .invalid("host must be an address to listen on, e.g. \"0.0.0.0\"") }
                config.pull.host = host
            },
            "port": { config, _, value throws(ConfigValueError) in config.pull.port = try value.int(in: 0...65_535) },
            "tcp": { config, _, value throws(ConfigValueError) in config.pull.tcp = try value.bool() },
            "udp": { config, _, value throws(ConfigValueError) in config.pull.udp = try value.bool() },
            "comm_key": { config, _, value throws(ConfigValueError) in config.pull.commKey = try value.unsigned32() },
            "read_only": { config, _, value throws(ConfigValueError) in config.pull.readOnly = try value.bool() },
            "allow": { config, _, value throws(ConfigValueError) in
                let cidrs = try value.stringList()
                do {
                    _ = try ZKAllowList(cidrs)
                } catch {
                    throw .invalid("allow: \(error)")
                }
                config.pull.allow = cidrs
            },
            "max_sessions": { config, _, value throws(ConfigValueError) in config.pull.maxSessions = try value.int(in: 1...1_000) },
            "max_sessions_per_address": { config, _, value throws(ConfigValueError) in
                config.pull.maxSessionsPerAddressSetting = try value.int(in: 1...1_000)
            },
            "max_connections": { config, _, value throws(ConfigValueError) in config.pull.maxConnections = try value.int(in: 1...4_096) },
            "max_connections_per_address": { config, _, value throws(ConfigValueError) in
                config.pull.maxConnectionsPerAddressSetting = try value.int(in: 1...4_096)
            },
            "first_request_timeout_s": { config, _, value throws(ConfigValueError) in
                config.pull.firstRequestTimeoutSeconds = try value.int(in: 1...300)
            },
            "requests_per_second": { config, _, value throws(ConfigValueError) in
                let rate = try value.double()
                guard rate >= 1, rate <= 100_000 else { throw .outOfRange("requests_per_second must be in 1…100000") }
                config.pull.requestsPerSecond = rate
            },
            "idle_timeout_s": { config, _, value throws(ConfigValueError) in config.pull.idleTimeoutSeconds = try value.int(in: 5...86_400)
            },
            "set_time": { config, _, value throws(ConfigValueError) in
                let policy = try value.string()
                guard ["refuse-when-synced", "apply", "refuse"].contains(policy) else {
                    throw .invalid("set_time must be \"refuse-when-synced\", \"apply\" or \"refuse\"")
                }
                config.pull.setTime = policy
            },
            "device_name": { config, _, value throws(ConfigValueError) in
                config.pull.deviceName = try value.string()
            },
            "platform": { config, _, value throws(ConfigValueError) in
                let platform = try value.string()
                guard platform.hasSuffix("_TFT") else {
                    throw .invalid("platform must end in _TFT (pyzk then uses the 72/40-byte formats)")
                }
                config.pull.platform = platform
            },
            "mac": { config, _, value throws(ConfigValueError) in config.pull.macAddress = try value.string() },
        ],
        "report": reportKeys,
        "voice": voiceKeys,
        "admin": adminKeys,
        "kiosk": kioskKeys,
        "output": [
            "feedback_lines": { config, _, value throws(ConfigValueError) in config.output.feedbackLines = try value.bool() },
            "log_level": { config, _, value throws(ConfigValueError) in
                let text = try value.string()
                guard let level = Logger.Level(rawValue: text) else {
                    throw .invalid("log_level must be one of trace, debug, info, notice, warning, error, critical")
                }
                config.output.logLevel = level
            },
        ],
    ]

    typealias ApplyUplink = @Sendable (inout HadirConfiguration.UplinkServer, ConfigValue) throws(ConfigValueError) -> Void

    /// Keys of one `[uplink.<name>]` table.
    static let uplinkKeys: [String: ApplyUplink] = [
        "url": { server, value throws(ConfigValueError) in
            let url = try value.string()
            guard url.hasPrefix("http://") || url.hasPrefix("https://"), url.count > 8, !url.contains(" ") else {
                throw .invalid("url must be an http:// or https:// URL, e.g. \"http://10.0.0.5:8081/iclock/\"")
            }
            server.url = url.hasSuffix("/") ? url : url + "/"
        },
        "legacy": { server, value throws(ConfigValueError) in server.legacy = try value.bool() },
        "aspx": { server, value throws(ConfigValueError) in server.aspx = try value.bool() },
        "connect_timeout_ms": { server, value throws(ConfigValueError) in
            server.connectTimeoutMilliseconds = try value.int(in: 100...120_000)
        },
        "total_timeout_ms": { server, value throws(ConfigValueError) in
            server.totalTimeoutMilliseconds = try value.int(in: 500...600_000)
        },
        "ca_file": { server, value throws(ConfigValueError) in server.caFile = try absolutePath(value) },
        "client_cert": { server, value throws(ConfigValueError) in server.clientCertificate = try absolutePath(value) },
        "client_key": { server, value throws(ConfigValueError) in server.clientKey = try absolutePath(value) },
        "pinned_public_key": { server, value throws(ConfigValueError) in
            let pin = try value.string()
            guard pin.hasPrefix("sha256//") || pin.hasPrefix("/") else {
                throw .invalid("pinned_public_key must be \"sha256//<base64>\" or an absolute path to a public key")
            }
            server.pinnedPublicKey = pin
        },
        "proxy": { server, value throws(ConfigValueError) in server.proxy = try value.string() },
        "max_batch": { server, value throws(ConfigValueError) in server.maxBatch = try value.int(in: 1...10_000) },
        "quarantine_after": { server, value throws(ConfigValueError) in server.quarantineAfter = try value.int(in: 1...1_000) },
    ]

    private static func absolutePath(_ value: ConfigValue) throws(ConfigValueError) -> String {
        let path = try value.string()
        guard path.hasPrefix("/") else { throw .invalid("must be an absolute path") }
        return path
    }

    /// "" or "none" switches a threshold off.
    private static func optionalTime(_ value: ConfigValue) throws(ConfigValueError) -> ClockTime? {
        let text = try value.string()
        if text.isEmpty || text == "none" { return nil }
        return try value.clockTime()
    }
}

extension ConfigSchema {
    typealias ScannerApply = @Sendable (inout HadirConfiguration.Scanner, ConfigValue) throws(ConfigValueError) -> Void

    /// Keys of `[scanner]` and of each `[scanner.<name>]`; `kind` is applied first, because it
    /// sets the defaults the other keys override.
    static let scannerKeys: [String: ScannerApply] = [
        "kind": { scanner, value throws(ConfigValueError) in
            let text = try value.string()
            guard let kind = HadirConfiguration.ScannerKind(rawValue: text) else {
                throw .invalid("kind \"\(text)\" is not supported; use \"ef01\" (fingerprint) or \"fm225\" (face)")
            }
            scanner.setKind(kind)
        },
        "transport": { scanner, value throws(ConfigValueError) in
            let text = try value.string()
            guard let transport = HadirConfiguration.ScannerTransportKind(rawValue: text) else {
                throw .invalid("transport \"\(text)\" is not supported; use \"tty\", \"usb\" or \"auto\"")
            }
            if transport != .tty { try requireEF01(scanner, key: "transport \"\(text)\"") }
            scanner.transport = transport
        },
        "usb_ids": { scanner, value throws(ConfigValueError) in
            try requireEF01(scanner, key: "usb_ids")
            var ids: [USBDeviceID] = []
            for text in try value.stringList() {
                guard let id = USBDeviceID(parsing: text) else {
                    throw .invalid("usb_ids entry \"\(text)\" is not a VID:PID like \"2109:7638\" (four hex digits each)")
                }
                ids.append(id)
            }
            guard !ids.isEmpty else { throw .invalid("usb_ids must list at least one VID:PID") }
            scanner.usbIDs = ids
        },
        "path": { scanner, value throws(ConfigValueError) in
            let path = try value.string()
            guard path.hasPrefix("/") else { throw .invalid("path must be an absolute device path") }
            scanner.path = path
        },
        "baud": { scanner, value throws(ConfigValueError) in
            let baud = try value.int()
            // EF01 allows 9600 × N, but only these have a termios speed on Linux.
            guard TTYTransport.supportedBaudRates.contains(baud) else {
                let supported = TTYTransport.supportedBaudRates.map(String.init).joined(separator: ", ")
                throw .invalid("baud \(baud) is not supported; use one of \(supported)")
            }
            scanner.baud = baud
        },
        "address": { scanner, value throws(ConfigValueError) in
            try requireEF01(scanner, key: "address")
            scanner.address = try value.unsigned32()
        },
        "password": { scanner, value throws(ConfigValueError) in
            try requireEF01(scanner, key: "password")
            scanner.password = try value.unsigned32()
        },
        "identify_timeout_ms": { scanner, value throws(ConfigValueError) in
            scanner.identifyTimeoutMilliseconds = try value.int(in: 100...60_000)
        },
        "poll_interval_ms": { scanner, value throws(ConfigValueError) in
            try requireEF01(scanner, key: "poll_interval_ms")
            scanner.pollIntervalMilliseconds = try value.int(in: 10...1_000)
        },
        "response_timeout_ms": { scanner, value throws(ConfigValueError) in
            scanner.responseTimeoutMilliseconds = try value.int(in: 50...10_000)
        },
        "enroll_press_timeout_ms": { scanner, value throws(ConfigValueError) in
            scanner.enrollPressTimeoutMilliseconds = try value.int(in: 1_000...120_000)
        },
        "reconnect_min_ms": { scanner, value throws(ConfigValueError) in
            scanner.reconnectMinimumMilliseconds = try value.int(in: 10...60_000)
        },
        "reconnect_max_ms": { scanner, value throws(ConfigValueError) in
            scanner.reconnectMaximumMilliseconds = try value.int(in: 10...600_000)
        },
        "led": { scanner, value throws(ConfigValueError) in
            let text = try value.string()
            guard let led = HadirConfiguration.ScannerLedKind(rawValue: text) else {
                throw .invalid("led must be \"aura\" (R503 ring LED) or \"none\"")
            }
            if led != .none { try requireEF01(scanner, key: "led \"\(text)\"") }
            scanner.led = led
        },
    ]

    /// A `[scanner]` key applies to the first scanner.
    static func onPrimaryScanner(_ apply: @escaping ScannerApply) -> Apply {
        { config, _, value throws(ConfigValueError) in try apply(&config.scanner, value) }
    }

    /// EF01-only settings given for a face module are a mistake, not something to ignore.
    static func requireEF01(_ scanner: HadirConfiguration.Scanner, key: String) throws(ConfigValueError) {
        guard scanner.kind == .ef01 else {
            throw .invalid("\(key) applies to kind \"ef01\" only; this scanner is \"\(scanner.kind.rawValue)\"")
        }
    }
}
