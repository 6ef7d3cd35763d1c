/// The IP allow-list for port 4370: CIDRs (IPv4 or IPv6); empty allows everyone.
///
/// The comm key's hash is weak (reference §10), so a kiosk on a shared LAN should name the
/// server's address here.
public struct ZKAllowList: Sendable, Equatable {
    struct Network: Sendable, Equatable {
        var address: [UInt8]
        var prefixLength: Int

        func contains(_ candidate: [UInt8]) -> Bool {
            guard candidate.count == address.count else { return false }
            var remaining = prefixLength
            for index in address.indices where remaining > 0 {
                let bits = min(8, remaining)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if candidate[index] & mask != address[index] & mask { return false }
                remaining -= bits
            }
            return true
        }
    }

    let networks: [Network]

    /// No restriction.
    public static let everyone = ZKAllowList(networks: [])

    init(networks: [Network]) { self.networks = networks }

    /// Parses `"192.168.1.0/24"`, `"10.0.0.5"` (a single host), `"fd00::/8"`.
    public init(_ cidrs: [String]) throws(ZKAllowListError) {
        var networks: [Network] = []
        for cidr in cidrs {
            let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2, let address = IPAddressBytes.parse(String(parts[0])) else { throw .invalid(cidr) }
            let maximum = address.count * 8
            var prefix = maximum
            if parts.count == 2 {
                guard let value = Int(parts[1]), (0...maximum).contains(value) else { throw .invalid(cidr) }
                prefix = value
            }
            // "::ffff:a.b.c.d/n" as copied from a dual-stack log means the IPv4 network: peers are compared as IPv4.
            if let v4 = Self.mappedIPv4(address), prefix >= 96 {
                networks.append(Network(address: v4, prefixLength: prefix - 96))
            } else {
                networks.append(Network(address: address, prefixLength: prefix))
            }
        }
        self.networks = networks
    }

    public var isEmpty: Bool { networks.isEmpty }

    /// Whether a peer with this textual address may talk to the kiosk.
    public func allows(_ address: String) -> Bool {
        guard !networks.isEmpty else { return true }
        guard let parsed = IPAddressBytes.parse(address) else { return false }
        // An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d.
        let bytes = Self.mappedIPv4(parsed) ?? parsed
        return networks.contains { $0.contains(bytes) }
    }

    /// The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), if it is one.
    static func mappedIPv4(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF else { return nil }
        return Array(bytes[12...])
    }
}

/// A CIDR in `[pull] allow` that does not parse.
public enum ZKAllowListError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let text): "\"\(text)\" is not an IP address or CIDR like 192.168.1.0/24"
        }
    }
}
