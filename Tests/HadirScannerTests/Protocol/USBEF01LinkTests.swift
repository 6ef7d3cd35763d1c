import HadirCore
import Testing

@testable import HadirScanner

/// The pure bulk-only link on the byte sequences of Tests/fixtures/usb/exchange.ioctl (hand-made
/// from the reference; no hardware capture exists).
struct USBEF01LinkTests {
    static let readSysPara = hexBytes("EF 01 FF FF FF FF 01 00 03 0F 00 13")
    static let upChar = hexBytes("EF 01 FF FF FF FF 01 00 04 08 01 00 0E")
    static let ackOK = hexBytes("EF 01 FF FF FF FF 07 00 03 00 00 0A")
    static let ackNoFinger = hexBytes("EF 01 FF FF FF FF 07 00 03 02 00 0C")

    /// Performs the link's pending transfers, answering reads from `answers` in order.
    static func run(_ link: inout USBEF01Link, answers: inout [[UInt8]]) throws -> (written: [[UInt8]], output: [UInt8]) {
        var written: [[UInt8]] = []
        var output: [UInt8] = []
        while let step = link.nextStep {
            switch step {
            case .write(let bytes):
                written.append(bytes)
                link.wrote()
            case .read:
                output += try link.read(answers.removeFirst())
            }
        }
        return (written, output)
    }

    @Test func aCommandIsSentAsWrapperPacketStatusAndItsAckFetchedWith85() throws {
        var link = USBEF01Link()
        let fetchStartedWithNothingOwed = link.beginReceive()
        #expect(!fetchStartedWithNothingOwed)  // nothing owed: no 85 is sent
        link.beginSend(Self.readSysPara)
        var answers = [hexBytes("55 53 42 53 01 00 00 00 00 00 00 00 00")]
        let sent = try Self.run(&link, answers: &answers)
        #expect(
            sent.written.map(hexString) == [
                "55 53 42 43 01 00 00 00 0C 00 00 00 00 00 0A 86 00" + String(repeating: " 00", count: 14),
                hexString(Self.readSysPara),
            ])
        #expect(sent.output.isEmpty && link.expectsReply)

        let fetchStarted3 = link.beginReceive()
        #expect(fetchStarted3)
        answers = [Self.ackOK + [UInt8](repeating: 0, count: 52), hexBytes("55 53 42 53 02 00 00 00 00 00 00 00 00")]
        let received = try Self.run(&link, answers: &answers)
        #expect(
            hexString(received.written[0]) == "55 53 42 43 02 00 00 00 40 00 00 00 80 00 0A 85 00" + String(repeating: " 00", count: 14))
        // The 64-byte padded answer is trimmed to the frame.
        #expect(received.output == Self.ackOK)
        #expect(!link.expectsReply && !link.needsResetRecovery)
    }

    @Test func upCharsRawTemplateIsFetchedAfterASuccessfulAckAndReframedAsDataPackets() throws {
        var link = USBEF01Link()
        link.beginSend(Self.upChar)
        var answers = [USBBulkOnlyStatus(tag: 1).encoded(), Self.ackOK, USBBulkOnlyStatus(tag: 2).encoded()]
        _ = try Self.run(&link, answers: &answers)
        let fetchStarted5 = link.beginReceive()
        #expect(fetchStarted5)
        #expect(try Self.run(&link, answers: &answers).output == Self.ackOK)

        let template = (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let fetchStarted7 = link.beginReceive()
        #expect(fetchStarted7)
        guard case .write(let wrapper) = link.nextStep else {
            Issue.record("the template fetch does not start with a wrapper")
            return
        }
        #expect(try USBBulkOnlyCommand.decode(wrapper) == USBBulkOnlyCommand(tag: 3, transferLength: 512, operation: .receive))
        answers = [template, USBBulkOnlyStatus(tag: 3).encoded()]
        let framed = try Self.run(&link, answers: &answers).output
        var decoder = EF01FrameDecoder()
        decoder.feed(framed)
        var assembler = EF01DataAssembler()
        var packets: [EF01Packet] = []
        var collected: [UInt8]?
        while let packet = try decoder.next() {
            packets.append(packet)
            collected = try assembler.add(packet)
        }
        #expect(packets.map(\.type) == [.data, .data, .data, .endData])
        #expect(collected == template)
        #expect(!link.expectsReply)
    }

    @Test func aFailedUpCharAckFetchesNoTemplate() throws {
        var link = USBEF01Link()
        link.beginSend(Self.upChar)
        var answers = [USBBulkOnlyStatus(tag: 1).encoded(), Self.ackNoFinger, USBBulkOnlyStatus(tag: 2).encoded()]
        _ = try Self.run(&link, answers: &answers)
        _ = link.beginReceive()
        #expect(try Self.run(&link, answers: &answers).output == Self.ackNoFinger)
        let fetchStartedAfterFailure = link.beginReceive()
        #expect(!fetchStartedAfterFailure)
    }

    @Test func dataPacketsFromTheHostExpectNoReply() throws {
        var link = USBEF01Link()
        link.beginSend(EF01Packet(address: 0xFFFF_FFFF, type: .endData, payload: [1, 2, 3]).encoded())
        var answers = [USBBulkOnlyStatus(tag: 1).encoded()]
        _ = try Self.run(&link, answers: &answers)
        #expect(!link.expectsReply)
    }

    @Test func aBadStatusLeavesTheLinkNeedingResetRecovery() throws {
        var link = USBEF01Link()
        link.beginSend(Self.readSysPara)
        var answers = [USBBulkOnlyStatus(tag: 9).encoded()]
        #expect(throws: USBBulkOnlyError.tagMismatch(expected: 1, actual: 9)) { _ = try Self.run(&link, answers: &answers) }
        #expect(link.needsResetRecovery)
        link.resetRecovered()
        #expect(!link.needsResetRecovery && !link.expectsReply)
    }

    @Test func anInterruptedReceiveResumesWithoutANewWrapper() throws {
        var link = USBEF01Link()
        link.beginSend(Self.readSysPara)
        var answers = [USBBulkOnlyStatus(tag: 1).encoded()]
        _ = try Self.run(&link, answers: &answers)
        let fetchStarted9 = link.beginReceive()
        #expect(fetchStarted9)
        link.wrote()  // the 85 wrapper went out; then the data stage timed out
        let fetchStarted11 = link.beginReceive()
        #expect(fetchStarted11)
        #expect(link.nextStep == .read(64))
    }

    @Test func randomAnswersNeverCrashTheLink() {
        var random = SplitMix64(seed: 0x85_86)
        for _ in 0..<2_000 {
            var link = USBEF01Link()
            link.beginSend(random.next() % 2 == 0 ? Self.upChar : random.bytes(random.count(in: 0...20)))
            for _ in 0..<8 {
                guard let step = link.nextStep ?? (link.beginReceive() ? link.nextStep : nil) else { break }
                if case .write = step {
                    link.wrote()
                } else if (try? link.read(random.bytes(random.count(in: 0...70)))) == nil {
                    link.resetRecovered()
                }
            }
        }
    }
}
