#if canImport(Glibc)
    import Glibc
#endif

/// Whether stderr is connected to journald: systemd sets `JOURNAL_STREAM=<dev>:<inode>` and
/// documents comparing it with stderr's, because the variable is inherited by children whose
/// stderr may point elsewhere.
public enum JournalStream {
    /// True when `$JOURNAL_STREAM` names the file stderr is open on.
    public static func stderrIsJournal(environment: [String: String]) -> Bool {
        var info = stat()
        guard fstat(STDERR_FILENO, &info) == 0 else { return false }
        return matches(environment["JOURNAL_STREAM"], device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// `"8:12345"` against a device and inode number.
    static func matches(_ value: String?, device: UInt64, inode: UInt64) -> Bool {
        guard let parts = value?.split(separator: ":", omittingEmptySubsequences: false), parts.count == 2,
            let expectedDevice = UInt64(parts[0]), let expectedInode = UInt64(parts[1])
        else { return false }
        return expectedDevice == device && expectedInode == inode
    }
}
