import HadirCore

/// A recorded scan that is not a punch (unknown finger, repeat, scanner fault, …).
public struct ScanEventRecord: Hashable, Sendable {
    /// Increasing row id.
    public var id: Int64
    /// Wall-clock milliseconds since the epoch.
    public var atMilliseconds: Int64
    public var kind: ScanEventKind
    /// The employee concerned, when known (e.g. for a duplicate).
    public var pin: EmployeePIN?
    /// The module slot concerned, when known.
    public var slot: UInt16?
    public var detail: String

    public init(
        id: Int64, atMilliseconds: Int64, kind: ScanEventKind, pin: EmployeePIN?, slot: UInt16?, detail: String
    ) {
        self.id = id
        self.atMilliseconds = atMilliseconds
        self.kind = kind
        self.pin = pin
        self.slot = slot
        self.detail = detail
    }
}
