import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A child process whose stdout and stderr lines are collected as they arrive.
final class ManagedProcess: @unchecked Sendable {
    let process = Process()
    private let stdoutLines = LineBuffer()
    private let stderrLines = LineBuffer()
    private let readers = DispatchGroup()

    init(executable: String, arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // A clean environment: no inherited HADIR_* overrides leak into the child.
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        collect(out.fileHandleForReading, into: stdoutLines)
        collect(err.fileHandleForReading, into: stderrLines)
    }

    private func collect(_ handle: FileHandle, into lines: LineBuffer) {
        readers.enter()
        Thread.detachNewThread { [readers] in
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    lines.append(line)
                }
            }
            if !pending.isEmpty { lines.append(String(decoding: pending, as: UTF8.self)) }
            readers.leave()
        }
    }

    var output: [String] { stdoutLines.lines }
    var errors: [String] { stderrLines.lines }

    /// Waits until a stdout line satisfies `predicate`; returns it, or nil on timeout or exit.
    func waitForLine(timeout: Duration = .seconds(20), _ predicate: (String) -> Bool) -> String? {
        let deadline = ContinuousClock.now + timeout
        var checked = 0
        while ContinuousClock.now < deadline {
            let lines = output
            for line in lines[checked...] where predicate(line) { return line }
            checked = lines.count
            if !process.isRunning {
                readers.wait()
                return output[checked...].first(where: predicate)
            }
            usleep(5_000)
        }
        return nil
    }

    func signal(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Waits for exit and for both pipes to drain; returns the exit status.
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(20)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { usleep(5_000) }
        if process.isRunning { return nil }
        readers.wait()
        return process.terminationStatus
    }

    func kill9AndWait() {
        signal(SIGKILL)
        waitForExit()
    }
}

/// Lines collected from one pipe, shared between its reader thread and the test.
final class LineBuffer: Sendable {
    private let storage = Mutex<[String]>([])

    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}
