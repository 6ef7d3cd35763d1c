import HadirCore

/// Where the recorder reads the time of a scan.
public protocol ClockSource: Sendable {
    func now() -> ClockReading
}
