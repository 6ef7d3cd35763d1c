import HadirCore

#if canImport(Glibc)
    import Glibc
#endif

/// The kiosk actions of a host without a scanner module (benchmarks, test fixtures): nothing to
/// delete from a module, templates refused, the clock read but never set, no restarts.
public struct ZKScannerlessActions: ZKKioskActions {
    public init() {}

    public func deleteFromModule(slots: [UInt16], actor: String) async {}

    public func installTemplate(_ template: [UInt8], for pin: EmployeePIN, actor: String) async -> ZKTemplateInstall {
        .refused("no scanner module on this host")
    }

    public func nowUTCMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    public func setClock(utcMilliseconds: Int64, local: ZKDateTime, context: ZKQueryContext) async -> Bool { false }

    public func restart() async {}
}
