import Testing

@testable import HadirPull

/// One address cannot take every session; closing gives its share back.
@Suite struct ZKSessionAdmissionTests {
    @Test func anAddressIsCappedBeforeTheWholeAndGetsItsShareBackOnClose() throws {
        let admission = ZKSessionAdmission(ids: ZKSessionIDAllocator(), maximumSessions: 3, maximumPerAddress: 2)
        let first = try admission.open(for: "10.0.0.1").get()
        _ = try admission.open(for: "10.0.0.1").get()
        #expect(admission.open(for: "10.0.0.1") == .failure(.perAddressLimit))
        _ = try admission.open(for: "10.0.0.2").get()
        #expect(admission.open(for: "10.0.0.3") == .failure(.sessionLimit))
        admission.close(first, for: "10.0.0.1")
        #expect((try? admission.open(for: "10.0.0.1").get()) != nil)
    }
}
