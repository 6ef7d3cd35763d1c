import Foundation
import HadirDaemon

#if canImport(Glibc)
    import Glibc
#endif

/// `hadird` as a separate process with a generated config, its feedback lines parsed.
final class DaemonUnderTest {
    let stateDirectory: String
    let configPath: String
    let process: ManagedProcess

    /// Writes `hadird.toml` for a simulator link and starts the daemon; waits for "ready" and,
    /// unless told otherwise, for the scanner connection.
    init(
        stateDirectory: String, scannerPath: String, simulatedStart: String? = nil, duplicateWindow: Int = 60,
        extraConfig: String = "", waitForScanner: Bool = true, environment: [String: String] = [:]
    ) throws {
        self.stateDirectory = stateDirectory
        configPath = stateDirectory + ".toml"
        var config = """
            [device]
            state_dir = "\(stateDirectory)"
            serial = "HDRTEST0001"

            [scanner]
            path = "\(scannerPath)"
            identify_timeout_ms = 400
            response_timeout_ms = 500
            enroll_press_timeout_ms = 10000
            reconnect_min_ms = 100
            reconnect_max_ms = 400

            [policy]
            profile = "bandung-barat"
            duplicate_window_s = \(duplicateWindow)

            """
        if let simulatedStart {
            config += "\n[clock]\nsimulated_start = \"\(simulatedStart)\"\nsimulated_rate = 1.0\n"
        }
        config += extraConfig
        // Tests stay silent unless they configure the voice themselves.
        if !extraConfig.contains("[voice]") { config += "\n[voice]\nenabled = false\n" }
        // No door screen unless asked: its default port is fixed, and tests run daemons side by side.
        if !extraConfig.contains("[kiosk]") { config += "\n[kiosk]\nenabled = false\n" }
        // Any free port: tests run daemons side by side, and port 4370 may be taken on the host.
        if !extraConfig.contains("[pull]") { config += "\n[pull]\nhost = \"127.0.0.1\"\nport = 0\n" }
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        process = try ManagedProcess(executable: Binaries.path("hadird"), arguments: ["--config", configPath], environment: environment)
        guard process.waitForLine({ $0.contains(#""event":"ready""#) }) != nil else {
            throw HarnessError("hadird did not become ready: \(process.errors.suffix(20))")
        }
        if waitForScanner {
            guard process.waitForLine({ $0.contains(#""event":"scanner_connected""#) }) != nil else {
                throw HarnessError("hadird did not connect to the scanner: \(process.errors.suffix(20))")
            }
        }
    }

    var client: DaemonControlClient { DaemonControlClient(socketPath: stateDirectory + "/control.sock") }

    /// Every feedback event printed so far.
    var events: [FeedbackEvent] {
        process.output.compactMap { try? JSONDecoder().decode(FeedbackEvent.self, from: Data($0.utf8)) }
    }

    /// Waits for the `count`-th event (from the start) of `kind`.
    @discardableResult
    func waitForEvent(_ kind: FeedbackEvent.Kind, count: Int = 1, timeout: Duration = .seconds(20)) throws -> FeedbackEvent {
        var seen = 0
        let line = process.waitForLine(timeout: timeout) { line in
            guard let event = try? JSONDecoder().decode(FeedbackEvent.self, from: Data(line.utf8)), event.event == kind else {
                return false
            }
            seen += 1
            return seen >= count
        }
        guard let line, let event = try? JSONDecoder().decode(FeedbackEvent.self, from: Data(line.utf8)) else {
            throw HarnessError(
                "no \(kind.rawValue) event #\(count); events: \(events.map(\.event.rawValue)) stderr: \(process.errors.suffix(10))")
        }
        return event
    }

    /// Enrolls `pin` with virtual face `face` on the face simulator, showing the face once each time
    /// the kiosk asks for a direction (or a retry), like a person turning their head.
    func enrollFace(pin: String, name: String, face: Int, simulator: Simulator, replace: Bool = false) throws -> EnrollmentResult {
        try client.addUser(pin: pin, name: name)
        var lookError: (any Error)?
        let result = try client.enroll(pin: pin, replace: replace, modality: .face) { event in
            guard event.event == .enrollStage, let stage = event.detail,
                stage.hasPrefix("face_") || stage.hasPrefix("retry_face_")
            else { return }
            do { try simulator.send("look \(face)") } catch { lookError = error }
        }
        if let lookError { throw lookError }
        return result
    }

    /// Enrolls `pin` with virtual finger `finger`, pressing only when the daemon asks, so the identify
    /// loop cannot take the press.
    func enroll(pin: String, name: String, finger: Int, simulator: Simulator, replace: Bool = false) throws -> EnrollmentResult {
        try client.addUser(pin: pin, name: name)
        var pressError: (any Error)?
        let result = try client.enroll(pin: pin, replace: replace) { event in
            // Like a person: put the finger down each time the kiosk asks, and only then.
            guard event.event == .enrollStage, let stage = event.detail,
                stage.hasPrefix("place_finger") || stage.hasPrefix("retry_press")
            else { return }
            do { try simulator.send("tap \(finger)") } catch { pressError = error }
        }
        if let pressError { throw pressError }
        return result
    }

    deinit {
        // A failed test must not leave a daemon behind.
        if process.process.isRunning { process.kill9AndWait() }
    }

    func terminate() -> Int32? {
        process.signal(SIGTERM)
        return process.waitForExit(timeout: .seconds(15))
    }
}
