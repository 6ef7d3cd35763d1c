import Foundation
import HadirDaemon

#if canImport(Glibc)
    import Glibc
#endif

/// `hadir-sim` as a separate process, driven through its control socket.
final class Simulator {
    let directory: String
    let link: String
    let controlPath: String
    let process: ManagedProcess

    init(directory: String, extraArguments: [String] = []) throws {
        self.directory = directory
        link = directory + "/scanner"
        controlPath = directory + "/sim.sock"
        process = try ManagedProcess(
            executable: Binaries.path("hadir-sim"),
            arguments: ["--state", directory + "/sim-state", "--link", link, "--control", controlPath] + extraArguments)
        guard process.waitForLine(timeout: .seconds(20), { $0 == "ready" }) != nil else {
            throw HarnessError("hadir-sim did not become ready: \(process.output) \(process.errors)")
        }
    }

    /// Sends one control command and returns its reply line (which starts with "ok" or "error").
    @discardableResult
    func send(_ command: String) throws -> String {
        let fd = try UnixSocket.connect(path: controlPath)
        defer { close(fd) }
        guard UnixSocket.writeAll(fd, Array((command + "\n").utf8)) else { throw HarnessError("sim control write failed") }
        var reader = LineReader(fd: fd)
        guard let reply = reader.nextLine() else { throw HarnessError("sim control closed without a reply to \(command)") }
        guard reply.hasPrefix("ok") else { throw HarnessError("sim refused \"\(command)\": \(reply)") }
        return reply
    }

    deinit {
        if process.process.isRunning { stop() }
    }

    func stop() {
        process.signal(SIGTERM)
        if process.waitForExit(timeout: .seconds(5)) == nil { process.kill9AndWait() }
    }
}

/// A failure of the harness itself, with what it saw.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
