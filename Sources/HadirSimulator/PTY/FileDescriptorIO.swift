#if canImport(Glibc)
    import Glibc
#endif

/// Small helpers for unbuffered descriptor output.
public enum FileDescriptorIO {
    /// Writes all of `bytes` to a blocking descriptor, retrying on EINTR; false on failure.
    @discardableResult
    public static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let result = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&descriptor, 1, 1000)
                    continue
                }
                return false
            }
            offset += result
        }
        return true
    }

    /// Writes one line to stdout immediately (no stdio buffering, so scripts see it at once).
    public static func standardOutputLine(_ line: String) {
        writeAll(Array((line + "\n").utf8), to: STDOUT_FILENO)
    }

    /// Writes one line to stderr.
    public static func standardErrorLine(_ line: String) {
        writeAll(Array((line + "\n").utf8), to: STDERR_FILENO)
    }

    /// Writes as much of `pending` as a non-blocking descriptor takes, removing what was
    /// written; returns false when the descriptor is broken.
    static func drain(_ pending: inout [UInt8], to fd: Int32) -> Bool {
        while !pending.isEmpty {
            let result = pending.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                return errno == EAGAIN
            }
            pending.removeFirst(result)
        }
        return true
    }

    /// Makes sure descriptors 0, 1 and 2 are open (on /dev/null if they were closed), so
    /// a pty or socket opened later can never land on them and be mistaken for stdio.
    public static func reserveStandardDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) < 0 {
            let null = open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != fd {
                dup2(null, fd)
                close(null)
            }
        }
    }
}
