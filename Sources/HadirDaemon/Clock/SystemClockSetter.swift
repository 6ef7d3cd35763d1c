#if canImport(Glibc)
    import Glibc
#endif

/// Steps the system wall clock (CAP_SYS_TIME). Punches already stored keep their times.
enum SystemClockSetter {
    struct Failure: Error {
        let reason: String
    }

    static func set(utcMilliseconds utc: Int64) -> Result<Void, Failure> {
        var spec = timespec(tv_sec: Int(utc / 1000), tv_nsec: Int(utc % 1000) * 1_000_000)
        guard clock_settime(CLOCK_REALTIME, &spec) == 0 else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        return .success(())
    }
}
