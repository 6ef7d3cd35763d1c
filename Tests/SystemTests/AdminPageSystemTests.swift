import Foundation
import HadirCore
import HadirDaemon
import HadirStore
import Testing

/// The technician page over real HTTP against hadird and the simulator: PIN login and its cookie,
/// the CSRF header, enrollment stages and a refusal through `/v1` with the cookie, and the lockout.
@Suite struct AdminPageSystemTests {
    static let pin = "482913"
    static let token = "t0k3n-for-the-admin-test-0123"

    func start(_ dir: TemporaryDirectory, simulator: Simulator, lockoutSeconds: Int) throws -> (DaemonUnderTest, PlainHTTP) {
        let port = try freePort()
        let hash = try AdminPINHash(hashing: Self.pin)
        let config = """

            [control]
            listen = "127.0.0.1:\(port)"
            token = "\(Self.token)"

            [admin]
            pin_hash = "\(hash)"
            max_failed_attempts = 3
            lockout_s = \(lockoutSeconds)

            """
        let daemon = try DaemonUnderTest(stateDirectory: dir.path + "/state", scannerPath: simulator.link, extraConfig: config)
        return (daemon, PlainHTTP(port: port))
    }

    func login(_ http: PlainHTTP, pin: String) throws -> PlainHTTP.Reply {
        try http.send("POST", "/admin/login", headers: ["X-Hadir-Admin": "1"], body: #"{"pin":"\#(pin)"}"#)
    }

    /// Enrolls through `/v1/enroll` with the cookie, tapping the virtual finger at each prompt.
    func enroll(_ http: PlainHTTP, cookie: String, pin: String, finger: Int, simulator: Simulator) throws -> (
        stages: [String], result: String
    ) {
        var stages: [String] = []
        var result = ""
        try http.stream(
            "POST", "/v1/enroll", headers: ["Cookie": cookie, "X-Hadir-Admin": "1"], body: #"{"pin":"\#(pin)"}"#
        ) { event, data in
            if event == "stage" {
                stages.append(data)
                if data.contains("place_finger") || data.contains("retry_press") { _ = try simulator.send("tap \(finger)") }
            } else {
                result = data
            }
        }
        return (stages, result)
    }

    @Test func loginCookieCSRFEnrollRefusalAndAudit() throws {
        let dir = try TemporaryDirectory("admin")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let (daemon, http) = try start(dir, simulator: simulator, lockoutSeconds: 300)

        let page = try http.send("GET", "/admin")
        #expect(page.status == 200)
        #expect(page.body.contains("Sinkronkan sekarang"))
        #expect(try http.send("GET", "/v1/status").status == 401)
        #expect(try http.send("POST", "/admin/login", body: #"{"pin":"\#(Self.pin)"}"#).status == 403)

        let loggedIn = try login(http, pin: Self.pin)
        #expect(loggedIn.status == 200, "\(loggedIn.body)")
        let setCookie = try #require(loggedIn.headers["set-cookie"])
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
        let cookie = String(setCookie.split(separator: ";")[0])

        #expect(try http.send("GET", "/v1/status", headers: ["Cookie": cookie]).status == 200)
        // The page's health tab: hadirctl doctor's checks, run by the daemon.
        let doctor = try http.send("GET", "/v1/doctor", headers: ["Cookie": cookie])
        #expect(doctor.status == 200, "\(doctor.body)")
        for subject in ["\"daemon\"", "\"scanner\"", "\"database\"", "\"disk\"", "\"clock\"", "\"port 4370\""] {
            #expect(doctor.body.contains(subject), "\(subject) missing from \(doctor.body)")
        }
        let withoutHeader = try http.send("POST", "/v1/users", headers: ["Cookie": cookie], body: #"{"pin":"1001","name":"Siti Rahma"}"#)
        #expect(withoutHeader.status == 403, "\(withoutHeader.body)")
        for (pin, name) in [("1001", "Siti Rahma"), ("1002", "Budi")] {
            let added = try http.send(
                "POST", "/v1/users", headers: ["Cookie": cookie, "X-Hadir-Admin": "1"], body: #"{"pin":"\#(pin)","name":"\#(name)"}"#)
            #expect(added.status == 200, "\(added.body)")
        }

        let first = try enroll(http, cookie: cookie, pin: "1001", finger: 11, simulator: simulator)
        #expect(first.stages.contains { $0.contains("place_finger_1_of_2") }, "\(first.stages)")
        #expect(first.stages.contains { $0.contains("place_finger_2_of_2") }, "\(first.stages)")
        #expect(first.result.contains(#""status":"enrolled""#), "\(first.result)")

        // The same physical finger for another employee: refused, naming the owner.
        let second = try enroll(http, cookie: cookie, pin: "1002", finger: 11, simulator: simulator)
        #expect(second.result.contains(#""status":"refused""#), "\(second.result)")
        #expect(second.result.contains(#""owner_pin":"1001""#), "\(second.result)")
        #expect(second.result.contains(#""owner_name":"Siti Rahma""#), "\(second.result)")

        let logout = try http.send("POST", "/admin/logout", headers: ["Cookie": cookie, "X-Hadir-Admin": "1"])
        #expect(logout.status == 200)
        #expect(try http.send("GET", "/v1/status", headers: ["Cookie": cookie]).status == 401)
        #expect(daemon.terminate() == 0)

        let audit = try HadirDatabase.open(path: dir.path + "/state/hadir.sqlite", readOnly: true).auditLog(limit: 50).map(
            \.action.rawValue)
        #expect(audit.contains("admin-login"), "\(audit)")
        #expect(audit.contains("admin-logout"), "\(audit)")
        #expect(audit.contains("enroll-refused"), "\(audit)")
    }

    @Test func wrongPINsLockTheLoginOutUntilTheLockoutEnds() throws {
        let dir = try TemporaryDirectory("admin-lockout")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path)
        defer { simulator.stop() }
        let lockout = 4
        let (daemon, http) = try start(dir, simulator: simulator, lockoutSeconds: lockout)

        for remaining in [2, 1] {
            let wrong = try login(http, pin: "000000")
            #expect(wrong.status == 401)
            #expect(wrong.body.contains(#""remaining_attempts":\#(remaining)"#), "\(wrong.body)")
        }
        let locked = try login(http, pin: "000000")
        #expect(locked.status == 429, "\(locked.body)")
        #expect(locked.headers["retry-after"] != nil)
        // The right PIN does not open a locked door.
        let refused = try login(http, pin: Self.pin)
        #expect(refused.status == 429, "\(refused.body)")
        #expect(refused.body.contains("retry_after_s"))

        Thread.sleep(forTimeInterval: Double(lockout) + 1)
        let opened = try login(http, pin: Self.pin)
        #expect(opened.status == 200, "\(opened.body)")
        #expect(daemon.terminate() == 0)

        let audit = try HadirDatabase.open(path: dir.path + "/state/hadir.sqlite", readOnly: true).auditLog(limit: 50).map(
            \.action.rawValue)
        #expect(audit.filter { $0 == "admin-login-failed" }.count == 3, "\(audit)")
        #expect(audit.contains("admin-lockout"), "\(audit)")
        #expect(audit.contains("admin-login"), "\(audit)")
        #expect(!daemon.process.errors.joined().contains(Self.pin))
        #expect(!daemon.process.output.joined().contains(Self.pin))
    }
}
