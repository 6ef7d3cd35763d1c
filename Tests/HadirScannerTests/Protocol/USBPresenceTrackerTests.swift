import Testing

@testable import HadirScanner

struct USBPresenceTrackerTests {
    static let module = USBDeviceLocation(id: USBDeviceID(vendor: 0x2109, product: 0x7638), bus: 1, address: 2)
    static let replugged = USBDeviceLocation(id: USBDeviceID(vendor: 0x2109, product: 0x7638), bus: 1, address: 3)

    @Test func hotplugReportedTwiceArrivesOnce() {
        var tracker = USBPresenceTracker()
        #expect(tracker.arrived(Self.module) == .arrived(Self.module))
        #expect(tracker.arrived(Self.module) == nil)
        #expect(tracker.rescanned([Self.module]).isEmpty)
        #expect(tracker.left(Self.module) == .left(Self.module))
        #expect(tracker.left(Self.module) == nil)
    }

    @Test func aRescanSpeaksForSilentHotplug() {
        var tracker = USBPresenceTracker()
        #expect(tracker.rescanned([Self.module]) == [.arrived(Self.module)])
        // Re-plugged between two scans: the old address left, the new one arrived.
        #expect(tracker.rescanned([Self.replugged]) == [.left(Self.module), .arrived(Self.replugged)])
        #expect(tracker.rescanned([]) == [.left(Self.replugged)])
    }

    @Test func deviceIDsParseOnlyFourHexDigitsEachSide() {
        #expect(USBDeviceID(parsing: "2109:7638") == USBDeviceID(vendor: 0x2109, product: 0x7638))
        #expect(USBDeviceID(parsing: "0453:9005")?.description == "0453:9005")
        for bad in ["2109", "2109:763", "21097638", "2109:7638:1", "zz09:7638", " 2109:7638", "2109:+638", ""] {
            #expect(USBDeviceID(parsing: bad) == nil, "\(bad)")
        }
    }
}
