import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A 16 MiB image file behind a loop device, optionally formatted vfat: a USB stick for
/// `hadirctl export-usb --device`. Needs root and `/dev/loop-control`; detached by ``detach()``.
final class LoopVfatImage {
    let image: String
    let device: String
    private var attached = true

    init(at image: String, formatted: Bool = true) throws {
        self.image = image
        guard FileManager.default.createFile(atPath: image, contents: nil), truncate(image, 16 << 20) == 0 else {
            throw HarnessError("cannot make the image \(image)")
        }
        if formatted { try Self.run("/usr/sbin/mkfs.vfat", ["-n", "HADIRUSB", image]) }
        device = try Self.run("/usr/sbin/losetup", ["--find", "--show", image]).joined()
    }

    /// True when `device` appears in /proc/mounts (as itself or by its image).
    var isMounted: Bool {
        let mounts = (try? String(contentsOfFile: "/proc/mounts", encoding: .utf8)) ?? ""
        return mounts.split(separator: "\n").contains { $0.hasPrefix(device + " ") }
    }

    /// Mounts read-only at `path` for inspection and returns the file at `relative` inside, then unmounts.
    func readFiles(_ relatives: [String], via path: String) throws -> [String: [UInt8]] {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Self.run("/bin/mount", ["-t", "vfat", "-o", "ro", device, path])
        defer { _ = try? Self.run("/bin/umount", [path]) }
        var files: [String: [UInt8]] = [:]
        for relative in relatives {
            files[relative] = FileManager.default.contents(atPath: path + "/" + relative).map(Array.init)
        }
        return files
    }

    func detach() {
        guard attached else { return }
        attached = false
        _ = try? Self.run("/usr/sbin/losetup", ["-d", device])
    }

    deinit { detach() }

    /// Where loop-device tests may run: always in CI (a refusal must fail there), else as root
    /// with loop devices and mkfs.vfat.
    static var skipReason: String? {
        if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty { return nil }
        if geteuid() != 0 { return "not root: cannot attach loop devices or mount" }
        if !FileManager.default.fileExists(atPath: "/dev/loop-control") { return "no /dev/loop-control" }
        if !FileManager.default.isExecutableFile(atPath: "/usr/sbin/mkfs.vfat") { return "no mkfs.vfat (apt-get install dosfstools)" }
        return nil
    }

    /// ``skipReason``, or that this kernel cannot mount vfat at all (a container's kernel without
    /// the module): the export's `mount -t vfat` would fail with "unknown filesystem type".
    /// The kernel is checked even under CI: no setup step can add a filesystem to a container's
    /// kernel, and the refusal test above still runs there.
    static var mountSkipReason: String? {
        let filesystems = (try? String(contentsOfFile: "/proc/filesystems", encoding: .utf8)) ?? ""
        var release = utsname()
        uname(&release)
        let kernel = withUnsafeBytes(of: release.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let module = "/lib/modules/\(kernel)/kernel/fs/fat"
        if !filesystems.contains("vfat"), !FileManager.default.fileExists(atPath: module) {
            return "kernel \(kernel) cannot mount vfat (not in /proc/filesystems, no \(module))"
        }
        return skipReason
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> [String] {
        let process = try ManagedProcess(executable: executable, arguments: arguments)
        guard process.waitForExit(timeout: .seconds(60)) == 0 else {
            throw HarnessError("\(executable) \(arguments.joined(separator: " ")) failed: \(process.errors.joined(separator: " "))")
        }
        return process.output
    }
}
