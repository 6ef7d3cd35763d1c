import CCurl

extension HTTPError {
    /// Classifies a failed `curl_easy_perform` (or setup call) by its `CURLcode`.
    ///
    /// - Parameters:
    ///   - curlCode: the raw `CURLcode` value (not `CURLE_OK`).
    ///   - detail: libcurl's error buffer text; when empty, `curl_easy_strerror` is used instead.
    ///   - responseLimit: the configured maximum, reported by ``responseTooLarge(_:)``.
    ///
    /// Callers check their own flags first: a write callback that refused data for being over the
    /// limit, or a progress callback that aborted for cancellation, show up here only as
    /// `CURLE_WRITE_ERROR` / `CURLE_ABORTED_BY_CALLBACK`, which say nothing about why.
    init(curlCode: UInt32, detail: String, responseLimit: Int) {
        let code = CURLcode(rawValue: curlCode)
        let text = detail.isEmpty ? Self.curlDescription(of: code) : detail
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST:
            self = .dns(text)
        case CURLE_COULDNT_RESOLVE_PROXY, CURLE_PROXY:
            self = .proxy(text)
        case CURLE_COULDNT_CONNECT, CURLE_INTERFACE_FAILED, CURLE_QUIC_CONNECT_ERROR:
            self = .connect(text)
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CIPHER, CURLE_PEER_FAILED_VERIFICATION, CURLE_USE_SSL_FAILED, CURLE_SSL_ENGINE_INITFAILED,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            self = .tls(text)
        case CURLE_OPERATION_TIMEDOUT:
            self = .timeout(text)
        // GOT_NOTHING: closed without a reply. PARTIAL_FILE: closed before Content-Length bytes
        // arrived. SEND/RECV_ERROR: reset or broken pipe.
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            self = .reset(text)
        // The request's scheme is checked before sending, so UNSUPPORTED_PROTOCOL here means the
        // server answered with something that is not HTTP/1.x ("Received HTTP/0.9 when not
        // allowed") or an unusable proxy scheme: a fault on the other side, left in `.other`.
        case CURLE_URL_MALFORMAT:
            self = .invalidRequest(text)
        // MAXFILESIZE: the server announced a Content-Length over the limit.
        case CURLE_FILESIZE_EXCEEDED:
            self = .responseTooLarge(responseLimit)
        default:
            self = .other(code: Int32(bitPattern: curlCode), text)
        }
    }

    /// libcurl's generic text for `code`, for when the error buffer stayed empty.
    static func curlDescription(of code: CURLcode) -> String {
        guard let text = curl_easy_strerror(code) else { return "libcurl error \(code.rawValue)" }
        return String(cString: text)
    }
}
