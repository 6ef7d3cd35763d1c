import Foundation
import Testing

/// A config mistake is one line naming file, line and key, and exit code 78.
@Suite struct ConfigSystemTests {
    func check(_ config: String?, file name: String = "hadird.toml") throws -> (status: Int32?, stderr: [String], path: String) {
        let dir = try TemporaryDirectory("config")
        defer { dir.remove() }
        let path = dir.path + "/" + name
        if let config { try config.replacingOccurrences(of: "$DIR", with: dir.path).write(toFile: path, atomically: true, encoding: .utf8) }
        let process = try ManagedProcess(executable: Binaries.path("hadird"), arguments: ["--check-config", "--config", path])
        return (process.waitForExit(), process.errors, path)
    }

    @Test func unknownKeyNamesFileLineAndKey() throws {
        let result = try check("[device]\nstate_dir = \"$DIR/state\"\n\n[scanner]\nbuad = 57600\n")
        #expect(result.status == 78)
        #expect(result.stderr.count == 1)
        #expect(result.stderr.first?.hasPrefix("hadird: \(result.path):5: scanner.buad: unknown key") == true)
    }

    @Test func wrongTypeNamesFileLineAndKey() throws {
        let result = try check("[device]\nstate_dir = \"$DIR/state\"\n[scanner]\nbaud = \"fast\"\n")
        #expect(result.status == 78)
        #expect(result.stderr == ["hadird: \(result.path):4: scanner.baud: expected an integer, found string"])
    }

    @Test func missingFileIsAConfigError() throws {
        let result = try check(nil)
        #expect(result.status == 78)
        #expect(result.stderr == ["hadird: \(result.path): config file does not exist"])
    }

    @Test func unusableStateDirectoryNamesTheKey() throws {
        let result = try check("[device]\nstate_dir = \"$DIR/hadird.toml\"\n")
        #expect(result.status == 78)
        #expect(result.stderr.first?.contains(":2: device.state_dir:") == true)
        #expect(result.stderr.first?.contains("not a directory") == true)
    }

    @Test func syntaxErrorReportsTheLine() throws {
        let result = try check("[device]\nstate_dir = \"$DIR/state\"\n[scanner\n")
        #expect(result.status == 78)
        #expect(result.stderr.first?.contains("hadird.toml:3:") == true)
    }

    @Test func goodConfigPasses() throws {
        let result = try check("[device]\nstate_dir = \"$DIR/state\"\n[policy]\nprofile = \"oku\"\nlate_after = \"07:45\"\n")
        #expect(result.status == 0)
    }
}
