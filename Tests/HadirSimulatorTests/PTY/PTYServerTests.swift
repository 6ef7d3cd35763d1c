import Foundation
import HadirScanner
import HadirSimulator
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("PTY server", .serialized)
struct PTYServerTests {
    private func options(_ directory: String) -> SimulatorServerOptions {
        var options = SimulatorServerOptions()
        options.stateDirectory = directory + "/state"
        options.linkPath = directory + "/ttyFP"
        options.controlPath = directory + "/ctl.sock"
        return options
    }

    @Test func enrollsOverTheRealPtyAndPersistsTheLibrary() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let harness = try ServerHarness(options(directory))
        defer { harness.stop() }
        let target = linkTarget(directory + "/ttyFP")
        #expect(target == harness.server.initialSlavePath)
        #expect(target?.hasPrefix("/dev/pts/") == true)

        let port = try SerialClient(path: directory + "/ttyFP")
        let control = try ControlClient(path: directory + "/ctl.sock")
        #expect(try port.code(.genImg) == 0x02)
        #expect(try control.command("press 17 2") == "ok")
        #expect(try port.code(.genImg) == 0x00)
        #expect(try port.code(.img2Tz(buffer: 1)) == 0x00)
        #expect(try port.code(.search(buffer: 1, start: 0, count: 1000)) == 0x09)
        #expect(try port.code(.genImg) == 0x02)
        #expect(try port.code(.genImg) == 0x00)
        #expect(try port.code(.img2Tz(buffer: 2)) == 0x00)
        #expect(try port.code(.regModel) == 0x00)
        #expect(try port.code(.store(buffer: 1, slot: 3)) == 0x00)

        let upload = try port.send(.upChar(buffer: 1), frames: 5)
        #expect(upload.count == 5)
        #expect(upload.dropFirst().flatMap(\.payload) == (try fingerNumber(17)).template(size: 512))

        let library = try LibraryFile(directory: directory + "/state").load()
        #expect(library[3] == (try fingerNumber(17)).template(size: 512))
        #expect(
            try control.command("library")
                == #"ok {"count":1,"capacity":1000,"slots":[{"slot":3,"finger":17,"size":512}]}"#)
    }

    @Test func theLibrarySurvivesARestart() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let harness = try ServerHarness(options(directory))
            let port = try SerialClient(path: directory + "/ttyFP")
            let control = try ControlClient(path: directory + "/ctl.sock")
            #expect(try control.command("tap 5") == "ok")
            #expect(try port.code(.genImg) == 0)
            #expect(try port.code(.img2Tz(buffer: 1)) == 0)
            #expect(try port.code(.store(buffer: 1, slot: 0)) == 0)
            #expect(harness.stop())
        }
        let harness = try ServerHarness(options(directory))
        defer { harness.stop() }
        let port = try SerialClient(path: directory + "/ttyFP")
        let count = try port.send(.templateCount)
        #expect(count.first?.payload == [0x00, 0x00, 0x01])
    }

    @Test func disconnectHangsUpTheClientAndReconnectRepointsTheLink() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let harness = try ServerHarness(options(directory))
        defer { harness.stop() }
        let control = try ControlClient(path: directory + "/ctl.sock")
        let port = try SerialClient(path: directory + "/ttyFP")
        #expect(try port.code(.handshake) == 0)

        #expect(try control.command("disconnect") == "ok")
        #expect(port.observesHangUp())
        #expect(linkTarget(directory + "/ttyFP") == nil)
        #expect(try control.command("status").contains(#""pty":null,"#))

        let reply = try control.command("reconnect")
        #expect(reply.hasPrefix("ok /dev/pts/"))
        let newPath = String(reply.dropFirst(3))
        #expect(linkTarget(directory + "/ttyFP") == newPath)
        #expect(harness.server.snapshot().slavePath == newPath)
        let second = try SerialClient(path: directory + "/ttyFP")
        #expect(try second.code(.handshake) == 0)
    }

    @Test func disconnectWithSecondsReplugsByItself() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let harness = try ServerHarness(options(directory))
        defer { harness.stop() }
        let control = try ControlClient(path: directory + "/ctl.sock")
        let port = try SerialClient(path: directory + "/ttyFP")
        #expect(try control.command("disconnect 0.3") == "ok")
        #expect(port.observesHangUp())
        #expect(eventually { linkTarget(directory + "/ttyFP") != nil })
        let replugged = try SerialClient(path: directory + "/ttyFP")
        #expect(try replugged.code(.templateCount) == 0)
    }

    @Test func aClosedClientDoesNotHangUpTheMaster() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let harness = try ServerHarness(options(directory))
        defer { harness.stop() }
        do {
            let first = try SerialClient(path: directory + "/ttyFP")
            #expect(try first.code(.handshake) == 0)
        }
        usleep(100_000)
        let again = try SerialClient(path: directory + "/ttyFP")
        #expect(try again.code(.handshake) == 0)
    }

    @Test func wrongAddressGetsSilenceOverThePty() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let harness = try ServerHarness(options(directory))
        defer { harness.stop() }
        let port = try SerialClient(path: directory + "/ttyFP")
        #expect(try port.send(.handshake, address: 0x1234_5678, timeout: 300).isEmpty)
        #expect(try port.code(.handshake) == 0)
    }

    @Test func faultsArmedOverTheControlSocketReachThePty() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let harness = try ServerHarness(options(directory))
        defer { harness.stop() }
        let control = try ControlClient(path: directory + "/ctl.sock")
        let port = try SerialClient(path: directory + "/ttyFP")
        #expect(try control.command("fault timeout") == "ok")
        #expect(try control.command("status").contains(#""faults":{"timeout":1}"#))
        #expect(try port.send(.handshake, timeout: 300).isEmpty)
        #expect(try port.code(.handshake) == 0)
        #expect(try control.command("fault checksum") == "ok")
        #expect(throws: EF01FrameError.self) { try port.send(.handshake) }
    }

    @Test func controlConnectionsTakeManyLinesAndWaitIdleHoldsLaterReplies() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let harness = try ServerHarness(options(directory))
        defer { harness.stop() }
        let control = try ControlClient(path: directory + "/ctl.sock")
        let other = try ControlClient(path: directory + "/ctl.sock")
        let port = try SerialClient(path: directory + "/ttyFP")
        control.sendRaw("press 17 2\nwait-idle\nstatus\n")
        #expect(try control.nextLine() == "ok")
        #expect(!control.hasLine(within: 200))
        #expect(try other.command("bogus").hasPrefix("error "))
        #expect(try port.code(.genImg) == 0)
        #expect(!control.hasLine(within: 100))
        #expect(try port.code(.genImg) == 2)
        #expect(try port.code(.genImg) == 0)
        #expect(try control.nextLine() == "ok")
        #expect(try control.nextLine().hasPrefix(#"ok {"pty":"#))
        #expect(try control.command("wait-idle") == "ok")
        #expect(try control.command("press 3") == "ok")
        #expect(try control.command("wait-idle 0.2") == "error timeout: presses still pending")
    }

    @Test func quitStopsTheServerAndRemovesLinkAndSocket() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let harness = try ServerHarness(options(directory))
        let control = try ControlClient(path: directory + "/ctl.sock")
        #expect(try control.command("quit") == "ok")
        #expect(harness.waitUntilFinished())
        #expect(!FileManager.default.fileExists(atPath: directory + "/ctl.sock"))
        #expect(linkTarget(directory + "/ttyFP") == nil)
    }

    @Test func startupByteIsSentAtPowerOnAndAfterReplug() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = options(directory)
        options.module.sendsStartupByte = true
        let harness = try ServerHarness(options)
        defer { harness.stop() }
        let control = try ControlClient(path: directory + "/ctl.sock")
        #expect(try firstByte(of: #require(harness.server.initialSlavePath)) == 0x55)
        #expect(try control.command("disconnect") == "ok")
        let reply = try control.command("reconnect")
        #expect(try firstByte(of: String(reply.dropFirst(3))) == 0x55)
    }

    @Test func aFullImageUploadCrossesThePtyIntact() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let harness = try ServerHarness(options(directory))
        defer { harness.stop() }
        let control = try ControlClient(path: directory + "/ctl.sock")
        let port = try SerialClient(path: directory + "/ttyFP")
        #expect(try control.command("place 23") == "ok")
        #expect(try port.code(.genImg) == 0)
        let packets = try port.send(.upImage, frames: 1 + 36_864 / 128, timeout: 5000)
        #expect(packets.count == 289)
        #expect(packets.dropFirst().flatMap(\.payload) == (try fingerNumber(23)).image(geometry: .zfm))
    }

    /// Opens a slave without flushing and reads the first byte waiting there.
    private func firstByte(of slave: String) throws -> UInt8? {
        let fd = open(slave, O_RDWR | O_NOCTTY)
        guard fd >= 0 else { throw TestFailure("open \(slave)") }
        defer { close(fd) }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 2000) == 1 else { return nil }
        var byte: UInt8 = 0
        return read(fd, &byte, 1) == 1 ? byte : nil
    }
}
