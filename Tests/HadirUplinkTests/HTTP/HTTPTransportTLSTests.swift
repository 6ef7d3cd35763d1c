import HadirHTTPClient
import HadirUplink
import Testing

/// Certificate options, against a throwaway `openssl s_server` where openssl is installed, and
/// TLS failures against the plain loopback server everywhere.
@Suite struct HTTPTransportTLSTests {
    @Test(.enabled(if: TLSTestServer.opensslPath != nil))
    func httpsWithTheServerCertificateAsCAFileSucceeds() async throws {
        let server = try TLSTestServer()
        let transport = CurlHTTPTransport(configuration: loopbackConfiguration { $0.caFile = server.certificatePath })

        let response = try await transport.send(.get(server.url))

        #expect(response.status == 200)
    }

    @Test(.enabled(if: TLSTestServer.opensslPath != nil))
    func untrustedSelfSignedCertificateIsATLSError() async throws {
        let server = try TLSTestServer()
        let transport = CurlHTTPTransport(configuration: loopbackConfiguration())

        #expect(await failure(of: .get(server.url), through: transport)?.kind == .tls)
    }

    @Test(.enabled(if: TLSTestServer.opensslPath != nil))
    func matchingPinnedKeySucceedsAsHashOrAsFile() async throws {
        let server = try TLSTestServer()
        for pin in [server.pin, server.publicKeyPath] {
            let transport = CurlHTTPTransport(
                configuration: loopbackConfiguration {
                    $0.caFile = server.certificatePath
                    $0.pinnedPublicKey = pin
                })

            let response = try await transport.send(.get(server.url))

            #expect(response.status == 200, "pin \(pin)")
        }
    }

    @Test(.enabled(if: TLSTestServer.opensslPath != nil))
    func wrongPinnedKeyIsATLSErrorEvenForATrustedCertificate() async throws {
        let server = try TLSTestServer()
        let transport = CurlHTTPTransport(
            configuration: loopbackConfiguration {
                $0.caFile = server.certificatePath
                $0.pinnedPublicKey = "sha256//" + String(repeating: "A", count: 43) + "="
            })

        #expect(await failure(of: .get(server.url), through: transport)?.kind == .tls)
    }

    @Test(.enabled(if: TLSTestServer.opensslPath != nil))
    func disablingPeerVerificationAcceptsAnUntrustedCertificate() async throws {
        let server = try TLSTestServer()
        let transport = CurlHTTPTransport(configuration: loopbackConfiguration { $0.verifyPeer = false })

        let response = try await transport.send(.get(server.url))

        #expect(response.status == 200)
    }

    @Test(.enabled(if: TLSTestServer.opensslPath != nil))
    func clientCertificateIsPresentedForMutualTLS() async throws {
        let server = try TLSTestServer(requireClientCertificate: true)
        let transport = CurlHTTPTransport(
            configuration: loopbackConfiguration {
                $0.caFile = server.certificatePath
                $0.clientCertificate = server.certificatePath
                $0.clientKey = server.keyPath
            })

        let response = try await transport.send(.get(server.url))

        #expect(response.status == 200)
    }

    @Test func httpsToAPlainHTTPServerIsATLSError() async throws {
        let server = try LoopbackHTTPServer { _ in .response(status: 400, body: "not TLS".bytes) }
        let transport = CurlHTTPTransport(configuration: loopbackConfiguration())

        let error = await failure(of: .get("https://127.0.0.1:\(server.port)/"), through: transport)

        #expect(error?.kind == .tls)
    }

    @Test func missingCAFileIsATLSError() async throws {
        let server = try LoopbackHTTPServer { _ in .closeWithoutReply }
        let transport = CurlHTTPTransport(configuration: loopbackConfiguration { $0.caFile = "/nonexistent/hadir-ca.pem" })

        #expect(await failure(of: .get("https://127.0.0.1:\(server.port)/"), through: transport)?.kind == .tls)
    }

    @Test func missingClientCertificateFileIsATLSError() async throws {
        let server = try LoopbackHTTPServer { _ in .closeWithoutReply }
        let transport = CurlHTTPTransport(configuration: loopbackConfiguration { $0.clientCertificate = "/nonexistent/hadir-client.pem" })

        #expect(await failure(of: .get("https://127.0.0.1:\(server.port)/"), through: transport)?.kind == .tls)
    }
}
