import CHadirSystem
import HadirCore

/// The kernel's NTP state (adjtimex): synchronised once chrony or systemd-timesyncd has cleared
/// STA_UNSYNC, which is also what timedatectl's NTPSynchronized reports. NTP steps the clock
/// itself, so the offset is always 0.
public struct KernelClockSyncSource: ClockSyncSource {
    public init() {}

    public var origin: ClockSyncOrigin { .ntp }

    public func read() -> ClockSyncReading {
        switch chadir_clock_synchronized() {
        case 1: ClockSyncReading(status: .synchronized(offsetMilliseconds: 0))
        case 0: ClockSyncReading(status: .unsynchronized)
        default: ClockSyncReading(status: .unsynchronized, problem: "adjtimex failed: the kernel's sync state is unknown")
        }
    }
}
