import HadirPull
import Testing

/// The `[pull] allow` list: IPv4 and IPv6 CIDRs, single hosts, v4-mapped peers.
struct ZKAllowListTests {
    // MARK: Empty

    @Test func anEmptyListAllowsEveryone() throws {
        for list in [ZKAllowList.everyone, try ZKAllowList([])] {
            #expect(list.isEmpty)
            for peer in ["10.0.0.1", "::1", "::ffff:192.168.1.1", "fe80::1", "255.255.255.255", "not an address", ""] {
                #expect(list.allows(peer))
            }
        }
    }

    // MARK: IPv4

    @Test func aV4CIDRAllowsItsNetworkOnly() throws {
        let list = try ZKAllowList(["192.168.1.0/24"])
        #expect(!list.isEmpty)
        for peer in ["192.168.1.0", "192.168.1.1", "192.168.1.200", "192.168.1.255"] { #expect(list.allows(peer), "\(peer)") }
        for peer in ["192.168.0.255", "192.168.2.0", "10.0.0.1", "193.168.1.1", "::1", "fd00::1", "2001:db8::c0a8:101"] {
            #expect(!list.allows(peer), "\(peer)")
        }
    }

    @Test(arguments: [
        ("172.16.0.0/12", ["172.16.0.0", "172.20.1.1", "172.31.255.255"], ["172.15.255.255", "172.32.0.0"]),
        ("10.0.0.0/8", ["10.0.0.0", "10.255.255.255"], ["11.0.0.0", "9.255.255.255"]),
        ("192.168.1.128/25", ["192.168.1.128", "192.168.1.255"], ["192.168.1.127", "192.168.1.0"]),
        ("192.168.1.10/31", ["192.168.1.10", "192.168.1.11"], ["192.168.1.9", "192.168.1.12"]),
        ("100.64.0.0/10", ["100.64.0.1", "100.127.255.255"], ["100.63.255.255", "100.128.0.0"]),
        ("192.168.1.77/24", ["192.168.1.3", "192.168.1.77"], ["192.168.2.77"]),
    ])
    func v4PrefixesOffByteBoundariesMaskTheRightBits(cidr: String, inside: [String], outside: [String]) throws {
        let list = try ZKAllowList([cidr])
        for peer in inside { #expect(list.allows(peer), "\(peer) in \(cidr)") }
        for peer in outside { #expect(!list.allows(peer), "\(peer) in \(cidr)") }
    }

    @Test func aBareV4AddressIsASingleHost() throws {
        for entry in ["10.0.0.5", "10.0.0.5/32"] {
            let list = try ZKAllowList([entry])
            #expect(list.allows("10.0.0.5"))
            #expect(list.allows("::ffff:10.0.0.5"))
            for peer in ["10.0.0.4", "10.0.0.6", "10.0.1.5", "0.0.0.0"] { #expect(!list.allows(peer), "\(peer)") }
        }
    }

    @Test func v4SlashZeroAllowsEveryV4PeerButNoV6One() throws {
        let list = try ZKAllowList(["0.0.0.0/0"])
        for peer in ["0.0.0.0", "1.2.3.4", "255.255.255.255", "::ffff:8.8.8.8"] { #expect(list.allows(peer), "\(peer)") }
        for peer in ["::1", "2001:db8::1"] { #expect(!list.allows(peer), "\(peer)") }
    }

    // MARK: IPv6

    @Test func aV6CIDRAllowsItsNetworkOnly() throws {
        let list = try ZKAllowList(["fd00::/8", "2001:db8:abcd:12::/63"])
        for peer in ["fd00::1", "fdff:ffff::1", "fd12:3456:789a::42", "2001:db8:abcd:12::1", "2001:db8:abcd:13:ffff::1"] {
            #expect(list.allows(peer), "\(peer)")
        }
        for peer in ["fe80::1", "fc00::1", "2001:db8:abcd:14::1", "2001:db8:abcd:11::1", "::1", "10.0.0.1"] {
            #expect(!list.allows(peer), "\(peer)")
        }
    }

    @Test func aBareV6AddressIsASingleHostInAnySpelling() throws {
        let list = try ZKAllowList(["2001:db8::7"])
        for peer in ["2001:db8::7", "2001:0db8:0000:0000:0000:0000:0000:0007", "2001:DB8::7"] { #expect(list.allows(peer), "\(peer)") }
        for peer in ["2001:db8::8", "2001:db8::", "::7"] { #expect(!list.allows(peer), "\(peer)") }
    }

    @Test func loopbackV6() throws {
        let list = try ZKAllowList(["::1/128"])
        #expect(list.allows("::1"))
        #expect(list.allows("0:0:0:0:0:0:0:1"))
        #expect(!list.allows("127.0.0.1"))
    }

    @Test func v6SlashZeroAllowsEveryV6Peer() throws {
        let list = try ZKAllowList(["::/0"])
        for peer in ["::", "::1", "fe80::1", "2001:db8::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"] {
            #expect(list.allows(peer), "\(peer)")
        }
        #expect(!list.allows("10.0.0.1"))
    }

    // MARK: v4-mapped peers

    @Test func aV4MappedPeerIsMatchedAgainstV4Entries() throws {
        // An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d.
        let list = try ZKAllowList(["192.168.1.0/24"])
        for peer in ["::ffff:192.168.1.20", "::FFFF:192.168.1.20", "::ffff:c0a8:114", "0:0:0:0:0:ffff:c0a8:0114"] {
            #expect(list.allows(peer), "\(peer)")
        }
        for peer in ["::ffff:192.168.2.20", "::ffff:10.0.0.1", "::192.168.1.20", "64:ff9b::192.168.1.20", "::fffe:192.168.1.20"] {
            #expect(!list.allows(peer), "\(peer)")
        }
    }

    @Test func aV4MappedEntryMatchesTheV4Client() throws {
        // Operators copy the peer address from logs, which show v4 clients as ::ffff:a.b.c.d.
        let list = try ZKAllowList(["::ffff:192.168.1.0/120", "::ffff:10.0.0.5"])
        #expect(list.allows("192.168.1.20"))
        #expect(list.allows("::ffff:192.168.1.20"))
        #expect(list.allows("::ffff:10.0.0.5"))
        #expect(!list.allows("192.168.2.20"))
    }

    // MARK: Several entries

    @Test func anyMatchingEntryAllows() throws {
        let list = try ZKAllowList(["10.0.0.5", "192.168.1.0/24", "fd00::/8"])
        for peer in ["10.0.0.5", "192.168.1.9", "fd00::9", "::ffff:10.0.0.5"] { #expect(list.allows(peer), "\(peer)") }
        for peer in ["10.0.0.6", "192.168.2.9", "fe80::9"] { #expect(!list.allows(peer), "\(peer)") }
    }

    @Test func anUnparseablePeerIsRefusedByANonEmptyList() throws {
        let list = try ZKAllowList(["0.0.0.0/0", "::/0"])
        for peer in ["", "localhost", "10.0.0", "10.0.0.1:4370", "[::1]", "fe80::1%eth0x", "10.0.0.256"] {
            #expect(!list.allows(peer), "\(peer)")
        }
    }

    // MARK: Invalid entries

    @Test(arguments: [
        "", "/", "/24", "192.168.1.0/", "192.168.1.0/33", "192.168.1.0/-1", "192.168.1.0/24/8", "192.168.1", "256.1.1.1",
        "192.168.1.0/abc", "fd00::/129", "fd00::/-0x1", "fd00:::/8", "localhost", "example.com", " 10.0.0.1", "10.0.0.1 ",
        "10.0.0.1/ 8", "10.0.0.1/8 ", "10.0.0.1-10.0.0.9", "*",
    ])
    func invalidEntriesThrowNamingTheEntry(entry: String) {
        #expect(throws: ZKAllowListError.invalid(entry)) { try ZKAllowList([entry]) }
        // One bad entry spoils the whole list: a typo must not silently open the port.
        #expect(throws: ZKAllowListError.invalid(entry)) { try ZKAllowList(["10.0.0.0/8", entry]) }
    }

    @Test func theErrorNamesTheEntryAndTheExpectedForm() {
        let description = ZKAllowListError.invalid("10.0.0.1/99").description
        #expect(description.contains("10.0.0.1/99"))
        #expect(description.contains("192.168.1.0/24"))
    }

    @Test func equalListsCompareEqual() throws {
        #expect(try ZKAllowList(["10.0.0.0/8"]) == ZKAllowList(["10.0.0.0/8"]))
        #expect(try ZKAllowList(["10.0.0.0/8"]) != ZKAllowList(["10.0.0.0/16"]))
    }
}
