import Foundation

/// The board's MAC and IPv4 address, for the options pull clients read (pyzk raises without MAC).
public enum NetworkIdentity {
    /// The first non-loopback interface's MAC from sysfs, or all zeros.
    public static func macAddress() -> String {
        let base = "/sys/class/net"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base))?.sorted() ?? []
        for name in names where name != "lo" {
            guard let text = try? String(contentsOfFile: "\(base)/\(name)/address", encoding: .utf8) else { continue }
            let mac = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if mac.count == 17, mac != "00:00:00:00:00:00" { return mac }
        }
        return "00:00:00:00:00:00"
    }

    /// The first non-loopback IPv4 address, if any.
    public static func ipv4Address() -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return nil }
        defer { freeifaddrs(list) }
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                entry.pointee.ifa_flags & UInt32(IFF_LOOPBACK) == 0
            else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0
            else { continue }
            return String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return nil
    }
}
