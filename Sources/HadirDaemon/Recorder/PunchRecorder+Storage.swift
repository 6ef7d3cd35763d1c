import HadirCore
import Logging
import Metrics

extension PunchRecorder {
    /// The disk is full: the punch is refused, never acknowledged from memory (decision 0012).
    ///
    /// "Acknowledged" means "on disk", so a punch that cannot be committed is not one: the person
    /// is told "Penyimpanan penuh — hubungi operator" and nothing else is written (a scan event
    /// would fail the same way). The first refusal of an episode is logged as critical.
    func refuseForFullStorage(_ employee: Employee, slot: UInt16?, at now: Int64) -> Outcome {
        let startsEpisode = storage?.punchRefused(atMilliseconds: now) ?? true
        let metadata: Logger.Metadata = ["pin": "\(employee.pin)", "database": "\(database.path)"]
        if startsEpisode {
            logger.critical("the disk is full: punches are refused until space is freed under the state directory", metadata: metadata)
        } else {
            logger.error("punch refused: the disk is still full", metadata: metadata)
        }
        publish(.storageFull, kind: .storageFull, pin: employee.pin, name: employee.name, slot: slot, detail: "disk full")
        Counter(label: "hadir_punches_refused_total", dimensions: [("reason", "storage_full")]).increment()
        return .failed("the disk is full")
    }

    /// A punch was committed: if the disk had been full, say that punches are stored again.
    func noteStored() {
        guard let since = storage?.punchStored() else { return }
        logger.notice("punches are stored again after a full disk", metadata: ["full_since_ms": "\(since)"])
        publish(.storageRecovered, kind: .storageRecovered, detail: "punches are stored again")
    }
}
