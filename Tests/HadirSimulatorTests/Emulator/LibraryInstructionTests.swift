import HadirScanner
import HadirSimulator
import Testing

@Suite("Library instructions")
struct LibraryInstructionTests {
    @Test func storeMatchesTheReferenceVectorAndFillsTheSlot() throws {
        var host = TestHost()
        try host.capture(17, into: 1)
        let reply = host.module.receive(hexBytes("EF 01 FF FF FF FF 01 00 06 06 01 00 05 00 13"))
        #expect(reply == hexBytes("EF 01 FF FF FF FF 07 00 03 00 00 0A"))
        #expect(host.module.library[5] == (try fingerNumber(17)).template(size: 512))
    }

    @Test func storeBeyondCapacityAnswers0B() throws {
        var configuration = EF01EmulatorConfiguration()
        configuration.capacity = 200
        var host = TestHost(configuration)
        try host.capture(17, into: 1)
        #expect(try host.code(.store(buffer: 1, slot: 200)) == 0x0B)
        #expect(try host.code(.store(buffer: 1, slot: 199)) == 0x00)
    }

    @Test func storeOfAnEmptyBufferAnswers22() throws {
        var host = TestHost()
        #expect(try host.code(.store(buffer: 2, slot: 1)) == 0x22)
        #expect(host.module.library.slots.isEmpty)
    }

    @Test func deletCharRemovesARunOfSlots() throws {
        var host = TestHost()
        for slot in UInt16(0)..<5 { try host.enroll(Int(slot) + 1, at: slot) }
        #expect(try host.code(.deleteChar(slot: 1, count: 3)) == 0x00)
        #expect(host.module.library.occupiedSlots(below: 1000) == [0, 4])
    }

    @Test func deletCharOutsideTheLibraryOrOfZeroSlotsAnswers10() throws {
        var host = TestHost()
        #expect(try host.code(.deleteChar(slot: 999, count: 2)) == 0x10)
        #expect(try host.code(.deleteChar(slot: 0, count: 0)) == 0x10)
        #expect(try host.code(.deleteChar(slot: 999, count: 1)) == 0x00)
    }

    @Test func emptyClearsTheLibrary() throws {
        var host = TestHost()
        try host.enroll(1, at: 0)
        try host.enroll(2, at: 1)
        #expect(try host.code(.empty) == 0x00)
        #expect(host.module.library.slots.isEmpty)
    }

    @Test func templateNumCountsStoredTemplates() throws {
        var host = TestHost()
        #expect(try EF01TemplateCount(bytes: host.ack(.templateCount).data).count == 0)
        try host.enroll(1, at: 0)
        try host.enroll(2, at: 300)
        #expect(try EF01TemplateCount(bytes: host.ack(.templateCount).data).count == 2)
    }

    @Test func readIndexTableReportsOccupiedSlotsPerPage() throws {
        var host = TestHost()
        try host.enroll(1, at: 0)
        try host.enroll(2, at: 9)
        try host.enroll(3, at: 257)
        let page0 = try host.ack(.readIndexTable(page: 0))
        #expect(page0.data.count == 32)
        #expect(try EF01IndexTable.slots(page: 0, bitmap: page0.data) == [0, 9])
        let page1 = try host.ack(.readIndexTable(page: 1))
        #expect(try EF01IndexTable.slots(page: 1, bitmap: page1.data) == [257])
        #expect(try host.ack(.readIndexTable(page: 3)).data == [UInt8](repeating: 0, count: 32))
    }

    @Test func slotsBeyondTheCapacityAreKeptButInvisible() throws {
        var configuration = EF01EmulatorConfiguration()
        configuration.capacity = 10
        let finger = try fingerNumber(5)
        var host = TestHost(configuration, library: TemplateLibrary(slots: [50: finger.template(size: 512)]))
        #expect(try EF01TemplateCount(bytes: host.ack(.templateCount).data).count == 0)
        try host.capture(5, into: 1)
        #expect(try host.code(.search(buffer: 1, start: 0, count: 100)) == 0x09)
        #expect(host.module.library[50] != nil)
    }
}
