import Foundation
import HadirSimulator
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("hadir-sim executable", .serialized, .enabled(if: simulatorBinary != nil, "hadir-sim is not built"))
struct HadirSimExecutableTests {
    @Test(arguments: [
        ["--packet-size", "100"], ["--address", "zz"], ["--buffers", "3"], ["--capacity", "0"], ["--bogus"],
        ["--image", "3x3"],
    ])
    func badArgumentsGiveOneLineAndExit64(arguments: [String]) throws {
        let simulator = try SimulatorProcess(arguments)
        #expect(simulator.waitForExit() == 64)
        let message = String(decoding: simulator.stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.hasPrefix("hadir-sim: "))
        #expect(message.split(separator: "\n").count == 1)
    }

    @Test func announcesItselfKeepsRunningAfterStdinEOFAndCleansUpOnSIGTERM() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let link = directory + "/ttyFP"
        let control = directory + "/ctl.sock"
        let simulator = try SimulatorProcess(["--state", directory + "/state", "--link", link, "--control", control])
        let pty = try simulator.nextLine()
        #expect(pty.hasPrefix("pty /dev/pts/"))
        #expect(try simulator.nextLine() == "link \(link)")
        #expect(try simulator.nextLine() == "control \(control)")
        #expect(try simulator.nextLine() == "ready")
        #expect(linkTarget(link) == String(pty.dropFirst(4)))

        let client = try ControlClient(path: control)
        #expect(try client.command("status").hasPrefix(#"ok {"pty":""#))
        let port = try SerialClient(path: link)
        #expect(try port.code(.handshake) == 0)

        kill(simulator.process.processIdentifier, SIGTERM)
        #expect(simulator.waitForExit() == 0)
        #expect(linkTarget(link) == nil)
        #expect(!FileManager.default.fileExists(atPath: control))
    }

    @Test func answersControlLinesOnStdinOneReplyLineEach() throws {
        let simulator = try SimulatorProcess([], closeStandardInput: false)
        #expect(try simulator.nextLine().hasPrefix("pty "))
        #expect(try simulator.nextLine() == "ready")
        try simulator.stdin.fileHandleForWriting.write(
            contentsOf: Data("tap 17\nfault flash 2\nnonsense\n\nstatus\nquit\n".utf8))
        #expect(try simulator.nextLine() == "ok")
        #expect(try simulator.nextLine() == "ok")
        #expect(try simulator.nextLine().hasPrefix("error unknown command"))
        let status = try simulator.nextLine()
        #expect(status.contains(#""faults":{"flash":2}"#))
        #expect(status.contains(#""sensor":{"state":"pressing","finger":17,"remaining":1,"lifted":false}"#))
        #expect(try simulator.nextLine() == "ok")
        #expect(simulator.waitForExit() == 0)
    }
}
