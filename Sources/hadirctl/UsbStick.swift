import Foundation
import HadirCore

#if canImport(Glibc)
    import Glibc
#endif

/// A USB stick's vfat partition: checked from its boot sector, mounted on a private temporary
/// directory with no set-uid, device or exec files, and unmounted again.
struct UsbStick {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let device: String

    /// The FAT variant of the device's first sector, or why it is not a vfat file system.
    func checkFileSystem() throws(Failure) -> FATBootSector.Variant {
        guard let handle = FileHandle(forReadingAtPath: device) else {
            throw Failure(description: "cannot open \(device): \(DurableFiles.errnoText())")
        }
        defer { try? handle.close() }
        let sector: [UInt8]
        do {
            sector = Array(try handle.read(upToCount: FATBootSector.size) ?? Data())
        } catch {
            throw Failure(description: "cannot read \(device): \(error.localizedDescription)")
        }
        switch FATBootSector.check(sector) {
        case .success(let variant): return variant
        case .failure(let rejection): throw Failure(description: "\(device) is not a vfat file system: \(rejection)")
        }
    }

    /// Mounts the stick on a fresh directory and returns it.
    func mount() throws(Failure) -> String {
        var template = Array("/tmp/hadir-usb.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure(description: "cannot make a mount point: \(DurableFiles.errnoText())") }
        let mountPoint = String(cString: made)
        do {
            try Self.run("/bin/mount", ["-t", "vfat", "-o", "nosuid,nodev,noexec,uid=0,gid=0,umask=022", device, mountPoint])
        } catch {
            rmdir(mountPoint)
            throw error
        }
        return mountPoint
    }

    /// Flushes the file system, unmounts it and removes the mount point.
    static func flushAndUnmount(_ mountPoint: String) throws(Failure) {
        var flushFailure: Failure?
        do { try run("/bin/sync", ["-f", mountPoint]) } catch { flushFailure = error }
        try run("/bin/umount", [mountPoint])
        rmdir(mountPoint)
        if let flushFailure { throw flushFailure }
    }

    /// Runs a tool and turns a non-zero exit into its stderr.
    static func run(_ executable: String, _ arguments: [String]) throws(Failure) {
        let outcome: ToolRun.Outcome
        switch ToolRun.run(executable, arguments) {
        case .success(let finished): outcome = finished
        case .failure(let error): throw Failure(description: "cannot run \(executable): \(error)")
        }
        guard outcome.status == 0 else {
            let message = outcome.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(
                description: "\(([executable] + arguments).joined(separator: " ")) exited \(outcome.status)"
                    + (message.isEmpty ? "" : ": \(message)"))
        }
    }
}
