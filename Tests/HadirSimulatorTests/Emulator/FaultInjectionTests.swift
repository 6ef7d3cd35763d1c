import HadirScanner
import HadirSimulator
import Testing

@Suite("Fault injection")
struct FaultInjectionTests {
    @Test func checksumFaultCorruptsOnlyTheNextReply() throws {
        var module = EF01ModuleEmulator()
        module.arm(.checksum)
        var decoder = EF01FrameDecoder()
        decoder.feed(module.receive(EF01Command.handshake.packet(address: 0xFFFF_FFFF).encoded()))
        #expect(throws: EF01FrameError.self) { try decoder.next() }
        let next = try TestHost.packets(module.receive(EF01Command.handshake.packet(address: 0xFFFF_FFFF).encoded()))
        #expect(next.map(\.payload) == [[0x00]])
    }

    @Test func timeoutFaultSwallowsTheCommandWithoutExecutingIt() throws {
        var host = TestHost()
        host.module.press(try fingerNumber(4))
        host.module.arm(.timeout, count: 2)
        #expect(try host.send(.genImg).isEmpty)
        #expect(try host.send(.genImg).isEmpty)
        #expect(host.module.sensor.hasPendingPresses)  // the press was not consumed
        #expect(try host.code(.genImg) == 0x00)
        #expect(host.module.commandsServed == 1)
    }

    @Test func flashFaultFailsStoreDeletCharAndEmptyWith18() throws {
        var host = TestHost()
        try host.enroll(1, at: 0)
        try host.capture(2, into: 1)
        host.module.arm(.flash, count: 3)
        #expect(try host.code(.store(buffer: 1, slot: 1)) == 0x18)
        #expect(try host.code(.deleteChar(slot: 0, count: 1)) == 0x18)
        #expect(try host.code(.empty) == 0x18)
        #expect(host.module.library.occupiedSlots(below: 1000) == [0])
        #expect(try host.code(.store(buffer: 1, slot: 1)) == 0x00)
    }

    @Test func flashFaultIsNotUsedUpByOtherCommands() throws {
        var host = TestHost()
        host.module.arm(.flash)
        #expect(try host.code(.genImg) == 0x02)
        #expect(try host.code(.templateCount) == 0x00)
        #expect(host.module.faults.remaining[.flash] == 1)
    }

    @Test func fullFaultMakesStoreAnswer1F() throws {
        var host = TestHost()
        try host.capture(2, into: 1)
        host.module.arm(.full)
        #expect(try host.code(.store(buffer: 1, slot: 1)) == 0x1F)
        #expect(host.module.library.slots.isEmpty)
        #expect(try host.code(.store(buffer: 1, slot: 1)) == 0x00)
    }

    @Test func garbageFaultSendsJunkBeforeTheNextReplyOnly() throws {
        var module = EF01ModuleEmulator()
        module.arm(.garbage)
        let bytes = module.receive(EF01Command.handshake.packet(address: 0xFFFF_FFFF).encoded())
        #expect(Array(bytes.prefix(GarbageBytes.bytes.count)) == GarbageBytes.bytes)
        var decoder = EF01FrameDecoder()
        decoder.feed(bytes)
        #expect(try decoder.next()?.payload == [0x00])  // a resynchronising decoder recovers
        #expect(
            module.receive(EF01Command.handshake.packet(address: 0xFFFF_FFFF).encoded())
                == hexBytes("EF 01 FF FF FF FF 07 00 03 00 00 0A"))
    }

    @Test func sensorFaultMakesGenImgFailWith03() throws {
        var host = TestHost()
        host.module.place(try fingerNumber(4))
        host.module.arm(.sensor)
        #expect(try host.code(.genImg) == 0x03)
        #expect(try host.code(.genImg) == 0x00)
    }

    @Test func faultCountsAccumulateAndDrain() {
        var plan = FaultPlan()
        plan.arm(.checksum, count: 2)
        plan.arm(.checksum)
        #expect(plan.remaining[.checksum] == 3)
        let results = (0..<4).map { _ in plan.consume(.checksum) }
        #expect(results == [true, true, true, false])
        #expect(plan.isEmpty)
    }
}
