extension ControlActions {
    /// `hadirctl doctor`'s checks as the daemon sees them, for the technician page: the same list,
    /// run inside hadird (its status, database, disk, network and servers).
    func doctor() async -> [DoctorCheck] {
        var unreachable: String?
        let report: StatusReport?
        do {
            report = try await status()
        } catch {
            report = nil
            unreachable = "status: \(error)"
        }
        return await DoctorChecks.run(
            status: report, unreachable: unreachable, stateDirectory: configuration.device.stateDirectory,
            databasePath: configuration.databasePath)
    }
}
