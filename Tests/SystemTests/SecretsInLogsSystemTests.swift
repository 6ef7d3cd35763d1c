import Foundation
import HadirCore
import HadirDaemon
import HadirStore
import Testing

/// Logs end up in journald, support tickets and screenshots: at the most verbose level, through
/// an enrollment, a punch, control API calls and a restart, hadird must never print a fingerprint
/// template, the scanner password, the pull comm key, the control token, the admin PIN (right or
/// wrong), its hash or an admin session cookie. Templates are sealed
/// at rest and survive a key rotation.
@Suite struct SecretsInLogsSystemTests {
    static let token = "T0kEn-7f3a9c51e2b84d06"
    static let scannerPassword: UInt32 = 0x5A17_C3E9
    static let commKey: UInt32 = 73_915_264
    static let adminPIN = "86420975"
    static let wrongAdminPIN = "57913024"

    @Test func traceLogsCarryNoTemplatePasswordOrToken() throws {
        let dir = try TemporaryDirectory("secrets")
        defer { dir.remove() }
        let simulator = try Simulator(directory: dir.path, extraArguments: ["--password", String(Self.scannerPassword)])
        defer { simulator.stop() }
        let state = dir.path + "/state"
        let port = try freePort()
        let adminHash = try AdminPINHash(hashing: Self.adminPIN)
        let config = """

            [control]
            listen = "127.0.0.1:\(port)"
            token = "\(Self.token)"

            [output]
            log_level = "trace"

            [pull]
            host = "127.0.0.1"
            port = 0
            comm_key = \(Self.commKey)

            [admin]
            pin_hash = "\(adminHash)"

            """
        var daemon: DaemonUnderTest? = try DaemonUnderTest(
            stateDirectory: state, scannerPath: simulator.link, extraConfig: config,
            environment: ["HADIR_SCANNER_PASSWORD": String(Self.scannerPassword)])
        var logs: [String] = []
        var sessionCookie = ""
        if let running = daemon {
            _ = try running.enroll(pin: "1001", name: "Siti", finger: 11, simulator: simulator)
            try simulator.send("tap 11")
            try running.waitForEvent(.punch)
            _ = try running.client.status()
            let http = PlainHTTP(port: port)
            _ = try http.send("POST", "/admin/login", headers: ["X-Hadir-Admin": "1"], body: #"{"pin":"\#(Self.wrongAdminPIN)"}"#)
            let login = try http.send("POST", "/admin/login", headers: ["X-Hadir-Admin": "1"], body: #"{"pin":"\#(Self.adminPIN)"}"#)
            #expect(login.status == 200)
            sessionCookie = String(login.headers["set-cookie"]?.split(separator: ";").first?.split(separator: "=").last ?? "")
            #expect(sessionCookie.count == 64)
            #expect(try http.send("GET", "/v1/status", headers: ["Cookie": "hadir_admin=\(sessionCookie)"]).status == 200)
            // Rotation re-seals the stored template with a new key and drops the old one.
            let rotation = try running.client.rotateTemplateKey()
            #expect(rotation.activeKey == 2 && rotation.resealed == 1 && rotation.unreadable.isEmpty)
            #expect(running.terminate() == 0)
            logs = running.process.errors + running.process.output
        }
        daemon = nil

        // The template as the daemon stored it, opened with the kiosk's own key.
        let database = try HadirDatabase.open(path: state + "/hadir.sqlite", readOnly: true)
        defer { try? database.close() }
        database.useTemplateKeyring(try TemplateKeyFile.loadOrCreate(path: state + "/template.keys"))
        let template = try #require(try database.template(pin: try EmployeePIN("1001")))
        #expect(template.count >= 64)
        #expect(try TemplateKeyFile.loadOrCreate(path: state + "/template.keys").keys.keys.sorted() == [2])
        let needles = [
            Self.token, String(Self.scannerPassword), String(Self.scannerPassword, radix: 16), String(Self.commKey),
            Data(template).base64EncodedString().prefix(24).description, template.prefix(16).map { String(format: "%02x", $0) }.joined(),
            template.prefix(12).map(String.init).joined(separator: ", "), Self.adminPIN, Self.wrongAdminPIN,
            Data(adminHash.hash).base64EncodedString(), sessionCookie,
        ]
        #expect(logs.count > 20, "trace logging produced too little to judge: \(logs)")
        for needle in needles {
            let leaks = logs.filter { $0.lowercased().contains(needle.lowercased()) }
            #expect(leaks.isEmpty, "\(needle.prefix(6))… appears in the logs: \(leaks.prefix(2).map { String($0.prefix(300)) })")
        }
    }
}
