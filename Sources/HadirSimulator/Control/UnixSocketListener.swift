#if canImport(Glibc)
    import Glibc
#endif

/// A listening unix stream socket for control clients.
public struct UnixSocketListener: Sendable {
    /// The listening descriptor (non-blocking).
    public let descriptor: Int32
    /// The socket path.
    public let path: String

    /// Binds and listens on `path`. A stale socket left by a killed simulator is replaced;
    /// any other kind of file at `path` is an error rather than something to delete.
    public static func listen(at path: String) throws(SimulatorIOError) -> UnixSocketListener {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !pathBytes.isEmpty, pathBytes.count < capacity else {
            throw .invalid("control socket path must be 1...\(capacity - 1) bytes: \(path)")
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFSOCK else {
                throw .invalid("\(path) exists and is not a socket")
            }
            unlink(path)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in pathBytes.enumerated() { raw[index] = byte }
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .system("socket") }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else {
            let error = SimulatorIOError.system("bind \(path)")
            Glibc.close(fd)
            throw error
        }
        guard Glibc.listen(fd, 16) == 0 else {
            let error = SimulatorIOError.system("listen \(path)")
            Glibc.close(fd)
            unlink(path)
            throw error
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        return UnixSocketListener(descriptor: fd, path: path)
    }

    /// Accepts one pending client (non-blocking), or nil when none is waiting.
    public func accept() -> Int32? {
        let client = Glibc.accept(descriptor, nil, nil)
        guard client >= 0 else { return nil }
        _ = fcntl(client, F_SETFD, FD_CLOEXEC)
        _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
        return client
    }

    /// Closes the socket and removes its path.
    public func close() {
        Glibc.close(descriptor)
        unlink(path)
    }
}
