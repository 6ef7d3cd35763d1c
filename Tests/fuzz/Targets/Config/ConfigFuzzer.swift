import HadirDaemon
import HadirFuzzSupport

/// Fuzzes the config parser: TOML text (and TOMLKit under it) to a ``HadirConfiguration`` or one
/// ``ConfigError`` that names the file, a line within the text, and the key.
///
/// Input: the text of hadird.toml. Bytes that are not UTF-8 are refused by `load` before parsing,
/// so they are skipped here. `parse` touches no file, so no input can create a state directory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput(data, size).bytes
    guard let source = String(validating: bytes, as: UTF8.self) else { return 0 }
    ConfigCheck.check(source)
    return 0
}

@main enum ConfigFuzzer {
    static func main() { FuzzDriver.run(fuzzConfig) }
}
