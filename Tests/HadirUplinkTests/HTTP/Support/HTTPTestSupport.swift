import HadirHTTPClient
import HadirUplink

/// Transport settings for loopback tests: never through a proxy from the environment (the test
/// traffic must stay on 127.0.0.1), and timeouts that only bound failures.
func loopbackConfiguration(_ adjust: (inout CurlHTTPConfiguration) -> Void = { _ in }) -> CurlHTTPConfiguration {
    var configuration = CurlHTTPConfiguration()
    configuration.proxy = ""
    configuration.connectTimeout = .seconds(10)
    configuration.totalTimeout = .seconds(30)
    adjust(&configuration)
    return configuration
}

/// Sends `request` and returns the error it failed with, or nil if a response arrived.
func failure(of request: HTTPRequest, through transport: some HTTPTransport) async -> HTTPError? {
    do throws(HTTPError) {
        _ = try await transport.send(request)
        return nil
    } catch {
        return error
    }
}

/// The case of an ``HTTPError`` without its message, for comparing in expectations.
enum HTTPErrorKind: Hashable, Sendable {
    case dns, connect, tls, timeout, reset, proxy, invalidRequest, responseTooLarge, cancelled, other
}

extension HTTPError {
    var kind: HTTPErrorKind {
        switch self {
        case .dns: .dns
        case .connect: .connect
        case .tls: .tls
        case .timeout: .timeout
        case .reset: .reset
        case .proxy: .proxy
        case .invalidRequest: .invalidRequest
        case .responseTooLarge: .responseTooLarge
        case .cancelled: .cancelled
        case .other: .other
        }
    }
}

extension String {
    /// The UTF-8 bytes, for request and response bodies.
    var bytes: [UInt8] { Array(utf8) }
}
