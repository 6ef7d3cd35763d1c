#if canImport(Glibc)
    import Glibc
#endif

/// Maintains a stable symlink (like a udev `SYMLINK+=`) to whatever pty is current.
///
/// The link is swapped with rename(2), so a client resolving it never sees it missing
/// while the simulator re-plugs.
public struct SymlinkPublisher: Sendable {
    /// Where the link lives.
    public let linkPath: String

    /// Creates a publisher for `linkPath`; nothing is touched until ``publish(_:)``.
    public init(linkPath: String) {
        self.linkPath = linkPath
    }

    /// Points the link at `target`, atomically replacing any previous link.
    public func publish(_ target: String) throws(SimulatorIOError) {
        let temporary = "\(linkPath).tmp-\(getpid())"
        unlink(temporary)
        guard symlink(target, temporary) == 0 else { throw SimulatorIOError.system("symlink \(temporary)") }
        guard rename(temporary, linkPath) == 0 else {
            let error = SimulatorIOError.system("rename \(linkPath)")
            unlink(temporary)
            throw error
        }
    }

    /// The link's current target, if it is a symlink.
    public func currentTarget() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink(linkPath, &buffer, buffer.count - 1)
        guard length >= 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes the link if it is still a symlink (never deletes a regular file).
    public func remove() {
        var info = stat()
        if lstat(linkPath, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            unlink(linkPath)
        }
    }
}
