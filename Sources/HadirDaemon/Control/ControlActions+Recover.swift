import Foundation
import HadirControl
import HadirStore

extension ControlActions {
    /// `POST /v1/recover`: salvages the readable rows of a quarantined database into the journal.
    ///
    /// Runs in the daemon, the journal's single writer, so the kiosk keeps taking punches and
    /// salvaged rows are chained and signed like any other. Only a quarantined file in the state
    /// directory is accepted: the API must not become a way to read arbitrary files.
    func recover(_ body: RecoverBody) throws -> SalvageReport {
        let path = try quarantinedFile(body.file)
        let contents: DamagedDatabaseContents
        do {
            contents = try DamagedDatabaseReader.read(path: path)
        } catch {
            throw ControlAPIError(.unprocessableContent, "nothing can be read from \(path): \(error)")
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let report = try database.salvage(contents, sourceFile: name, checkpointing: integrity?.checkpointing, actor: "hadirctl recover")
        storage?.quarantineRecovered(report.summary)
        logger.notice(
            "quarantined database recovered", metadata: ["file": "\(path)", "summary": "\(report.summary)"])
        return report
    }

    /// The absolute path of a quarantined database named by `file` (a name or a path), or a 4xx.
    func quarantinedFile(_ file: String) throws -> String {
        let directory = URL(fileURLWithPath: configuration.device.stateDirectory).standardizedFileURL.path
        let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : URL(fileURLWithPath: directory).appendingPathComponent(file)
        let path = url.standardizedFileURL.path
        let name = url.lastPathComponent
        let live = URL(fileURLWithPath: configuration.databasePath).lastPathComponent
        guard url.deletingLastPathComponent().standardizedFileURL.path == directory, name.hasPrefix(live + ".corrupt-"),
            !name.hasSuffix("-wal"), !name.hasSuffix("-shm")
        else {
            throw ControlAPIError.badRequest(
                "\(file) is not a quarantined database: expected \(live).corrupt-<ms> in \(directory) (see hadirctl status)")
        }
        guard FileManager.default.fileExists(atPath: path) else { throw ControlAPIError.notFound("\(path) does not exist") }
        return path
    }
}
