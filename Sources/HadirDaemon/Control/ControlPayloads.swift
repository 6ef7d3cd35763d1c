import Foundation
import HadirConnectionLimits
import HadirControl
import HadirPull
import HadirStore

/// Body of `POST /v1/users`.
public struct UserBody: Codable, Sendable {
    public var pin: String
    public var name: String

    public init(pin: String, name: String) {
        self.pin = pin
        self.name = name
    }
}

/// Body of `POST /v1/enroll`.
public struct EnrollBody: Codable, Sendable {
    public var pin: String
    public var replace: Bool?
    /// "fingerprint" (the default) or "face".
    public var modality: String?

    public init(pin: String, replace: Bool = false, modality: String? = nil) {
        self.pin = pin
        self.replace = replace
        self.modality = modality
    }
}

/// Payload for replies that carry nothing but success.
public struct EmptyPayload: Codable, Sendable {
    public init() {}
}

/// A user row for `hadirctl users`.
public struct UserRow: Codable, Sendable, Hashable {
    public var pin: String
    public var name: String
    /// The finger's module slot.
    public var slot: UInt16?
    /// The face module's user id of the employee's face.
    public var faceID: UInt16?
    /// What the employee can punch with: "fingerprint", "face".
    public var modalities: [String]

    public init(pin: String, name: String, slot: UInt16?, faceID: UInt16? = nil) {
        self.pin = pin
        self.name = name
        self.slot = slot
        self.faceID = faceID
        modalities = (slot == nil ? [] : ["fingerprint"]) + (faceID == nil ? [] : ["face"])
    }

    enum CodingKeys: String, CodingKey {
        case pin, name, slot, modalities
        case faceID = "face_id"
    }
}

/// The daemon's health, for `hadirctl status`.
public struct StatusReport: Codable, Sendable {
    public var version: String
    public var serial: String
    public var stateDirectory: String
    /// The `[scanner]` module (kept for clients that know one scanner).
    public var scanner: ScannerStatus
    /// Every module of the kiosk, the first one first.
    public var scanners: [ScannerStatus]
    public var punches: Int
    public var lastSeq: Int64?
    public var users: Int
    public var fingers: Int
    public var faces: Int
    public var orphanSlots: [UInt16]
    public var orphanFaces: [UInt16]
    public var clockQuality: String
    /// Sync state, pending corrections and backward jumps; nil on a simulated clock.
    public var clock: ClockStatus?
    public var localTime: String
    public var profile: String
    public var uplinks: [UplinkStatus]
    /// The ZK pull server on 4370; nil when `[pull] enabled = false`.
    public var pull: ZKPullServerStatus?
    /// Signed checkpoints and the start-up check of the journal.
    public var journal: JournalStatus?
    /// Free space, a full disk, a quarantined database (decision 0012).
    public var storage: StorageStatus?
    /// The control API's listeners: open connections and what their limits closed.
    public var control: ControlConnectionsStatus?

    enum CodingKeys: String, CodingKey {
        case version, serial, scanner, scanners, punches, users, fingers, faces, profile, uplinks, pull, clock, journal, storage, control
        case stateDirectory = "state_dir"
        case lastSeq = "last_seq"
        case orphanSlots = "orphan_slots"
        case orphanFaces = "orphan_faces"
        case clockQuality = "clock_quality"
        case localTime = "local_time"
    }
}

/// Connection figures of the control API's listeners.
public struct ControlConnectionsStatus: Codable, Sendable {
    /// The local socket hadirctl uses.
    public var unixSocket: ConnectionGateStatus?
    /// The token-guarded LAN listener (`[control] listen`); nil when off.
    public var lan: ConnectionGateStatus?

    init(_ listeners: [ControlListener]) {
        for listener in listeners {
            switch listener.endpoint {
            case .unixSocket: unixSocket = listener.gate.status
            case .tcp: lan = listener.gate.status
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case lan
        case unixSocket = "unix_socket"
    }
}

/// One uplink server's delivery state, for `hadirctl status` and alerts.
public struct UplinkStatus: Codable, Sendable, Hashable {
    public var server: String
    public var url: String
    public var ackedSeq: Int64
    public var backlog: Int
    public var oldestUnsyncedAgeSeconds: Int64?
    public var lastSuccessMilliseconds: Int64?
    public var lastError: String?
    public var lastErrorMilliseconds: Int64?
    public var clockDriftMilliseconds: Int64?
    public var quarantined: [Int64]

    enum CodingKeys: String, CodingKey {
        case server, url, backlog, quarantined
        case ackedSeq = "acked_seq"
        case oldestUnsyncedAgeSeconds = "oldest_unsynced_age_s"
        case lastSuccessMilliseconds = "last_success_ms"
        case lastError = "last_error"
        case lastErrorMilliseconds = "last_error_ms"
        case clockDriftMilliseconds = "clock_drift_ms"
    }
}

/// `hadirctl audit-fingers` output: anything that breaks the single-finger rule.
public struct FingerAuditPayload: Codable, Sendable {
    public var employeesWithMultipleSlots: [String: [UInt16]]
    public var slotsWithMultipleEmployees: [String: [String]]
    public var slotsWithoutEmployee: [UInt16]
    public var pendingOrphanSlots: [UInt16]
    public var slotsMissingOnModule: [UInt16]
    public var unreadableRows: [String]
    public var moduleChecked: Bool

    public init(_ report: FingerAuditReport) {
        employeesWithMultipleSlots = Dictionary(uniqueKeysWithValues: report.employeesWithMultipleSlots.map { ($0.key.rawValue, $0.value) })
        slotsWithMultipleEmployees = Dictionary(
            uniqueKeysWithValues: report.slotsWithMultipleEmployees.map { (String($0.key), $0.value.map(\.rawValue)) })
        slotsWithoutEmployee = report.slotsWithoutEmployee
        pendingOrphanSlots = report.pendingOrphanSlots
        slotsMissingOnModule = report.slotsMissingOnModule
        unreadableRows = report.unreadableRows
        moduleChecked = report.moduleChecked
    }

    /// Number of findings; zero means the rule holds.
    public var problemCount: Int {
        employeesWithMultipleSlots.count + slotsWithMultipleEmployees.count + slotsWithoutEmployee.count
            + slotsMissingOnModule.count + unreadableRows.count
    }

    enum CodingKeys: String, CodingKey {
        case employeesWithMultipleSlots = "employees_with_multiple_slots"
        case slotsWithMultipleEmployees = "slots_with_multiple_employees"
        case slotsWithoutEmployee = "slots_without_employee"
        case pendingOrphanSlots = "pending_orphan_slots"
        case slotsMissingOnModule = "slots_missing_on_module"
        case unreadableRows = "unreadable_rows"
        case moduleChecked = "module_checked"
    }
}
