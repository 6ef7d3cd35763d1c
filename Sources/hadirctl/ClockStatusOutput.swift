import HadirDaemon

/// The sync line of `hadirctl status`, and a warning line when punches await sync or cannot be
/// corrected, or the wall clock went back.
func printClockIntegrity(_ clock: ClockStatus) {
    let sync =
        clock.synced
        ? Output.green("synced") + " via \(clock.source ?? "?")"
        : Output.red("NOT synced") + " — \(clock.message ?? "")"
    var line = "clock sync \(sync), corrections \(clock.corrections)"
    if clock.unsyncedPunches > 0 { line += ", \(clock.unsyncedPunches) punch(es) await sync" }
    if clock.uncorrectablePunches > 0 { line += ", \(clock.uncorrectablePunches) from earlier boots stay unsynced" }
    print(line)
    if let back = clock.lastBackwardJumpMilliseconds {
        print("clock      " + Output.red("wall clock went back \(back / 1000) s") + " (\(clock.backwardJumps) time(s) this boot)")
    }
    if let problem = clock.problem { print("clock      " + Output.red("sync source: \(problem)")) }
}
