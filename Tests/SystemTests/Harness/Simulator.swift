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
        var socket = try LineSocket(path: controlPath)
        defer { socket.close() }
        try socket.write(command)
        guard let reply = socket.readLine() else { throw HarnessError("sim control closed without a reply to \(command)") }
        guard reply.hasPrefix("ok") else { throw HarnessError("sim refused \"\(command)\": \(reply)") }
        return reply
    }

    /// The daemon publishes a punch (or an unknown finger) before it polls the sensor once more to see the finger lifted
    /// (ScannerService.identifyOnce → waitForLift). A `tap` sent inside that window is taken by the
    /// lift poll as the same finger still touching, and no punch follows. So after a punch, wait for
    /// the module to serve one more command: that is the lift poll (which saw no finger) or later.
    func waitForLiftCheck() throws {
        let before = try commandsServed()
        let deadline = ContinuousClock.now + .seconds(10)
        while try commandsServed() <= before {
            guard ContinuousClock.now < deadline else { throw HarnessError("the scanner served no command for 10 s after a punch") }
            usleep(1_000)
        }
    }

    func commandsServed() throws -> Int {
        let status = try send("status")
        guard let range = status.range(of: #""commandsServed":"#),
            let count = Int(status[range.upperBound...].prefix { $0.isNumber })
        else { throw HarnessError("no commandsServed in sim status: \(status)") }
        return count
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
