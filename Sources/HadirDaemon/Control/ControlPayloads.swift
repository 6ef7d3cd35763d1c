import Foundation
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

    public init(pin: String, replace: Bool = false) {
        self.pin = pin
        self.replace = replace
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
    public var slot: UInt16?

    public init(pin: String, name: String, slot: UInt16?) {
        self.pin = pin
        self.name = name
        self.slot = slot
    }
}

/// The daemon's health, for `hadirctl status`.
public struct StatusReport: Codable, Sendable {
    public var version: String
    public var serial: String
    public var stateDirectory: String
    public var scanner: ScannerStatus
    public var punches: Int
    public var lastSeq: Int64?
    public var users: Int
    public var fingers: Int
    public var orphanSlots: [UInt16]
    public var clockQuality: String
    public var localTime: String
    public var profile: String
    public var uplinks: [UplinkStatus]
    /// The ZK pull server on 4370; nil when `[pull] enabled = false`.
    public var pull: ZKPullServerStatus?

    enum CodingKeys: String, CodingKey {
        case version, serial, scanner, punches, users, fingers, profile, uplinks, pull
        case stateDirectory = "state_dir"
        case lastSeq = "last_seq"
        case orphanSlots = "orphan_slots"
        case clockQuality = "clock_quality"
        case localTime = "local_time"
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
