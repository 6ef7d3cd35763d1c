import Foundation
import HadirHTTPClient

#if canImport(Glibc)
    import Glibc
#endif

/// hadirctl's side of the control API: HTTP through libcurl, over the daemon's unix socket or
/// to a LAN listener with a bearer token. Calls block the calling thread (a command-line tool
/// has nothing else to do meanwhile).
public struct ControlHTTPClient: Sendable {
    public enum Endpoint: Sendable, Hashable, CustomStringConvertible {
        case unixSocket(String)
        /// `http://host:port`, with the token the daemon's `[control] token` holds.
        case remote(baseURL: String, token: String?)

        public var description: String {
            switch self {
            case .unixSocket(let path): path
            case .remote(let url, _): url
            }
        }
    }

    public let endpoint: Endpoint
    /// Bound on an ordinary call; event streams and enrollment run without one.
    public var timeout: Duration = .seconds(30)

    public init(endpoint: Endpoint) {
        self.endpoint = endpoint
    }

    /// Sends one request and returns the body of a 2xx answer; an error status becomes
    /// ``ControlClientError/refused(status:message:)`` carrying the daemon's explanation.
    public func send(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: [UInt8] = []) throws(ControlClientError)
        -> [UInt8]
    {
        let response = try perform(request(method, path, query: query, body: body), timeout: timeout, onBodyChunk: nil)
        guard (200..<300).contains(response.status) else { throw Self.refusal(response.status, response.body) }
        return response.body
    }

    /// Sends `value` as JSON (POST) or nothing, and decodes the JSON answer.
    public func call<Answer: Decodable>(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], json value: (some Encodable)? = String?.none,
        as type: Answer.Type
    ) throws(ControlClientError) -> Answer {
        var body: [UInt8] = []
        if let value {
            do {
                body = Array(try JSONEncoder().encode(value))
            } catch {
                throw .badReply("cannot encode the request: \(error)")
            }
        }
        let bytes = try send(method, path, query: query, body: body)
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch {
            throw .badReply(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Follows a server-sent event stream, handing each event to `onEvent` until it returns false
    /// or the daemon ends the stream.
    public func stream(
        _ method: HTTPMethod, _ path: String, body: [UInt8] = [], onEvent: (ServerSentEvent) -> Bool
    ) throws(ControlClientError) {
        var parser = ServerSentEventParser()
        var errorBody: [UInt8] = []
        var parseFailure: ServerSentEventParser.ParseError?
        var stoppedByCaller = false
        let response = try withoutActuallyEscaping(onEvent) { onEvent throws(ControlClientError) -> HTTPResponse in
            do throws(ControlClientError) {
                return try perform(request(method, path, body: body), timeout: .seconds(Int64(Int32.max / 1000))) { status, bytes in
                    guard (200..<300).contains(status) else {
                        errorBody += bytes
                        return errorBody.count < 1 << 20
                    }
                    do throws(ServerSentEventParser.ParseError) {
                        for event in try parser.consume(bytes) where !onEvent(event) {
                            stoppedByCaller = true
                            return false
                        }
                    } catch {
                        parseFailure = error
                        return false
                    }
                    return true
                }
            } catch {
                if stoppedByCaller { return HTTPResponse(status: 200, headers: [], body: [], roundTripDuration: .zero) }
                throw error
            }
        }
        if let parseFailure { throw .badReply("event stream: \(parseFailure)") }
        guard (200..<300).contains(response.status) else { throw Self.refusal(response.status, errorBody) }
    }

    private func request(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: [UInt8]) -> HTTPRequest {
        var url = baseURL + path
        if !query.isEmpty {
            url += "?" + query.map { Self.percentEncoded($0.0) + "=" + Self.percentEncoded($0.1) }.joined(separator: "&")
        }
        var headers: [HTTPHeader] = []
        if !body.isEmpty { headers.append(HTTPHeader(name: "Content-Type", value: "application/json")) }
        if case .remote(_, let token?) = endpoint { headers.append(HTTPHeader(name: "Authorization", value: "Bearer " + token)) }
        return HTTPRequest(method: method, url: url, headers: headers, body: body)
    }

    private var baseURL: String {
        switch endpoint {
        case .unixSocket: "http://localhost"
        case .remote(let url, _): url.hasSuffix("/") ? String(url.dropLast()) : url
        }
    }

    private func perform(
        _ request: HTTPRequest, timeout: Duration, onBodyChunk: ((Int, [UInt8]) -> Bool)?
    ) throws(ControlClientError) -> HTTPResponse {
        var configuration = CurlHTTPConfiguration()
        configuration.userAgent = "hadirctl"
        configuration.connectTimeout = .seconds(5)
        configuration.totalTimeout = timeout
        configuration.maxResponseBytes = 64 << 20
        configuration.proxy = ""
        if case .unixSocket(let path) = endpoint { configuration.unixSocketPath = path }
        switch CurlHTTPTransport.performBlocking(request, configuration: configuration, onBodyChunk: onBodyChunk) {
        case .success(let response): return response
        case .failure(let error):
            if case .unixSocket(let path) = endpoint, let diagnosis = Self.diagnoseSocket(path) {
                throw .daemonUnreachable(path, diagnosis)
            }
            throw .daemonUnreachable(endpoint.description, Self.explain(error))
        }
    }

    /// Why a unix socket cannot be used, in the technician's terms: libcurl only says it could
    /// not connect. nil when the socket looks usable (the failure was something else).
    static func diagnoseSocket(_ path: String) -> String? {
        if access(path, F_OK) != 0 {
            return "no socket there (\(notRunningHint); or pass --state/--socket)"
        }
        if access(path, R_OK | W_OK) != 0 && errno == EACCES {
            return "Permission denied (\(groupHint))"
        }
        return nil
    }

    private static let notRunningHint = "is hadird running? `systemctl status hadird`"
    private static let groupHint = "add yourself to group hadir: `sudo usermod -aG hadir $USER`, then log in again"

    /// libcurl's failure, with the fix a technician needs for the usual cases.
    static func explain(_ error: HTTPError) -> String {
        let text = "\(error)"
        if text.contains("Permission denied") {
            return "\(text) (\(groupHint))"
        }
        if text.contains("No such file") || text.contains("Connection refused") || text.contains("Couldn't connect") {
            return "\(text) (\(notRunningHint))"
        }
        return text
    }

    static func refusal(_ status: Int, _ body: [UInt8]) -> ControlClientError {
        if let error = try? JSONDecoder().decode(ErrorAnswer.self, from: Data(body)) {
            return .refused(status: status, message: error.error)
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return .refused(status: status, message: "HTTP \(status)" + (text.isEmpty ? "" : ": \(text)"))
    }

    private struct ErrorAnswer: Decodable {
        var error: String
    }

    public static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
