import Foundation
import HadirCore
import Testing

@testable import HadirDaemon

@Suite struct ConfigLoaderTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "hadir-config-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func load(_ text: String, environment: [String: String] = [:]) throws(ConfigError) -> HadirConfiguration {
        let path = directory + "/hadird.toml"
        try? text.replacingOccurrences(of: "$DIR", with: directory).write(toFile: path, atomically: true, encoding: .utf8)
        return try ConfigLoader.load(path: path, environment: environment)
    }

    func error(_ text: String, environment: [String: String] = [:]) -> ConfigError? {
        do {
            _ = try load(text, environment: environment)
            return nil
        } catch {
            return error
        }
    }

    @Test func shippedExampleConfigIsValid() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/hadird.toml").path
        let text = try String(contentsOfFile: example, encoding: .utf8)
            .replacingOccurrences(of: "state_dir = \"/var/lib/hadir\"", with: "state_dir = \"\(directory)/state\"")
        let config = try load(text)
        #expect(config.scanner.baud == 57_600)
        #expect(config.scanner.address == 0xFFFF_FFFF)
        #expect(config.policy.profile == .bandungBarat)
    }

    @Test func embeddedDefaultsNeedNoFile() throws {
        let config = try ConfigLoader.load(path: nil, environment: ["HADIR_DEVICE_STATE_DIR": directory + "/s"])
        #expect(config.scanner.path == "/dev/hadir-fingerprint")
        #expect(config.policy.duplicateWindowSeconds == 60)
        #expect(config.controlSocketPath == directory + "/s/control.sock")
    }

    @Test func unknownKeyIsReportedWithItsLine() {
        let failure = error("[device]\nstate_dir = \"$DIR\"\n\n[scanner]\n# comment\nbuad = 57600\n")
        #expect(failure?.line == 6)
        #expect(failure?.key == "scanner.buad")
        #expect(failure?.description.contains("unknown key") == true)
    }

    /// Found by the config fuzzer: toml++ asserted (SIGABRT, release builds included) on a control
    /// character opening a table header, so hadird crashed instead of naming the line.
    @Test func controlCharacterIsASyntaxErrorWithItsLineNotACrash() {
        let failure = error("[device]\nstate_dir = \"$DIR\"\n[\u{01}]\n")
        #expect(failure?.line == 3)
        #expect(failure?.description.contains("control character U+0001 at column 2") == true)
        #expect(error("[device]\nstate_dir = \"$DIR\"\n# a comment with DEL \u{7F}\n")?.line == 3)
        #expect(error("[device]\r\nstate_dir = \"$DIR\"\r\n[scanner]\rbaud = 9600\n")?.line == 3)
        #expect(error("[device]\r\nstate_dir = \"$DIR\"\r\n\t[scanner]\r\nbaud = 57600\r\n") == nil)
    }

    /// Found by the config fuzzer: toml++ asserted (SIGABRT) on a header whose key starts with a
    /// character no key can start with, e.g. a commented line of hadird.toml uncommented.
    @Test func tableHeaderWithoutAKeyIsASyntaxErrorNotACrash() {
        for header in ["[(re)connects, else the tty at path.", "[]", "[[ !x]]", "[ @scanner]"] {
            let failure = error("[device]\nstate_dir = \"$DIR\"\n\n\(header)\n")
            #expect(failure?.line == 4, "\(header)")
            #expect(failure?.description.contains("table header must start with a key") == true, "\(header)")
        }
        #expect(error("[device]\r\nstate_dir = \"$DIR\"\r\n[(scanner]\r\n")?.line == 3)
        #expect(error("\u{FEFF}[[[scanner]]]\n")?.line == 1)
        #expect(error("[device]\nstate_dir = \"$DIR\"\n[ \"scanner\" ]\nbaud = 9600\n[[x]]\n")?.key == "x")
    }

    /// Found by the config fuzzer: toml++'s message quoted the text it saw, line end included, so
    /// the error spanned two lines; a quoted key may hold a line end too.
    @Test func errorsStayOnOneLine() {
        let syntax = error("[device]\nstate_dir = \"$DIR\"\n[pull]\nread_only = fa\nle\n")
        #expect(syntax?.line == 4)
        #expect(syntax.map { !$0.description.contains("\n") } == true, "\(String(describing: syntax))")
        let key = error("[device]\nstate_dir = \"$DIR\"\n[scanner]\n\"ba\\nud\" = 1\n")
        #expect(key?.key == "scanner.ba\nud")
        #expect(key?.description.contains("scanner.ba\\nud: unknown key") == true, "\(String(describing: key))")
    }

    /// Found by the config fuzzer: toml++ asserted (SIGABRT) on an array element starting with '}'.
    @Test func braceWhereAnArrayElementShouldStartIsASyntaxErrorNotACrash() {
        for value in ["[}", "[1, }", "[\n  # c\n}", "{a = [}]}"] {
            let failure = error("[device]\nstate_dir = \"$DIR\"\n[scanner]\nusb_ids = \(value)\n")
            #expect(failure?.description.contains("a value is missing before '}'") == true, "\(value)")
        }
        // Inside a string or a comment it is text: the value reaches validation (which refuses it as a serial).
        #expect(error("[device]\nstate_dir = \"$DIR\"\nserial = \"[}, }\" # [}\n")?.key == "device.serial")
    }

    /// Found by the config fuzzer: an empty key name gave "fuzz.toml: : unknown section" with no line.
    @Test func emptyKeyNameIsShownQuotedWithItsLine() {
        let failure = error("# top\n\"\". Ea. Eaud = 14399\n[device]\nstate_dir = \"$DIR\"\n")
        #expect(failure?.key == "\"\"")
        #expect(failure?.line == 2)
    }

    @Test func unknownSectionIsReported() {
        let failure = error("[device]\nstate_dir = \"$DIR\"\n[upload]\nurl = \"x\"\n")
        #expect(failure?.line == 3)
        #expect(failure?.key == "upload")
    }

    @Test func uplinkKeysOutsideANamedServerTableAreExplained() {
        let failure = error("[device]\nstate_dir = \"$DIR\"\n[uplink]\nurl = \"http://x/iclock/\"\n")
        #expect(failure?.line == 4)
        #expect(failure?.key == "uplink.url")
        #expect(failure?.reason.contains("[uplink.<name>]") == true)
    }

    @Test func wrongTypesAndRangesAreReportedWithTheirLines() {
        #expect(error("[device]\nstate_dir = \"$DIR\"\n[scanner]\nbaud = 12345\n")?.line == 4)
        #expect(
            error("[device]\nstate_dir = \"$DIR\"\n[scanner]\nidentify_timeout_ms = true\n")?.reason == "expected an integer, found bool")
        #expect(error("[device]\nstate_dir = \"$DIR\"\n[policy]\nprofile = \"jakarta\"\n")?.reason.contains("known profiles") == true)
        #expect(error("[device]\nstate_dir = \"$DIR\"\n[policy]\nlate_after = \"7:30\"\n")?.key == "policy.late_after")
        #expect(error("[device]\nstate_dir = \"relative\"\n")?.key == "device.state_dir")
    }

    @Test func policyOverridesApplyToTheChosenProfileAndAreValidated() throws {
        let config = try load("[device]\nstate_dir = \"$DIR\"\n[policy]\nprofile = \"oku\"\nzone = \"WITA\"\nlate_after = \"07:45\"\n")
        #expect(config.policy.profile.zone == .wita)
        #expect(config.policy.profile.lateAfter == ClockTime(hour: 7, minute: 45))
        #expect(config.policy.profile.checkInCloses == ClockTime(hour: 8, minute: 30))
        let failure = error("[device]\nstate_dir = \"$DIR\"\n[policy]\ncheck_out_opens = \"05:00\"\n")
        #expect(failure?.key == "policy")
        #expect(failure?.line == 3)
    }

    @Test func environmentOverridesTheFileAndIsValidatedToo() throws {
        let config = try load("[device]\nstate_dir = \"$DIR\"\n[scanner]\nbaud = 57600\n", environment: ["HADIR_SCANNER_BAUD": "115200"])
        #expect(config.scanner.baud == 115_200)
        let failure = error("[device]\nstate_dir = \"$DIR\"\n", environment: ["HADIR_SCANNER_BAUD": "fast"])
        #expect(failure?.file == "environment")
        #expect(failure?.key == "HADIR_SCANNER_BAUD")
        #expect(error("[device]\nstate_dir = \"$DIR\"\n", environment: ["HADIR_SCANER_PATH": "/dev/x"])?.key == "HADIR_SCANER_PATH")
    }

    @Test func pollIntervalIsAnEF01SettingWithinBounds() throws {
        #expect(try load("[device]\nstate_dir = \"$DIR\"\n").scanner.pollIntervalMilliseconds == 100)
        #expect(try load("[device]\nstate_dir = \"$DIR\"\n[scanner]\npoll_interval_ms = 25\n").scanner.pollIntervalMilliseconds == 25)
        #expect(error("[device]\nstate_dir = \"$DIR\"\n[scanner]\npoll_interval_ms = 5\n")?.key == "scanner.poll_interval_ms")
        let face = error("[device]\nstate_dir = \"$DIR\"\n[scanner]\nkind = \"fm225\"\npoll_interval_ms = 50\n")
        #expect(face?.key == "scanner.poll_interval_ms")
    }

    @Test func theRepositorysToolKnobsAreNoOverrides() throws {
        let knobs = ["HADIR_FLOOD_TAPS": "100", "HADIR_SOAK_BIN_DIR": "/x", "HADIR_POWERCUT_ACCEL": "tcg", "HADIR_FUZZ": "1"]
        let config = try load("[device]\nstate_dir = \"$DIR\"\n[scanner]\nbaud = 57600\n", environment: knobs)
        #expect(config.scanner.baud == 57_600)
        #expect(error("[device]\nstate_dir = \"$DIR\"\n", environment: ["HADIR_FLOODS_TAPS": "1"])?.key == "HADIR_FLOODS_TAPS")
    }

    @Test func hexAddressesAndPasswordsParse() throws {
        let config = try load("[device]\nstate_dir = \"$DIR\"\n[scanner]\naddress = \"0x12345678\"\npassword = 42\n")
        #expect(config.scanner.address == 0x1234_5678)
        #expect(config.scanner.password == 42)
    }

    @Test func syntaxErrorsCarryTheParserLine() {
        let failure = error("[device]\nstate_dir = \"$DIR\"\n\n[scanner\n")
        #expect(failure?.line == 4)
        #expect(failure?.description.contains("TOML syntax") == true)
    }

    @Test func stateDirectoryThatIsAFileIsRefused() throws {
        let file = directory + "/not-a-dir"
        _ = FileManager.default.createFile(atPath: file, contents: Data())
        let failure = error("[device]\nstate_dir = \"\(file)\"\n")
        #expect(failure?.line == 2)
        #expect(failure?.reason.contains("not a directory") == true)
    }

    @Test func uplinkServersAreReadFromNamedTables() throws {
        let config = try load(
            """
            [device]
            state_dir = "$DIR"
            [clock]
            authority = "server"
            [uplink.bkpsdm]
            url = "http://10.0.0.5:8081/iclock"
            legacy = true
            max_batch = 200
            [uplink.backup]
            url = "https://adms.example.go.id/iclock/"
            pinned_public_key = "sha256//AAAA"
            """)
        #expect(config.uplinks.map(\.name) == ["backup", "bkpsdm"])
        #expect(config.uplinks[1].url == "http://10.0.0.5:8081/iclock/")
        #expect(config.uplinks[1].legacy)
        #expect(config.uplinks[1].maxBatch == 200)
        #expect(config.uplinks[0].pinnedPublicKey == "sha256//AAAA")
        #expect(config.clock.authority == "server")
    }

    @Test func uplinkMistakesNameTheServerKeyAndLine() {
        let unknown = error("[device]\nstate_dir = \"$DIR\"\n[uplink.bkpsdm]\nurl = \"http://x/iclock/\"\nretries = 3\n")
        #expect(unknown?.key == "uplink.bkpsdm.retries")
        #expect(unknown?.line == 5)
        let badURL = error("[device]\nstate_dir = \"$DIR\"\n[uplink.bkpsdm]\nurl = \"ftp://x\"\n")
        #expect(badURL?.key == "uplink.bkpsdm.url")
        #expect(badURL?.line == 4)
        let missing = error("[device]\nstate_dir = \"$DIR\"\n[uplink.bkpsdm]\nlegacy = true\n")
        #expect(missing?.key == "uplink.bkpsdm.url")
        #expect(missing?.reason == "missing url")
        #expect(error("[device]\nstate_dir = \"$DIR\"\n[clock]\nauthority = \"gps\"\n")?.key == "clock.authority")
    }

    @Test func oneServerCanComeFromTheEnvironment() throws {
        let config = try load("[device]\nstate_dir = \"$DIR\"\n", environment: ["HADIR_UPLINK_URL": "http://127.0.0.1:9/iclock/"])
        #expect(config.uplinks.map(\.name) == ["default"])
        #expect(error("[device]\nstate_dir = \"$DIR\"\n", environment: ["HADIR_UPLINK_URL": "nope"])?.key == "HADIR_UPLINK_URL")
    }

    @Test func aSyncStateFileMustBeAnAbsolutePathAndIsNamedWithItsLine() throws {
        let config = try load("[device]\nstate_dir = \"$DIR\"\n[clock]\nsync_state_file = \"/run/hadir/sync-state\"\n")
        #expect(config.clock.syncStateFile == "/run/hadir/sync-state")
        #expect(try load("[device]\nstate_dir = \"$DIR\"\n").clock.syncStateFile == nil)
        for bad in ["\"sync-state\"", "\"/run/hadir/\"", "3"] {
            let failure = error("[device]\nstate_dir = \"$DIR\"\n[clock]\nsync_state_file = \(bad)\n")
            #expect(failure?.key == "clock.sync_state_file")
            #expect(failure?.line == 4)
            #expect(failure?.file.hasSuffix("hadird.toml") == true)
        }
    }

    @Test func storageThresholdsAreReadAndCriticalMustNotExceedWarn() throws {
        let defaults = try load("[device]\nstate_dir = \"$DIR\"\n")
        #expect(defaults.storage.warnFreeMegabytes == 500)
        #expect(defaults.storage.criticalFreeMegabytes == 50)
        let config = try load("[device]\nstate_dir = \"$DIR\"\n[storage]\nwarn_free_mb = 300\ncritical_free_mb = 30\ncheck_every_s = 10\n")
        #expect(config.storage.thresholds == StorageThresholds(warnFreeMegabytes: 300, criticalFreeMegabytes: 30))
        #expect(config.storage.checkEverySeconds == 10)
        let inverted = error("[device]\nstate_dir = \"$DIR\"\n[storage]\nwarn_free_mb = 10\ncritical_free_mb = 30\n")
        #expect(inverted?.key == "storage.critical_free_mb")
        #expect(inverted?.line == 5)
    }
}
