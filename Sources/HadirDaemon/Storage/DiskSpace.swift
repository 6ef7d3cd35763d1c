#if canImport(Glibc)
    import Glibc
#endif

/// Free and total space of the file system holding a path, from `statvfs`.
public struct DiskSpace: Sendable, Hashable {
    /// Bytes an unprivileged writer can still use (`f_bavail`): what SQLite will get.
    public var freeBytes: Int64
    public var totalBytes: Int64

    public init(freeBytes: Int64, totalBytes: Int64) {
        self.freeBytes = freeBytes
        self.totalBytes = totalBytes
    }

    /// The space under `path`, or nil when it cannot be read (the path is gone, not mounted…).
    public static func of(_ path: String) -> DiskSpace? {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return nil }
        let block = Int64(stats.f_frsize)
        return DiskSpace(freeBytes: Int64(stats.f_bavail) * block, totalBytes: Int64(stats.f_blocks) * block)
    }
}
