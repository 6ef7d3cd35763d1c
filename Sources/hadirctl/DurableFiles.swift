import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a set of files so that each final name holds either its old content or the complete
/// new content: every file goes to a temporary name and is fsynced, then all are renamed and the
/// directory is fsynced. On error the temporary files are removed.
enum DurableFiles {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Creates `components` below `root` one by one (fsyncing each parent) and returns the path.
    static func makeFolder(_ components: [String], under root: String) throws(Failure) -> String {
        var path = root
        for component in components {
            let child = path + "/" + component
            if mkdir(child, 0o755) != 0, errno != EEXIST { throw Failure(description: "cannot create \(child): \(errnoText())") }
            try syncDirectory(path)
            path = child
        }
        return path
    }

    /// Writes `files` (name → bytes) into `directory`.
    static func write(_ files: [(name: String, bytes: [UInt8])], into directory: String) throws(Failure) {
        var written: [String] = []
        do throws(Failure) {
            for file in files {
                let temporary = directory + "/." + file.name + ".partial"
                written.append(temporary)
                try writeAndSync(file.bytes, to: temporary)
            }
            for (file, temporary) in zip(files, written) where rename(temporary, directory + "/" + file.name) != 0 {
                throw Failure(description: "cannot rename \(temporary) to \(file.name): \(errnoText())")
            }
            written.removeAll()
            try syncDirectory(directory)
        } catch {
            for temporary in written { unlink(temporary) }
            throw error
        }
    }

    private static func writeAndSync(_ bytes: [UInt8], to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot create \(path): \(errnoText())") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write \(path): \(errnoText())")
            }
            offset += count
        }
        guard fsync(descriptor) == 0 else { throw Failure(description: "cannot flush \(path): \(errnoText())") }
    }

    /// fsync of a directory: makes the names in it (new files, renames) durable.
    static func syncDirectory(_ path: String) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(description: "cannot open \(path): \(errnoText())") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw Failure(description: "cannot flush \(path): \(errnoText())") }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
