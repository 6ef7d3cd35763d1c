import CCurl

/// One libcurl easy handle carrying one request, driven by the thread that calls ``perform(_:)``.
///
/// Deliberately not Sendable: the handle and the buffers its callbacks fill belong to a single
/// transfer thread, so no handle is ever used by two threads. A fresh handle per request also
/// means no connection, DNS or TLS session state carries over between requests.
final class CurlEasyRequest {
    private let handle: UnsafeMutableRawPointer
    private let configuration: CurlHTTPConfiguration
    private let cancellation: CurlCancellation
    /// CURLOPT_ERRORBUFFER: libcurl writes its detailed message here; it must outlive perform.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: UnsafeMutablePointer<curl_slist>?

    private var body: [UInt8] = []
    private var headerCollector = ResponseHeaderCollector()
    private var headerBytes = 0
    private var exceededLimit = false
    /// When set, body bytes go here as they arrive (server-sent events) instead of into `body`;
    /// it gets the response status and returns false to stop the transfer.
    private let bodySink: ((Int, [UInt8]) -> Bool)?
    private var sinkStopped = false

    /// Creates the handle; throws when libcurl cannot be initialised.
    init(
        configuration: CurlHTTPConfiguration, cancellation: CurlCancellation, bodySink: ((Int, [UInt8]) -> Bool)? = nil
    ) throws(HTTPError) {
        try CurlGlobal.ensureInitialized()
        guard let handle = curl_easy_init() else {
            throw .other(code: Int32(CURLE_FAILED_INIT.rawValue), "curl_easy_init returned no handle")
        }
        self.handle = handle
        self.configuration = configuration
        self.cancellation = cancellation
        self.bodySink = bodySink
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Sends `request` and waits for the complete response. Blocks the calling thread.
    func perform(_ request: HTTPRequest) -> Result<HTTPResponse, HTTPError> {
        do throws(HTTPError) {
            return .success(try performThrowing(request))
        } catch {
            return .failure(error)
        }
    }

    private func performThrowing(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        try configureConnection(url: request.url)
        try configureTLS()
        try configureHeaders(for: request)
        try configureCallbacks()

        let clock = ContinuousClock()
        let start = clock.now
        let code = transfer(request)
        let roundTrip = clock.now - start

        guard code == CURLE_OK else { throw failure(code) }
        var status = 0
        try check(hadir_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status), "CURLINFO_RESPONSE_CODE")
        return HTTPResponse(status: status, headers: headerCollector.headers, body: body, roundTripDuration: roundTrip)
    }

    /// Runs curl_easy_perform with the POST body pinned in memory for the whole transfer
    /// (CURLOPT_POSTFIELDS is not copied).
    private func transfer(_ request: HTTPRequest) -> CURLcode {
        switch request.method {
        case .get:
            let code = hadir_curl_setopt_long(handle, CURLOPT_HTTPGET, 1)
            return code == CURLE_OK ? curl_easy_perform(handle) : code
        case .delete:
            var code = hadir_curl_setopt_long(handle, CURLOPT_HTTPGET, 1)
            if code == CURLE_OK { code = hadir_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, "DELETE") }
            return code == CURLE_OK ? curl_easy_perform(handle) : code
        case .post:
            // An explicit size makes libcurl send Content-Length (never chunked) and lets the body
            // hold any bytes; an empty body still needs a valid pointer, or libcurl would read stdin.
            let payload: [UInt8] = request.body.isEmpty ? [0] : request.body
            return payload.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return CURLE_FAILED_INIT }
                var code = hadir_curl_setopt_long(handle, CURLOPT_POST, 1)
                if code == CURLE_OK {
                    code = hadir_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
                }
                if code == CURLE_OK {
                    code = hadir_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: base))
                }
                return code == CURLE_OK ? curl_easy_perform(handle) : code
            }
        }
    }

    private func failure(_ code: CURLcode) -> HTTPError {
        if exceededLimit {
            return .responseTooLarge(configuration.maxResponseBytes)
        }
        if code == CURLE_ABORTED_BY_CALLBACK && cancellation.isCancelled {
            return .cancelled
        }
        if code == CURLE_WRITE_ERROR && sinkStopped {
            return .cancelled
        }
        return HTTPError(curlCode: code.rawValue, detail: String(cString: errorBuffer), responseLimit: configuration.maxResponseBytes)
    }

    // MARK: - Options

    private func configureConnection(url: String) throws(HTTPError) {
        try check(hadir_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
        // Timeouts would otherwise use SIGALRM, which is unsafe with several threads.
        try setLong(CURLOPT_NOSIGNAL, 1, "CURLOPT_NOSIGNAL")
        try check(hadir_curl_restrict_to_http(handle), "CURLOPT_PROTOCOLS_STR")
        try setString(CURLOPT_URL, url, "CURLOPT_URL")
        if let socket = configuration.unixSocketPath {
            try setString(CURLOPT_UNIX_SOCKET_PATH, socket, "CURLOPT_UNIX_SOCKET_PATH")
        }
        // ADMS is HTTP/1.1 (no HTTP/2 via ALPN); a 3xx is reported, never followed.
        try setLong(CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1, "CURLOPT_HTTP_VERSION")
        try setLong(CURLOPT_FOLLOWLOCATION, 0, "CURLOPT_FOLLOWLOCATION")
        try setLong(CURLOPT_FORBID_REUSE, 1, "CURLOPT_FORBID_REUSE")
        try setLong(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(configuration.connectTimeout), "CURLOPT_CONNECTTIMEOUT_MS")
        try setLong(CURLOPT_TIMEOUT_MS, Self.milliseconds(configuration.totalTimeout), "CURLOPT_TIMEOUT_MS")
        try check(
            hadir_curl_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maxResponseBytes)),
            "CURLOPT_MAXFILESIZE_LARGE")
        if let proxy = configuration.proxy {
            try setString(CURLOPT_PROXY, proxy, "CURLOPT_PROXY")
        }
        // Keep a proxy tunnel's "200 Connection established" out of the header callback.
        try setLong(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1, "CURLOPT_SUPPRESS_CONNECT_HEADERS")
    }

    private func configureTLS() throws(HTTPError) {
        try setLong(CURLOPT_SSL_VERIFYPEER, configuration.verifyPeer ? 1 : 0, "CURLOPT_SSL_VERIFYPEER")
        try setLong(CURLOPT_SSL_VERIFYHOST, configuration.verifyPeer ? 2 : 0, "CURLOPT_SSL_VERIFYHOST")
        if let caFile = configuration.caFile {
            try setString(CURLOPT_CAINFO, caFile, "CURLOPT_CAINFO")
        }
        if let certificate = configuration.clientCertificate {
            try setString(CURLOPT_SSLCERT, certificate, "CURLOPT_SSLCERT")
        }
        if let key = configuration.clientKey {
            try setString(CURLOPT_SSLKEY, key, "CURLOPT_SSLKEY")
        }
        if let pin = configuration.pinnedPublicKey {
            try setString(CURLOPT_PINNEDPUBLICKEY, pin, "CURLOPT_PINNEDPUBLICKEY")
        }
    }

    private func configureHeaders(for request: HTTPRequest) throws(HTTPError) {
        var lines = ["Connection: close"]
        if !request.headers.contains(where: { $0.hasName("Accept") }) {
            lines.append("Accept: */*")
        }
        // An empty "Name:" removes a header libcurl would add: Expect: 100-continue on larger POST
        // bodies, and a Content-Type of form data that ADMS bodies are not.
        lines.append("Expect:")
        if request.method == .post && !request.headers.contains(where: { $0.hasName("Content-Type") }) {
            lines.append("Content-Type:")
        }
        if !request.headers.contains(where: { $0.hasName("User-Agent") }) {
            try setString(CURLOPT_USERAGENT, configuration.userAgent, "CURLOPT_USERAGENT")
        }
        for header in request.headers {
            // "Name;" is libcurl's spelling for a header sent with an empty value.
            lines.append(header.value.isEmpty ? header.name + ";" : header.name + ": " + header.value)
        }
        for line in lines {
            guard let appended = curl_slist_append(headerList, line) else {
                throw .other(code: Int32(CURLE_OUT_OF_MEMORY.rawValue), "curl_slist_append failed")
            }
            headerList = appended
        }
        try check(hadir_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), "CURLOPT_HTTPHEADER")
    }

    private func configureCallbacks() throws(HTTPError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        try check(
            hadir_curl_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
                guard let context else { return 0 }
                return Unmanaged<CurlEasyRequest>.fromOpaque(context).takeUnretainedValue().receiveBody(data, size, count)
            }, "CURLOPT_WRITEFUNCTION")
        try check(hadir_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context), "CURLOPT_WRITEDATA")
        try check(
            hadir_curl_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
                guard let context else { return 0 }
                return Unmanaged<CurlEasyRequest>.fromOpaque(context).takeUnretainedValue().receiveHeaderLine(data, size, count)
            }, "CURLOPT_HEADERFUNCTION")
        try check(hadir_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context), "CURLOPT_HEADERDATA")
        // libcurl calls the progress function about once a second even while idle, so a
        // cancelled task stops the transfer within about a second.
        try check(
            hadir_curl_setopt_progress_callback(handle, CURLOPT_XFERINFOFUNCTION) { context, _, _, _, _ in
                guard let context else { return 0 }
                return Unmanaged<CurlEasyRequest>.fromOpaque(context).takeUnretainedValue().cancellation.isCancelled ? 1 : 0
            }, "CURLOPT_XFERINFOFUNCTION")
        try check(hadir_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context), "CURLOPT_XFERINFODATA")
        try setLong(CURLOPT_NOPROGRESS, 0, "CURLOPT_NOPROGRESS")
    }

    // MARK: - Callbacks

    /// Appends body bytes; returning less than offered makes libcurl fail with CURLE_WRITE_ERROR.
    private func receiveBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int) -> Int {
        let (length, overflow) = size.multipliedReportingOverflow(by: count)
        guard !overflow, let data else { return 0 }
        if let bodySink {
            var status = 0
            _ = hadir_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
            guard bodySink(status, Array(UnsafeRawBufferPointer(start: data, count: length))) else {
                sinkStopped = true
                return 0
            }
            return length
        }
        guard body.count <= configuration.maxResponseBytes - length else {
            exceededLimit = true
            return 0
        }
        body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
        return length
    }

    /// Collects one header line, capping the total so a server cannot stream headers forever.
    private func receiveHeaderLine(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int) -> Int {
        let (length, overflow) = size.multipliedReportingOverflow(by: count)
        guard !overflow, let data else { return 0 }
        headerBytes += length
        guard headerBytes <= configuration.maxResponseBytes else {
            exceededLimit = true
            return 0
        }
        headerCollector.consume(UnsafeRawBufferPointer(start: data, count: length))
        return length
    }

    // MARK: - Helpers

    private func setLong(_ option: CURLoption, _ value: Int, _ name: String) throws(HTTPError) {
        try check(hadir_curl_setopt_long(handle, option, value), name)
    }

    private func setString(_ option: CURLoption, _ value: String, _ name: String) throws(HTTPError) {
        try check(hadir_curl_setopt_string(handle, option, value), name)
    }

    private func check(_ code: CURLcode, _ name: String) throws(HTTPError) {
        guard code != CURLE_OK else { return }
        throw .other(code: Int32(bitPattern: code.rawValue), "libcurl refused \(name): \(HTTPError.curlDescription(of: code))")
    }

    /// A timeout in whole milliseconds, rounded up, between 1 (libcurl reads 0 as "no timeout")
    /// and about 24 days (so libcurl's own time arithmetic cannot overflow).
    static func milliseconds(_ duration: Duration) -> Int {
        let ceiling = Int(Int32.max)
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return 1 }
        guard seconds < Int64(ceiling / 1000) else { return ceiling }
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return max(1, Int(seconds) * 1000 + Int(fraction))
    }
}
