#if canImport(Glibc)
    import Glibc
#endif

/// Stops the run when an invariant of the code under test does not hold.
///
/// The message goes to stderr and the process aborts, which libFuzzer reports as a crash and saves
/// the input as a reproducer: a broken invariant is a bug exactly like a trap.
public func fuzzCheck(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
) {
    guard !condition() else { return }
    let report = Array("fuzz invariant violated at \(file):\(line): \(message())\n".utf8)
    _ = report.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    abort()
}
