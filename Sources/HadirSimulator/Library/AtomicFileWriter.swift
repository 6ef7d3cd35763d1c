#if canImport(Glibc)
    import Glibc
#endif

/// Durable whole-file replacement: write a temporary file, fsync it, rename it over the
/// target, then fsync the directory so the rename itself survives a power cut.
enum AtomicFileWriter {
    static func write(_ bytes: [UInt8], to path: String, directory: String) throws(LibraryFileError) {
        let temporary = "\(path).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(temporary, "open") }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress, buffer.count)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let error = failure(temporary, "write")
                close(fd)
                unlink(temporary)
                throw error
            }
            written += result
        }
        if fsync(fd) != 0 {
            let error = failure(temporary, "fsync")
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let error = failure(path, "rename")
            unlink(temporary)
            throw error
        }
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryFD >= 0 else { throw failure(directory, "open directory") }
        defer { close(directoryFD) }
        guard fsync(directoryFD) == 0 else { throw failure(directory, "fsync directory") }
    }

    private static func failure(_ path: String, _ step: String) -> LibraryFileError {
        LibraryFileError(path: path, reason: "\(step) failed: \(String(cString: strerror(errno)))")
    }
}
