import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A size-limited tmpfs mounted for one test: a disk that really fills up, or one that is read-only.
///
/// Mounting needs root (CAP_SYS_ADMIN), which CI and the dev containers have. Ad hoc, without it,
/// the tests that need a mount are skipped with a clear reason; in CI (`CI` set) they run anyway,
/// so a refused mount fails loudly with mount's own message instead of silently testing nothing.
final class TmpfsMount {
    let path: String
    private var mounted = true

    init(at path: String, size: String, readOnly: Bool = false) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let options = "size=\(size),mode=0750" + (readOnly ? ",ro" : "")
        let process = try ManagedProcess(executable: "/bin/mount", arguments: ["-t", "tmpfs", "-o", options, "hadir-test", path])
        guard process.waitForExit() == 0 else {
            throw HarnessError("cannot mount a tmpfs at \(path) (needs root or CAP_SYS_ADMIN): \(process.errors.joined(separator: " "))")
        }
    }

    /// Unmounts (lazily, so a file still open in a dead daemon cannot keep the mount alive).
    func unmount() {
        guard mounted else { return }
        mounted = false
        _ = try? ManagedProcess(executable: "/bin/umount", arguments: ["-l", path]).waitForExit()
    }

    deinit { unmount() }

    /// Fills the file system at `directory` with one file until the kernel says it is full.
    /// - Returns: The filler's path; remove it to free the space.
    static func fill(_ directory: String) -> String {
        let path = directory + "/filler"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(descriptor) }
        for size in [65_536, 4_096, 512] {
            let chunk = [UInt8](repeating: 0xA5, count: size)
            while write(descriptor, chunk, chunk.count) > 0 {}
        }
        return path
    }

    /// True where the tests may mount: always in CI (a refusal must fail there), else when a probe
    /// mount works.
    static let allowed: Bool = {
        if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty { return true }
        guard let probe = try? TemporaryDirectory("mount-probe") else { return false }
        defer { probe.remove() }
        guard let mount = try? TmpfsMount(at: probe.path + "/m", size: "64k") else { return false }
        mount.unmount()
        return true
    }()
}
