import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking IPv4 TCP client that sends whatever bytes a hostile client would, optionally from
/// another loopback source address (127.0.0.0/8 is all ours), and reports how the server reacted.
struct RawTCPSocket {
    let fd: Int32

    /// Connects to 127.0.0.1:`port` from `source` (nil: the kernel's choice).
    init(port: Int, source: String? = nil) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("socket() failed: errno \(errno)") }
        var timeout = timeval(tv_sec: 3, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if let source {
            var local = Self.address(source, port: 0)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else { throw fail("bind \(source)") }
        }
        var remote = Self.address("127.0.0.1", port: port)
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw fail("connect 127.0.0.1:\(port)") }
    }

    static func address(_ host: String, port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr(host)
        return address
    }

    private func fail(_ what: String) -> HarnessError {
        let code = errno
        Glibc.close(fd)
        return HarnessError("\(what) failed: errno \(code)")
    }

    /// Sends all of `bytes`; false once the server has closed the connection.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Reads until `count` bytes, end of stream or the 3-s timeout.
    func receive(upTo count: Int) -> [UInt8] {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while received.count < count {
            let read = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, min($0.count, count - received.count), 0) }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { break }
            received += chunk[0..<read]
        }
        return received
    }

    /// True when the server closed the connection (end of stream or reset) within the timeout.
    func closedByServer() -> Bool {
        var byte: UInt8 = 0
        while true {
            let read = recv(fd, &byte, 1, 0)
            if read < 0 && errno == EINTR { continue }
            if read == 0 { return true }
            if read < 0 { return errno == ECONNRESET }
        }
    }

    func close() { Glibc.close(fd) }
}

/// Sends datagrams to 127.0.0.1:`port` from `source`, never reading an answer.
func sendDatagrams(_ payloads: [[UInt8]], port: Int, source: String) throws {
    let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
    guard fd >= 0 else { throw HarnessError("socket() failed: errno \(errno)") }
    defer { close(fd) }
    var local = RawTCPSocket.address(source, port: 0)
    let bound = withUnsafePointer(to: &local) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { throw HarnessError("bind \(source) failed: errno \(errno)") }
    var remote = RawTCPSocket.address("127.0.0.1", port: port)
    for payload in payloads {
        _ = withUnsafePointer(to: &remote) { remotePointer in
            remotePointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                payload.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, 0, address, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
    }
}

/// A TCP port free on 127.0.0.1 right now.
func loopbackFreePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = RawTCPSocket.address("127.0.0.1", port: 0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
        }
    }
    guard bound else { throw HarnessError("no free port") }
    return Int(UInt16(bigEndian: address.sin_port))
}
