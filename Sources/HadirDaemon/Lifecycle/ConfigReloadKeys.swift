/// One configuration key as the reload sees it: how to compare it and, for live keys, how to take
/// the new value.
struct ConfigReloadKey: Sendable {
    let name: String
    /// A comparable rendering of the key's resolved value.
    let value: @Sendable (HadirConfiguration) -> String
    /// nil: the key needs a restart.
    let applyLive: (@Sendable (inout HadirConfiguration, HadirConfiguration) -> Void)?

    static func live(
        _ name: String, _ value: @escaping @Sendable (HadirConfiguration) -> String,
        apply: (@Sendable (inout HadirConfiguration, HadirConfiguration) -> Void)? = nil
    ) -> ConfigReloadKey {
        // Policy windows are applied together by the plan (see ConfigReloadPlan); marking them live is enough.
        ConfigReloadKey(name: name, value: value, applyLive: apply ?? { _, _ in })
    }

    static func restart(_ name: String, _ value: @escaping @Sendable (HadirConfiguration) -> String) -> ConfigReloadKey {
        ConfigReloadKey(name: name, value: value, applyLive: nil)
    }
}

/// Every key a reload compares, in the order reports list them.
enum ConfigReloadKeys {
    static let all: [ConfigReloadKey] = [
        .restart("device.serial") { "\($0.device.serial ?? "")" },
        .restart("device.state_dir") { $0.device.stateDirectory },
        .restart("device.language") { $0.device.language.rawValue },
        .restart("scanner.kind") { $0.scanner.kind.rawValue },
        .restart("scanner.transport") { $0.scanner.transport.rawValue },
        .restart("scanner.usb_ids") { $0.scanner.usbIDs.map(\.description).joined(separator: ",") },
        .restart("scanner.path") { $0.scanner.path },
        .restart("scanner.baud") { "\($0.scanner.baud)" },
        .restart("scanner.address") { "\($0.scanner.address)" },
        .restart("scanner.password") { "\($0.scanner.password.map(String.init) ?? "")" },
        .restart("scanner.identify_timeout_ms") { "\($0.scanner.identifyTimeoutMilliseconds)" },
        .restart("scanner.poll_interval_ms") { "\($0.scanner.pollIntervalMilliseconds)" },
        .restart("scanner.response_timeout_ms") { "\($0.scanner.responseTimeoutMilliseconds)" },
        .restart("scanner.enroll_press_timeout_ms") { "\($0.scanner.enrollPressTimeoutMilliseconds)" },
        .restart("scanner.reconnect_min_ms") { "\($0.scanner.reconnectMinimumMilliseconds)" },
        .restart("scanner.reconnect_max_ms") { "\($0.scanner.reconnectMaximumMilliseconds)" },
        .restart("scanner.led") { $0.scanner.led.rawValue },
        .live("policy.profile", { $0.policy.profile.id }),
        .restart("policy.zone") { $0.policy.profile.zone.rawValue },
        .live("policy.check_in_opens", { "\($0.policy.profile.checkInOpens)" }),
        .live("policy.late_after", { "\($0.policy.profile.lateAfter.map { "\($0)" } ?? "none")" }),
        .live("policy.check_in_closes", { "\($0.policy.profile.checkInCloses.map { "\($0)" } ?? "none")" }),
        .live("policy.check_out_opens", { "\($0.policy.profile.checkOutOpens)" }),
        .live("policy.check_out_closes", { "\($0.policy.profile.checkOutCloses.map { "\($0)" } ?? "none")" }),
        .live(
            "policy.duplicate_window_s", { "\($0.policy.duplicateWindowSeconds)" },
            apply: { $0.policy.duplicateWindowSeconds = $1.policy.duplicateWindowSeconds }),
        .restart("control.socket") { $0.control.socketPath ?? "" },
        .restart("control.group") { $0.control.group },
        .restart("control.listen") { $0.control.listen.map { "\($0.host):\($0.port)" } ?? "" },
        .restart("control.token") { $0.control.token },
        .restart("control.max_connections") { "\($0.control.maxConnections)" },
        .restart("control.max_connections_per_address") { "\($0.control.maxConnectionsPerAddress)" },
        .restart("control.idle_timeout_s") { "\($0.control.idleTimeoutSeconds)" },
        .restart("control.max_body_bytes") { "\($0.control.maxBodyBytes)" },
        .restart("clock.authority") { $0.clock.authority },
        .restart("clock.simulated_start") { $0.clock.simulatedStart ?? "" },
        .restart("clock.simulated_rate") { "\($0.clock.simulatedRate)" },
        .restart("clock.sync_state_file") { $0.clock.syncStateFile ?? "" },
        .restart("journal.checkpoint_every") { "\($0.journal.checkpointEvery)" },
        .restart("storage.warn_free_mb") { "\($0.storage.warnFreeMegabytes)" },
        .restart("storage.critical_free_mb") { "\($0.storage.criticalFreeMegabytes)" },
        .restart("storage.check_every_s") { "\($0.storage.checkEverySeconds)" },
        .restart("pull.enabled") { "\($0.pull.enabled)" },
        .restart("pull.host") { $0.pull.host },
        .restart("pull.port") { "\($0.pull.port)" },
        .restart("pull.tcp") { "\($0.pull.tcp)" },
        .restart("pull.udp") { "\($0.pull.udp)" },
        .restart("pull.comm_key") { "\($0.pull.commKey)" },
        .restart("pull.read_only") { "\($0.pull.readOnly)" },
        .restart("pull.allow") { $0.pull.allow.joined(separator: ",") },
        .restart("pull.max_sessions") { "\($0.pull.maxSessions)" },
        .restart("pull.max_sessions_per_address") { "\($0.pull.maxSessionsPerAddress)" },
        .restart("pull.max_connections") { "\($0.pull.maxConnections)" },
        .restart("pull.max_connections_per_address") { "\($0.pull.maxConnectionsPerAddress)" },
        .restart("pull.first_request_timeout_s") { "\($0.pull.firstRequestTimeoutSeconds)" },
        .restart("pull.requests_per_second") { "\($0.pull.requestsPerSecond)" },
        .restart("pull.idle_timeout_s") { "\($0.pull.idleTimeoutSeconds)" },
        .restart("pull.set_time") { $0.pull.setTime },
        .restart("pull.device_name") { $0.pull.deviceName },
        .restart("pull.platform") { $0.pull.platform },
        .restart("pull.mac") { $0.pull.macAddress },
        .restart("voice.enabled") { "\($0.voice.enabled)" },
        .restart("voice.player") { $0.voice.player },
        .restart("voice.directory") { $0.voice.directory },
        .restart("voice.override_directory") { $0.voice.overrideDirectory },
        .restart("admin.pin_hash") { $0.admin.pinHash?.description ?? "" },
        .restart("admin.session_timeout_s") { "\($0.admin.sessionTimeoutSeconds)" },
        .restart("admin.max_failed_attempts") { "\($0.admin.maxFailedAttempts)" },
        .restart("admin.lockout_s") { "\($0.admin.lockoutSeconds)" },
        .restart("kiosk.enabled") { "\($0.kiosk.enabled)" },
        .restart("kiosk.listen") { "\($0.kiosk.listen.host):\($0.kiosk.listen.port)" },
        .restart("kiosk.result_seconds") { "\($0.kiosk.resultSeconds)" },
        .restart("output.feedback_lines") { "\($0.output.feedbackLines)" },
        .live("report.working_days", { $0.report.workingDays.sorted().map { $0.rawValue }.joined(separator: ",") }, apply: takeReport),
        .live("report.holidays", { $0.report.holidays.sorted().map { $0.description }.joined(separator: ",") }, apply: takeReport),
        .live("report.office_name", { $0.report.officeName }, apply: takeReport),
        .live("report.head_of_office", { $0.report.headOfOffice }, apply: takeReport),
        .live("report.head_of_office_nip", { $0.report.headOfOfficeNIP }, apply: takeReport),
        .live("output.log_level", { $0.output.logLevel.rawValue }, apply: { $0.output.logLevel = $1.output.logLevel }),
    ]

    /// Report settings are read per report request, so the whole table can be swapped at once.
    static let takeReport: @Sendable (inout HadirConfiguration, HadirConfiguration) -> Void = { $0.report = $1.report }
}
