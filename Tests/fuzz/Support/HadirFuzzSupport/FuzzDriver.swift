import CLibFuzzer

#if canImport(Glibc)
    import Glibc
#endif

/// Starts libFuzzer from a Swift `@main`.
///
/// SwiftPM links every executable with `--defsym main=<module>_main`, so a fuzz target cannot leave
/// `main` to libFuzzer's runtime: it declares `@main` and hands over here. Each target still exports
/// `LLVMFuzzerTestOneInput`, which the runtime's own (unused) main refers to.
public enum FuzzDriver {
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with the process arguments and exits with its status.
    public static func run(_ testOneInput: TestOneInput) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
    }
}
