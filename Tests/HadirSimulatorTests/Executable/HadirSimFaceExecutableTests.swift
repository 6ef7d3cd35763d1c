import Foundation
import HadirScanner
import HadirSimulator
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("hadir-sim --kind face executable", .serialized, .enabled(if: simulatorBinary != nil, "hadir-sim is not built"))
struct HadirSimFaceExecutableTests {
    @Test(arguments: [
        ["--kind", "iris"], ["--kind", "face", "--address", "1"], ["--kind", "face", "--packet-size", "64"],
        ["--kind", "face", "--startup-byte"], ["--kind", "face", "--auto-timeout", "5"], ["--kind", "face", "--capacity", "256"],
        ["--kind", "face", "--capacity", "0"], ["--kind", "face", "--serial", ""],
        ["--kind", "face", "--serial", String(repeating: "S", count: 33)],
        ["--kind", "face", "--recognition-ms", "60001"], ["--serial", "KIOSK7"], ["--kind", "fingerprint", "--recognition-ms", "100"],
    ])
    func badArgumentsGiveOneLineAndExit64(arguments: [String]) throws {
        let simulator = try SimulatorProcess(arguments)
        #expect(simulator.waitForExit(seconds: 20) == 64)
        let message = String(decoding: simulator.stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.hasPrefix("hadir-sim: "))
        #expect(message.split(separator: "\n").count == 1)
    }

    @Test func servesTheFaceModuleAndPersistsFacesJSON() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let link = directory + "/ttyFace"
        let control = directory + "/ctl.sock"
        let simulator = try SimulatorProcess([
            "--kind", "face", "--state", directory + "/state", "--link", link, "--control", control, "--capacity", "5",
            "--serial", "KIOSK-7", "--recognition-ms", "50",
        ])
        let pty = try simulator.nextLine()
        #expect(pty.hasPrefix("pty /dev/pts/"))
        #expect(try simulator.nextLine() == "link \(link)")
        #expect(try simulator.nextLine() == "control \(control)")
        #expect(try simulator.nextLine() == "ready")
        #expect(linkTarget(link) == String(pty.dropFirst(4)))

        let client = try ControlClient(path: control)
        let port = try FacePortClient(path: link)
        try port.waitForReady()
        #expect(try port.exchange(.getSerialNumber).reply.payload == .text("KIOSK-7"))
        #expect(try client.command("show 8") == "ok")
        #expect(
            try port.exchange(.enrollSingle(EFAAEnrollRequest(name: "Dewi", direction: .middle, timeoutSeconds: 60))).reply.result
                == .success)
        #expect(try client.command("hide") == "ok")
        let status = try client.command("status")
        #expect(status.contains(#""kind":"face","busy":false,"users":1,"commands":2,"capacity":5"#))
        #expect(try FaceLibraryFile(directory: directory + "/state").load().users[1]?.face == 8)

        kill(simulator.process.processIdentifier, SIGTERM)
        #expect(simulator.waitForExit(seconds: 20) == 0)
        #expect(linkTarget(link) == nil)
        #expect(!FileManager.default.fileExists(atPath: control))
    }

    @Test func answersFaceControlLinesOnStdinOneReplyLineEach() throws {
        let simulator = try SimulatorProcess(["--kind", "face"], closeStandardInput: false)
        #expect(try simulator.nextLine().hasPrefix("pty "))
        #expect(try simulator.nextLine() == "ready")
        try simulator.stdin.fileHandleForWriting.write(
            contentsOf: Data("look 3 2\npress 17\nfault restart 2\nstatus\nquit\n".utf8))
        #expect(try simulator.nextLine() == "ok")
        #expect(try simulator.nextLine().hasPrefix("error 'press' is a fingerprint-module command"))
        #expect(try simulator.nextLine() == "ok")
        let status = try simulator.nextLine()
        #expect(status.contains(#""camera":{"state":"looking","face":3,"remaining":2}"#))
        #expect(status.contains(#""faults":{"restart":2}"#))
        #expect(try simulator.nextLine() == "ok")
        #expect(simulator.waitForExit(seconds: 20) == 0)
    }
}
