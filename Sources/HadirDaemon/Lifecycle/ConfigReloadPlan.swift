import HadirCore

/// What a SIGHUP reload does with a freshly loaded configuration: which changed keys are applied
/// live, which need a restart, and the configuration the daemon runs on afterwards. Pure.
///
/// Live keys are the ones read per punch or per log line, so swapping them cannot tear anything:
/// `output.log_level`, `policy.duplicate_window_s` and the policy windows (`policy.profile`,
/// `check_in_opens`, `late_after`, `check_in_closes`, `check_out_opens`, `check_out_closes`), and
/// the `[report]` table, read per report request.
/// Everything else is bound into a socket, a file, an open device or a running client at start
/// (state_dir, scanner, pull, uplink servers, control socket, clock, language, feedback_lines,
/// and `policy.zone`, which the uplink and pull encoders also use) and needs a restart.
public struct ConfigReloadPlan: Sendable {
    /// Changed keys now in effect.
    public var applied: [String]
    /// Changed keys that take effect only after a restart; the running values stay.
    public var restartNeeded: [String]
    /// The running configuration with the live keys taken from the new file.
    public var effective: HadirConfiguration

    public init(running: HadirConfiguration, loaded: HadirConfiguration) {
        applied = []
        restartNeeded = []
        effective = running
        for key in ConfigReloadKeys.all where key.value(running) != key.value(loaded) {
            if let apply = key.applyLive {
                apply(&effective, loaded)
                applied.append(key.name)
            } else {
                restartNeeded.append(key.name)
            }
        }
        // Servers are compared whole: any change rebuilds a client, which only a restart does.
        let names = Set(running.uplinks.map(\.name)).union(loaded.uplinks.map(\.name)).sorted()
        for name in names where running.uplinks.first(where: { $0.name == name }) != loaded.uplinks.first(where: { $0.name == name }) {
            restartNeeded.append("uplink.\(name)")
        }
        // So are the extra scanners: a changed module is reopened only by a restart.
        let scanners = Set(running.extraScanners.map(\.name)).union(loaded.extraScanners.map(\.name)).sorted()
        for name in scanners
        where running.extraScanners.first(where: { $0.name == name })?.reloadSignature
            != loaded.extraScanners.first(where: { $0.name == name })?.reloadSignature
        {
            restartNeeded.append("scanner.\(name)")
        }
        // The windows are applied live in the running zone; a new zone waits for the restart.
        if applied.contains(where: { $0.hasPrefix("policy.") && $0 != "policy.duplicate_window_s" }) {
            effective.policy.profile = Self.profile(loaded.policy.profile, in: running.policy.profile.zone) ?? running.policy.profile
        }
    }

    /// True when the reload changed nothing at all.
    public var isEmpty: Bool { applied.isEmpty && restartNeeded.isEmpty }

    static func profile(_ profile: AttendanceProfile, in zone: IndonesianZone) -> AttendanceProfile? {
        try? AttendanceProfile(
            id: profile.id, displayName: profile.displayName, zone: zone, checkInOpens: profile.checkInOpens,
            lateAfter: profile.lateAfter, checkInCloses: profile.checkInCloses, checkOutOpens: profile.checkOutOpens,
            checkOutCloses: profile.checkOutCloses)
    }
}
