/// Power-on settings of the simulated face module.
public struct FaceEmulatorConfiguration: Hashable, Sendable {
    /// Faces the module can hold (the FM225 holds 100).
    public var capacity = 100
    /// How long a face must stay in view before VERIFY or an enroll step decides.
    public var recognitionMilliseconds: Int64 = 300
    /// Period of FACE_STATE notes while a job looks for a face.
    public var faceStateIntervalMilliseconds: Int64 = 200
    /// A simulated restart strikes this long into the job it was armed for.
    public var restartAfterMilliseconds: Int64 = 250
    public var version = "hadir-sim FM225 1.0"
    public var serialNumber = "HADIRSIMFACE0001"

    public init() {}

    /// Why these settings cannot run, or nil.
    public func validationError() -> String? {
        guard (1...Int(UInt8.max)).contains(capacity) else { return "capacity must be 1-255 (GET_ALL_USERID counts in one byte)" }
        guard recognitionMilliseconds >= 0, faceStateIntervalMilliseconds > 0, restartAfterMilliseconds >= 0 else {
            return "timings must be positive"
        }
        return nil
    }
}

/// Faults the simulator can inject into the next face jobs.
public enum FaceFault: String, CaseIterable, Hashable, Sendable {
    /// The next decision is "liveness failed" (a photo held up to the camera).
    case liveness
    /// The next job ignores every face and runs out its timeout.
    case timeout
    /// The module restarts in the middle of the next job: no reply, a READY note instead.
    case restart
}
