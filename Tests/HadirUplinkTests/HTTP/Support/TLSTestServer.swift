import Foundation
import HadirHTTPClient

/// A throwaway TLS server for the transport's certificate options: a self-signed P-256
/// certificate for 127.0.0.1 made with the `openssl` CLI, served by `openssl s_server -www`
/// (which answers any request with `HTTP/1.0 200 ok` and a status page, then closes).
///
/// Tests using it are skipped where no `openssl` binary is installed.
final class TLSTestServer {
    /// The openssl binary, if one is on PATH.
    static let opensslPath: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/openssl" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    let directory: URL
    let certificatePath: String
    let keyPath: String
    /// The certificate's public key as a PEM file (the file form of a pin).
    let publicKeyPath: String
    /// The certificate's public key as libcurl's `sha256//<base64>` pin.
    let pin: String
    let port: UInt16
    private let server: Process

    /// Generates the certificate and starts `s_server` on an ephemeral loopback port.
    /// - Parameter requireClientCertificate: demand a client certificate signed by this same
    ///   self-signed certificate (mutual TLS).
    init(requireClientCertificate: Bool = false) throws {
        guard let openssl = Self.opensslPath else { throw TLSTestServerError.setup("no openssl binary") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hadir-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        certificatePath = directory.appendingPathComponent("cert.pem").path
        keyPath = directory.appendingPathComponent("key.pem").path
        publicKeyPath = directory.appendingPathComponent("public.pem").path

        try Self.run(
            openssl,
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", keyPath, "-out", certificatePath,
            ])
        try Self.run(openssl, ["pkey", "-in", keyPath, "-pubout", "-out", publicKeyPath])
        let der = directory.appendingPathComponent("public.der").path
        try Self.run(openssl, ["pkey", "-in", keyPath, "-pubout", "-outform", "DER", "-out", der])
        let digest = try Self.run(openssl, ["dgst", "-sha256", "-binary", der])
        pin = "sha256//" + digest.base64EncodedString()

        var arguments = ["s_server", "-accept", "127.0.0.1:0", "-cert", certificatePath, "-key", keyPath, "-www"]
        if requireClientCertificate {
            arguments += ["-Verify", "1", "-CAfile", certificatePath]
        }
        server = Process()
        server.executableURL = URL(fileURLWithPath: openssl)
        server.arguments = arguments
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        guard let port = Self.readAcceptedPort(from: output.fileHandleForReading) else {
            kill(server.processIdentifier, SIGKILL)
            throw TLSTestServerError.setup("s_server did not report its port")
        }
        self.port = port
        // Keep draining s_server's output so it never blocks on a full pipe.
        let reader = output.fileHandleForReading
        Thread {
            while !reader.availableData.isEmpty {}
        }.start()
    }

    deinit {
        // SIGKILL, not terminate()'s SIGTERM: a process spawned from a test worker thread inherits
        // that thread's signal mask, in which SIGTERM is blocked.
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    /// `https://127.0.0.1:<port>/`.
    var url: String { "https://127.0.0.1:\(port)/" }

    /// Reads s_server's output until its `ACCEPT 127.0.0.1:<port>` line.
    private static func readAcceptedPort(from handle: FileHandle) -> UInt16? {
        var text = ""
        while true {
            let data = handle.availableData
            guard !data.isEmpty else { return nil }
            text += String(decoding: data, as: UTF8.self)
            for line in text.split(separator: "\n") where line.hasPrefix("ACCEPT ") {
                if let port = line.split(separator: ":").last.flatMap({ UInt16($0.trimmingCharacters(in: .whitespaces)) }) {
                    return port
                }
            }
        }
    }

    /// Runs openssl to completion and returns its standard output; throws on a non-zero exit.
    @discardableResult
    private static func run(_ executable: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TLSTestServerError.setup("openssl \(arguments.first ?? "") exited with \(process.terminationStatus)")
        }
        return data
    }
}

enum TLSTestServerError: Error {
    case setup(String)
}
