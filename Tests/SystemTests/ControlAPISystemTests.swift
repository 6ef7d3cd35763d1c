import Foundation
import HadirControl
import HadirDaemon
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The control API end to end: hadirctl (libcurl over the unix socket) against a running hadird
/// and hadir-sim, plus the refusals a hostile or careless client meets.
@Suite struct ControlAPISystemTests {
    func hadirctl(_ arguments: [String], state: String) throws -> (status: Int32?, output: [String], errors: [String]) {
        let process = try ManagedProcess(executable: Binaries.path("hadirctl"), arguments: ["--state", state] + arguments)
        let status = process.waitForExit(timeout: .seconds(60))
        return (status, process.output, process.errors)
    }

    /// `hadirctl enroll`, pressing the virtual finger each time hadirctl prints a stage prompt.
    func enrollThroughHadirctl(pin: String, finger: Int, state: String, simulator: Simulator) throws -> (Int32?, [String]) {
        let process = try ManagedProcess(executable: Binaries.path("hadirctl"), arguments: ["--state", state, "enroll", pin])
        var pressed = 0
        while true {
            let prompt = process.waitForLine(timeout: .seconds(30)) { line in
                line.contains("Tempelkan") || line.contains("Angkat") || line.contains("sudah") || line.contains("ditolak")
                    || line.contains("terdaftar") || line.contains("milik")
            }
            let prompts = process.output.filter { $0.contains("Tempelkan") }.count
            if prompts > pressed {
                pressed = prompts
                try simulator.send("tap \(finger)")
                continue
            }
            if prompt == nil || process.waitForExit(timeout: .milliseconds(300)) != nil { break }
        }
        let status = process.waitForExit(timeout: .seconds(30))
        return (status, process.output + process.errors)
    }

    @Test func enrollWithStagesRefusalPunchesCSVAndStatusThroughHadirctl() throws {
        let dir = try TemporaryDirectory("api")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let state = dir.path + "/state"
        let daemon = try DaemonUnderTest(stateDirectory: state, scannerPath: simulator.link)

        #expect(try hadirctl(["user-add", "1001", "Siti Rahma"], state: state).status == 0)
        #expect(try hadirctl(["user-add", "1002", "Budi"], state: state).status == 0)
        let (enrolled, enrollOutput) = try enrollThroughHadirctl(pin: "1001", finger: 11, state: state, simulator: simulator)
        #expect(enrolled == 0, "\(enrollOutput)")
        #expect(enrollOutput.contains { $0.contains("Tempelkan jari (1/2)") }, "\(enrollOutput)")
        #expect(enrollOutput.contains { $0.contains("Tempelkan lagi (2/2)") }, "\(enrollOutput)")

        // The same physical finger under another employee is refused, naming the owner.
        let (refused, refusal) = try enrollThroughHadirctl(pin: "1002", finger: 11, state: state, simulator: simulator)
        #expect(refused == 2, "\(refusal)")
        #expect(refusal.contains { $0.contains("Siti Rahma") }, "\(refusal)")

        try simulator.send("tap 11")
        try daemon.waitForEvent(.punch)
        try simulator.waitForLiftCheck()
        let punches = try hadirctl(["punches", "--json"], state: state)
        #expect(punches.status == 0)
        #expect(punches.output.joined().contains("\"pin\" : \"1001\""))

        var csv = try hadirctl(["punches", "--csv"], state: state)
        csv.output = csv.output.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }  // RFC 4180 lines end in CRLF
        #expect(csv.status == 0)
        #expect(csv.output.first == "seq,local_time,zone_offset_s,pin,name,classification,state,verify,clock_quality,hash")
        #expect(csv.output.count == 2)
        #expect(csv.output.last?.contains(",1001,Siti Rahma,") == true)

        let status = try hadirctl(["status", "--json"], state: state)
        #expect(status.status == 0)
        let report = try JSONDecoder().decode(StatusReport.self, from: Data(status.output.joined().utf8))
        #expect(report.scanner.connected)
        #expect(report.users == 2 && report.fingers == 1 && report.punches == 1)

        // The stream of kiosk events carries the next punch as it happens.
        let events = try ManagedProcess(executable: Binaries.path("hadirctl"), arguments: ["--state", state, "events", "--json"])
        usleep(500_000)
        try simulator.send("tap 99")
        #expect(events.waitForLine(timeout: .seconds(20)) { $0.contains("\"unknown_finger\"") } != nil)
        events.signal(SIGTERM)
        _ = events.waitForExit()

        var mode = stat()
        #expect(stat(state + "/control.sock", &mode) == 0)
        #expect(mode.st_mode & 0o777 == 0o660)
        #expect(daemon.terminate() == 0)
    }

    @Test func badRequestsGetJSONErrorsAndTheDaemonCarriesOn() throws {
        let dir = try TemporaryDirectory("api-bad")
        defer { dir.remove() }
        let state = dir.path + "/state"
        let daemon = try DaemonUnderTest(stateDirectory: state, scannerPath: dir.path + "/no-scanner", waitForScanner: false)
        let http = daemon.client.http

        func refusal(_ call: () throws(ControlClientError) -> Void) -> (Int, String)? {
            do {
                try call()
                return nil
            } catch {
                guard case .refused(let status, let message) = error else { return nil }
                return (status, message)
            }
        }
        #expect(refusal { () throws(ControlClientError) in _ = try http.send(.get, "/v1/nothing-here") }?.0 == 404)
        #expect(refusal { () throws(ControlClientError) in _ = try http.send(.post, "/v1/users", body: Array("{not json".utf8)) }?.0 == 400)
        #expect(
            refusal { () throws(ControlClientError) in _ = try http.send(.post, "/v1/users", body: Array(#"{"pin":"1"}"#.utf8)) }?.1
                == #"malformed JSON body: missing "name""#)
        #expect(refusal { () throws(ControlClientError) in try daemon.client.addUser(pin: "12 34", name: "X") }?.0 == 400)
        #expect(refusal { () throws(ControlClientError) in try daemon.client.addUser(pin: "1234", name: "") }?.0 == 400)
        #expect(refusal { () throws(ControlClientError) in try daemon.client.removeUser(pin: "4040") }?.0 == 404)
        #expect(
            refusal { () throws(ControlClientError) in _ = try http.send(.get, "/v1/punches", query: [("form", "2026-11-01")]) }?.0 == 400)
        #expect(
            refusal { () throws(ControlClientError) in _ = try http.send(.get, "/v1/punches", query: [("from", "2026-02-30")]) }?.0 == 400)
        #expect(refusal { () throws(ControlClientError) in _ = try http.send(.get, "/v1/punches", query: [("format", "xml")]) }?.0 == 400)
        #expect(refusal { () throws(ControlClientError) in _ = try daemon.client.enroll(pin: "7777") }?.0 == 404)
        #expect(refusal { () throws(ControlClientError) in _ = try daemon.client.syncNow() }?.0 == 409)
        #expect(
            refusal { () throws(ControlClientError) in _ = try http.send(.post, "/v1/users", body: Array(repeating: 0x20, count: 200_000))
            }?.0 == 413)
        // A raw non-HTTP line on the socket gets an HTTP 400, not a crash.
        var raw = try LineSocket(path: state + "/control.sock")
        try raw.write("GARBAGE \u{01}\u{02}")
        _ = raw.readLine()
        raw.close()
        #expect(try daemon.client.status().users == 0)
        #expect(daemon.terminate() == 0)
    }

    @Test func theLANListenerNeedsTheTokenAndTheSocketNeedsTheGroup() throws {
        let dir = try TemporaryDirectory("api-auth")
        defer { dir.remove() }
        let state = dir.path + "/state"
        let port = try freePort()
        let token = "t0k3n-for-the-test-0123456789"
        let daemon = try DaemonUnderTest(
            stateDirectory: state, scannerPath: dir.path + "/no-scanner",
            extraConfig: "\n[control]\nlisten = \"127.0.0.1:\(port)\"\ntoken = \"\(token)\"\n", waitForScanner: false)
        let base = "http://127.0.0.1:\(port)"

        #expect(throws: ControlClientError.refused(status: 401, message: "missing or wrong bearer token")) {
            try DaemonControlClient(endpoint: .remote(baseURL: base, token: "wrong-token-0123456789")).status()
        }
        #expect(throws: ControlClientError.refused(status: 401, message: "missing or wrong bearer token")) {
            try DaemonControlClient(endpoint: .remote(baseURL: base, token: nil)).status()
        }
        #expect(try DaemonControlClient(endpoint: .remote(baseURL: base, token: token)).status().serial == "HDRTEST0001")
        let remote = try hadirctl(["--url", base, "--token", token, "status", "--json"], state: state)
        #expect(remote.status == 0, "\(remote.errors)")

        // Root bypasses file modes, so the check runs hadirctl as nobody, outside group hadir.
        if getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            chmod(dir.path, 0o755)
            chmod(state, 0o755)
            let process = try ManagedProcess(
                executable: "/usr/bin/setpriv",
                arguments: [
                    "--reuid=65534", "--regid=65534", "--clear-groups", Binaries.path("hadirctl"), "--socket", state + "/control.sock",
                    "status",
                ])
            #expect(process.waitForExit() == 1)
            #expect(process.errors.joined().contains("Permission denied"), "\(process.errors)")
        }
        #expect(daemon.terminate() == 0)
    }
}
