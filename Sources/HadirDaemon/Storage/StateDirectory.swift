import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Makes sure hadird can write its state directory before anything else starts.
///
/// The test is a real write (create and remove a probe file), because permission bits do not
/// tell the whole story: root ignores them, but not a read-only mount.
public enum StateDirectory {
    static let probeName = ".hadird-write-probe"

    /// Creates `path` if missing (mode 0750) and proves it writable, or throws the one-line reason.
    public static func prepare(_ path: String) throws(StateDirectoryError) {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard mkdirAll(path) else { throw failure(path, errno: errno, creating: true) }
        } else if !isDirectory.boolValue {
            throw StateDirectoryError(
                path: path, problem: "is not a directory", fix: "point [device] state_dir at a directory (systemd: StateDirectory=hadir)")
        }
        let probe = path + "/" + probeName
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(path, errno: errno, creating: false) }
        close(descriptor)
        unlink(probe)
    }

    private static func mkdirAll(_ path: String) -> Bool {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
            return true
        } catch {
            // FileManager hides errno; ask the kernel once more for the reason.
            if mkdir(path, 0o750) == 0 { return true }
            return false
        }
    }

    static func failure(_ path: String, errno code: Int32, creating: Bool) -> StateDirectoryError {
        let reason = String(cString: strerror(code))
        switch code {
        case EROFS:
            return StateDirectoryError(
                path: path,
                problem: creating
                    ? "cannot be created: its file system is read-only (\(reason))" : "is on a read-only file system (\(reason))",
                fix: "remount it read-write (mount -o remount,rw <mount point>) or point [device] state_dir at a writable disk")
        case EACCES, EPERM:
            return StateDirectoryError(
                path: path,
                problem: creating ? "cannot be created (\(reason))" : "is not writable by uid \(getuid()) (\(reason)\(owner(path)))",
                fix: "chown -R hadir:hadir \(path) (systemd's StateDirectory=hadir does this), or run hadird as its owner")
        case ENOSPC, EDQUOT:
            return StateDirectoryError(
                path: path, problem: "has no space or inodes left (\(reason))",
                fix: "free space on that disk; punches need room to be recorded")
        default:
            return StateDirectoryError(
                path: path, problem: creating ? "cannot be created (\(reason))" : "cannot be written (\(reason))",
                fix: "check the disk and the path in [device] state_dir")
        }
    }

    private static func owner(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "" }
        return "; owned by uid \(info.st_uid), mode \(String(info.st_mode & 0o7777, radix: 8))"
    }
}
