import CCurl

/// ``HTTPTransport`` over libcurl.
///
/// Each request gets its own easy handle and its own short-lived thread. `curl_easy_perform`
/// blocks for up to ``CurlHTTPConfiguration/totalTimeout``; on Swift's cooperative pool (two
/// threads on a kiosk board) that would stall the rest of the daemon, and a width-limited
/// dispatch queue would serialise concurrent uploads behind a slow server. A thread per request
/// costs little next to a TCP (and TLS) handshake per request, which ADMS requires anyway.
///
/// Cancelling the calling task aborts the transfer from libcurl's progress callback, within about
/// a second, and the call throws ``HTTPError/cancelled``.
public final class CurlHTTPTransport: HTTPTransport {
    /// The settings every request of this transport uses.
    public let configuration: CurlHTTPConfiguration

    /// Creates a transport; libcurl is initialised once per process on first use.
    public init(configuration: CurlHTTPConfiguration = CurlHTTPConfiguration()) {
        self.configuration = configuration
    }

    /// Sends `request` on a dedicated thread and suspends until it completes.
    public func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        try request.validate()
        try CurlGlobal.ensureInitialized()
        if Task.isCancelled { throw .cancelled }
        let configuration = configuration
        let cancellation = CurlCancellation()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<HTTPResponse, HTTPError>, Never>) in
                let started = TransferThread.start {
                    continuation.resume(
                        returning: CurlHTTPTransport.perform(request, configuration: configuration, cancellation: cancellation))
                }
                if !started {
                    continuation.resume(
                        returning: .failure(.other(code: Int32(CURLE_FAILED_INIT.rawValue), "could not start a transfer thread")))
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
        return try result.get()
    }

    /// Sends `request` on the calling thread, blocking it until the transfer ends: for
    /// command-line tools. With `onBodyChunk`, body bytes are handed over as they arrive (with the
    /// response status) instead of collected, so an endless event stream can be followed;
    /// returning false from it ends the transfer with ``HTTPError/cancelled``.
    public static func performBlocking(
        _ request: HTTPRequest, configuration: CurlHTTPConfiguration, onBodyChunk: ((Int, [UInt8]) -> Bool)? = nil
    ) -> Result<HTTPResponse, HTTPError> {
        do throws(HTTPError) {
            try request.validate()
            let easy = try CurlEasyRequest(configuration: configuration, cancellation: CurlCancellation(), bodySink: onBodyChunk)
            return easy.perform(request)
        } catch {
            return .failure(error)
        }
    }

    /// The blocking part, run on the transfer thread. The easy handle lives and dies here.
    private static func perform(
        _ request: HTTPRequest, configuration: CurlHTTPConfiguration, cancellation: CurlCancellation
    ) -> Result<HTTPResponse, HTTPError> {
        do throws(HTTPError) {
            let easy = try CurlEasyRequest(configuration: configuration, cancellation: cancellation)
            return easy.perform(request)
        } catch {
            return .failure(error)
        }
    }
}
