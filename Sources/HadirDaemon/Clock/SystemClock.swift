import CHadirSystem
import Foundation
import HadirCore

#if canImport(Glibc)
    import Glibc
#endif

/// The board's real clocks: CLOCK_REALTIME for the instant, CLOCK_BOOTTIME for the monotonic time
/// (it keeps counting through suspend), the kernel boot id, and the kernel's NTP sync flag.
public struct SystemClock: ClockSource {
    public let bootID: String

    public init() {
        bootID = Self.readBootID()
    }

    public func now() -> ClockReading {
        ClockReading(
            utcMilliseconds: Self.realtimeMilliseconds(), monotonicNanoseconds: Self.boottimeNanoseconds(),
            bootID: bootID, quality: Self.kernelClockIsSynchronized() ? .synced : .unsynced)
    }

    static func realtimeMilliseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }

    public static func boottimeNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_BOOTTIME, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// The kernel clears STA_UNSYNC once NTP (chrony, systemd-timesyncd) disciplines the clock.
    public static func kernelClockIsSynchronized() -> Bool {
        chadir_clock_synchronized() == 1
    }

    static func readBootID() -> String {
        let text = (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8)) ?? ""
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // Without /proc a per-process id still keeps monotonic times from being compared across runs.
        return trimmed.isEmpty ? "unknown-\(UUID().uuidString.lowercased())" : trimmed
    }
}
