import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a small file so that after a power cut it is either the old or the new content:
/// temp file, fsync, rename, fsync the directory.
enum DurableFile {
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o640) throws {
        let temporary = path + ".tmp"
        unlink(temporary)  // a leftover from a cut could carry a wider mode
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw POSIXFailure(operation: "open \(temporary)") }
        defer { close(fd) }
        guard fchmod(fd, mode) == 0 else { throw POSIXFailure(operation: "chmod \(temporary)") }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { throw POSIXFailure(operation: "write \(temporary)") }
            offset += written
        }
        guard fsync(fd) == 0 else { throw POSIXFailure(operation: "fsync \(temporary)") }
        guard rename(temporary, path) == 0 else { throw POSIXFailure(operation: "rename \(temporary)") }
        let directory = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }
}

/// A failed system call, with errno's text.
public struct POSIXFailure: Error, CustomStringConvertible {
    public let operation: String
    public let code: Int32

    public init(operation: String, code: Int32 = errno) {
        self.operation = operation
        self.code = code
    }

    public var description: String { "\(operation): \(String(cString: strerror(code)))" }
}
