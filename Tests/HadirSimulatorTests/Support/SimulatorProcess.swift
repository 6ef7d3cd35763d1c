import Foundation
import HadirSimulator

#if canImport(Glibc)
    import Glibc
#endif

/// The built `hadir-sim`, which SwiftPM puts beside the test runner.
let simulatorBinary: String? = {
    guard let runner = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
    let path = URL(fileURLWithPath: runner).deletingLastPathComponent().appendingPathComponent("hadir-sim").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}()

/// A running `hadir-sim` with its stdout read line by line.
final class SimulatorProcess {
    let process = Process()
    let stdout = Pipe()
    let stderr = Pipe()
    let stdin = Pipe()
    private var assembler = LineAssembler()
    private var lines: [String] = []

    init(_ arguments: [String], closeStandardInput: Bool = true) throws {
        process.executableURL = URL(fileURLWithPath: simulatorBinary ?? "/nonexistent")
        process.arguments = arguments
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if closeStandardInput { try stdin.fileHandleForWriting.close() }
    }

    func nextLine(timeout: Int32 = 20_000) throws -> String {
        let fd = stdout.fileHandleForReading.fileDescriptor
        while lines.isEmpty {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, timeout) > 0 else { throw TestFailure("no stdout line") }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { throw TestFailure("stdout closed") }
            for item in assembler.feed(buffer[0..<count]) {
                if case .line(let line) = item { lines.append(line) }
            }
        }
        return lines.removeFirst()
    }

    func waitForExit(seconds: Double = 5) -> Int32? {
        guard eventually(seconds, { !process.isRunning }) else {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }
}
