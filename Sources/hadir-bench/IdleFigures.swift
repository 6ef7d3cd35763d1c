import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Idle cost of the real daemon: hadird attached to hadir-sim, no finger on the sensor, for a
/// while; CPU from /proc/<pid>/stat (utime + stime over wall time, % of one core) and RSS from
/// /proc/<pid>/status. The simulator's CPU is printed beside it: it answers the same GenImg polls.
enum IdleFigures {
    struct Result {
        var seconds: Double
        var daemonCPUPercent: Double
        var simulatorCPUPercent: Double
        var rssMegabytes: Double
        var peakRSSMegabytes: Double
        /// Heap and stacks; the rest of the RSS is file-backed code pages (shared libraries).
        var anonymousRSSMegabytes: Double
    }

    static func measure(directory: String, binaries: String, seconds: Double) async throws -> Result {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let simulator = try Child(
            executable: binaries + "/hadir-sim", output: directory + "/sim.out",
            arguments: ["--state", directory + "/sim-state", "--link", directory + "/scanner", "--control", directory + "/sim.sock"])
        defer { simulator.stop() }
        try await simulator.waitForOutput("ready", timeout: .seconds(30))
        let config = """
            [device]
            state_dir = "\(directory)/state"
            serial = "HDRBENCHIDLE"
            [scanner]
            path = "\(directory)/scanner"
            [pull]
            host = "127.0.0.1"
            port = 0
            [output]
            log_level = "warning"
            """
        try config.write(toFile: directory + "/hadird.toml", atomically: true, encoding: .utf8)
        let daemon = try Child(
            executable: binaries + "/hadird", output: directory + "/hadird.out", arguments: ["--config", directory + "/hadird.toml"])
        defer { daemon.stop() }
        try await daemon.waitForOutput(#""event":"scanner_connected""#, timeout: .seconds(30))
        // Start-up (migrations, first connect) is not idle.
        try await Task.sleep(for: .seconds(2))

        let start = ContinuousClock.now
        let daemonBefore = try cpuSeconds(pid: daemon.pid)
        let simulatorBefore = try cpuSeconds(pid: simulator.pid)
        try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        let daemonAfter = try cpuSeconds(pid: daemon.pid)
        let simulatorAfter = try cpuSeconds(pid: simulator.pid)
        let wall = elapsed(since: start)
        return Result(
            seconds: wall, daemonCPUPercent: (daemonAfter - daemonBefore) / wall * 100,
            simulatorCPUPercent: (simulatorAfter - simulatorBefore) / wall * 100,
            rssMegabytes: try statusMegabytes(pid: daemon.pid, field: "VmRSS:"),
            peakRSSMegabytes: try statusMegabytes(pid: daemon.pid, field: "VmHWM:"),
            anonymousRSSMegabytes: try statusMegabytes(pid: daemon.pid, field: "RssAnon:"))
    }

    /// utime + stime of `pid`, in seconds.
    static func cpuSeconds(pid: Int32) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        // Fields after the command name, which is in parentheses and may hold spaces.
        guard let close = stat.lastIndex(of: ")") else { throw BenchError("unreadable /proc/\(pid)/stat") }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state): utime and stime are fields 14 and 15.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
            throw BenchError("unreadable /proc/\(pid)/stat")
        }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func statusMegabytes(pid: Int32, field: String) throws -> Double {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { throw BenchError("no \(field) in /proc/\(pid)/status") }
        return kilobytes / 1024
    }
}

/// A child process with stdout in a file, stopped with SIGTERM (then SIGKILL).
final class Child {
    let process = Process()
    let outputPath: String

    init(executable: String, output: String, arguments: [String]) throws {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchError("\(executable) not found; build it first (make bench does)")
        }
        outputPath = output
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin"]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    func waitForOutput(_ text: String, timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let output = try? String(contentsOfFile: outputPath, encoding: .utf8), output.contains(text) { return }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchError("\(process.executableURL?.lastPathComponent ?? "child") did not print \(text)")
    }

    func stop() {
        guard process.isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
    }
}
