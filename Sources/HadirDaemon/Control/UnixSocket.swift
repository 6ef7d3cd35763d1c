import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Minimal blocking unix-stream-socket helpers for the control channel.
public enum UnixSocket {
    /// Binds and listens on `path` (replacing a stale socket file) with the given mode.
    static func listen(path: String, mode: mode_t) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXFailure(operation: "socket") }
        unlink(path)
        var address = try makeAddress(path)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else {
            let failure = POSIXFailure(operation: "bind \(path)")
            close(fd)
            throw failure
        }
        chmod(path, mode)
        guard Glibc.listen(fd, 16) == 0 else {
            let failure = POSIXFailure(operation: "listen \(path)")
            close(fd)
            throw failure
        }
        return fd
    }

    /// Connects to the socket at `path`.
    public static func connect(path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXFailure(operation: "socket") }
        var address = try makeAddress(path)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            let failure = POSIXFailure(operation: "connect \(path)")
            close(fd)
            throw failure
        }
        return fd
    }

    static func makeAddress(_ path: String) throws -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { throw POSIXFailure(operation: "socket path too long: \(path)", code: ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        return address
    }

    /// Writes all of `bytes`; false when the peer is gone.
    @discardableResult
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}

/// Splits a byte stream from a socket into lines; bounded so a hostile client cannot grow it forever.
public struct LineReader {
    let fd: Int32
    let maximumLineLength: Int
    private var buffer: [UInt8] = []

    public init(fd: Int32, maximumLineLength: Int = 64 * 1024) {
        self.fd = fd
        self.maximumLineLength = maximumLineLength
    }

    /// The next line without its newline; nil at end of stream or when a line is too long.
    public mutating func nextLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return String(decoding: line, as: UTF8.self)
            }
            guard buffer.count <= maximumLineLength else { return nil }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            buffer += chunk[..<count]
        }
    }
}
