import Foundation
import HadirCore
import Testing

@testable import HadirDaemon

@Suite struct VoicePromptTests {
    @Test func everyOutcomeThePersonMustHearHasItsPrompt() {
        let expected: [FeedbackEvent.Kind: VoicePrompt] = [
            .punch: .punchRecorded, .unreadable: .tryAgain, .duplicate: .alreadyRecorded, .unknownFinger: .unknownFinger,
            .unknownFace: .unknownFace, .recordFailed: .recordFailed, .storageFull: .storageFull,
            .scannerDisconnected: .scannerFault,
        ]
        for (kind, prompt) in expected {
            #expect(VoicePrompt(event: kind) == prompt, "\(kind)")
        }
    }

    @Test func noticesForTheTechnicianAreNotSpoken() {
        let silent: [FeedbackEvent.Kind] = [
            .enrollStage, .enrolled, .enrollRefused, .scannerConnected, .scannerRestarted, .clockUnsynced, .clockSynced,
            .clockBackwardJump, .storageLow, .storageRecovered, .databaseQuarantined, .ready, .stopping,
        ]
        for kind in silent {
            #expect(VoicePrompt(event: kind) == nil, "\(kind)")
        }
    }

    @Test func everyPromptShipsInEveryLanguage() {
        let share = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/voice").path
        for language in KioskLanguage.allCases {
            let locator = VoicePromptLocator(directory: share, overrideDirectory: nil, language: language)
            for prompt in VoicePrompt.allCases {
                let path = locator.path(for: prompt) { FileManager.default.fileExists(atPath: $0) }
                #expect(path == "\(share)/\(language.rawValue)/\(prompt.rawValue).wav")
                // RIFF/WAVE, PCM, mono, 16 kHz, 16-bit: what the issue asks the prompts to be.
                let header = [UInt8](FileManager.default.contents(atPath: path ?? "")?.prefix(36) ?? Data())
                #expect(header.count == 36 && Array(header[0..<4]) == Array("RIFF".utf8) && Array(header[8..<12]) == Array("WAVE".utf8))
                guard header.count == 36 else { continue }
                #expect(header[22] == 1 && header[23] == 0, "mono")
                #expect(UInt32(header[24]) | UInt32(header[25]) << 8 | UInt32(header[26]) << 16 == 16_000, "16 kHz")
                #expect(header[34] == 16, "16-bit")
            }
        }
    }
}

@Suite struct VoicePromptLocatorTests {
    let locator = VoicePromptLocator(directory: "/usr/share/hadir/voice/", overrideDirectory: "/etc/hadir/voice", language: .indonesian)

    @Test func aRecordedReplacementWinsOverTheShippedPrompt() {
        let files: Set = ["/etc/hadir/voice/id/punch-recorded.wav", "/usr/share/hadir/voice/id/punch-recorded.wav"]
        #expect(locator.path(for: .punchRecorded, fileExists: files.contains) == "/etc/hadir/voice/id/punch-recorded.wav")
    }

    @Test func withoutAReplacementTheShippedPromptIsUsed() {
        let files: Set = ["/etc/hadir/voice/id/try-again.wav", "/usr/share/hadir/voice/id/punch-recorded.wav"]
        #expect(locator.path(for: .punchRecorded, fileExists: files.contains) == "/usr/share/hadir/voice/id/punch-recorded.wav")
    }

    @Test func aReplacementInAnotherLanguageDoesNotCount() {
        let files: Set = ["/etc/hadir/voice/en/punch-recorded.wav", "/usr/share/hadir/voice/id/punch-recorded.wav"]
        #expect(locator.path(for: .punchRecorded, fileExists: files.contains) == "/usr/share/hadir/voice/id/punch-recorded.wav")
    }

    @Test func englishKiosksUseTheEnglishDirectory() {
        var english = locator
        english.language = .english
        #expect(
            english.candidates(for: .alreadyRecorded) == [
                "/etc/hadir/voice/en/already-recorded.wav", "/usr/share/hadir/voice/en/already-recorded.wav",
            ])
    }

    @Test func aPromptInNeitherDirectoryIsNil() {
        #expect(locator.path(for: .unknownFace, fileExists: { _ in false }) == nil)
    }
}

@Suite struct VoicePlayerCommandTests {
    @Test func theWavPathIsTheLastArgument() throws {
        let command = try #require(VoicePlayerCommand("  aplay   -q -D\tplughw:1 "))
        #expect(command.program == "aplay")
        #expect(command.arguments(playing: "/x/y.wav") == ["-q", "-D", "plughw:1", "/x/y.wav"])
    }

    @Test func aBlankCommandIsRefused() {
        #expect(VoicePlayerCommand("") == nil)
        #expect(VoicePlayerCommand(" \t ") == nil)
    }

    @Test func aBareNameIsLookedUpInThePathInOrder() throws {
        let command = try #require(VoicePlayerCommand("aplay -q"))
        let executables: Set = ["/usr/bin/aplay", "/bin/aplay"]
        #expect(
            command.resolvedProgram(searchPath: "/usr/local/bin::/usr/bin:/bin", isExecutable: executables.contains) == "/usr/bin/aplay")
        #expect(command.resolvedProgram(searchPath: "/opt", isExecutable: executables.contains) == nil)
    }

    @Test func aPathIsTakenAsItIs() throws {
        let command = try #require(VoicePlayerCommand("/opt/say"))
        #expect(command.resolvedProgram(searchPath: "/usr/bin", isExecutable: { $0 == "/opt/say" }) == "/opt/say")
        #expect(command.resolvedProgram(searchPath: "/usr/bin", isExecutable: { _ in false }) == nil)
    }
}

@Suite struct VoiceFailureThrottleTests {
    @Test func oneFailurePerIntervalIsLoggedWithTheCountLeftOut() {
        var throttle = VoiceFailureThrottle(interval: .seconds(600))
        #expect(throttle.admit(at: .seconds(0)) == (true, 0))
        #expect(throttle.admit(at: .seconds(1)) == (false, 0))
        #expect(throttle.admit(at: .seconds(599)) == (false, 0))
        #expect(throttle.admit(at: .seconds(600)) == (true, 2))
        #expect(throttle.admit(at: .seconds(1300)) == (true, 0))
    }
}

@Suite struct VoiceConfigTests {
    let directory = NSTemporaryDirectory() + "hadir-voice-config-\(UUID().uuidString.prefix(8))"

    @Test func defaultsSpeakWithAplayFromTheShareDirectory() throws {
        let config = try ConfigLoader.parse(source: nil, file: "hadird.toml", environment: [:])
        #expect(config.voice.enabled)
        #expect(config.voice.player == "aplay -q")
        #expect(config.voice.directory == "/usr/share/hadir/voice")
        #expect(config.voice.overrideDirectory == "/etc/hadir/voice")
    }

    @Test func voiceKeysAreRead() throws {
        let text = "[voice]\nenabled = false\nplayer = \"paplay\"\ndirectory = \"/opt/v\"\noverride_directory = \"/srv/v\"\n"
        let config = try ConfigLoader.parse(source: text, file: "hadird.toml", environment: [:])
        #expect(!config.voice.enabled)
        #expect(config.voice.player == "paplay")
        #expect(config.voice.directory == "/opt/v")
        #expect(config.voice.overrideDirectory == "/srv/v")
    }

    @Test func mistakesNameTheFileKeyAndLine() {
        for (line, key, value) in [(3, "player", "\"  \""), (4, "directory", "\"voice\""), (3, "enabled", "\"yes\"")] {
            let text = "[device]\n[voice]\n" + String(repeating: "\n", count: line - 3) + "\(key) = \(value)\n"
            do {
                _ = try ConfigLoader.parse(source: text, file: "/etc/hadir/hadird.toml", environment: [:])
                Issue.record("\(key) = \(value) was accepted")
            } catch {
                #expect(error.key == "voice.\(key)")
                #expect(error.line == line)
                #expect(error.description.hasPrefix("/etc/hadir/hadird.toml:\(line): voice.\(key):"))
            }
        }
    }

    @Test func theEnvironmentCanSilenceTheKiosk() throws {
        let config = try ConfigLoader.parse(source: nil, file: "hadird.toml", environment: ["HADIR_VOICE_ENABLED": "false"])
        #expect(!config.voice.enabled)
    }
}
