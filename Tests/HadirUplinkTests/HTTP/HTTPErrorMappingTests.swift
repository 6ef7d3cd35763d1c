import Testing

@testable import HadirHTTPClient

/// CURLcode classification, table-driven (codes as in curl.h, names in the comments).
@Suite struct HTTPErrorMappingTests {
    @Test(arguments: [
        (UInt32(6), HTTPErrorKind.dns),  // COULDNT_RESOLVE_HOST
        (5, .proxy),  // COULDNT_RESOLVE_PROXY
        (97, .proxy),  // PROXY
        (7, .connect),  // COULDNT_CONNECT
        (45, .connect),  // INTERFACE_FAILED
        (35, .tls),  // SSL_CONNECT_ERROR
        (58, .tls),  // SSL_CERTPROBLEM
        (60, .tls),  // PEER_FAILED_VERIFICATION
        (77, .tls),  // SSL_CACERT_BADFILE
        (90, .tls),  // SSL_PINNEDPUBKEYNOTMATCH
        (98, .tls),  // SSL_CLIENTCERT
        (28, .timeout),  // OPERATION_TIMEDOUT
        (18, .reset),  // PARTIAL_FILE
        (52, .reset),  // GOT_NOTHING
        (55, .reset),  // SEND_ERROR
        (56, .reset),  // RECV_ERROR
        (3, .invalidRequest),  // URL_MALFORMAT
        (63, .responseTooLarge),  // FILESIZE_EXCEEDED
        (1, .other),  // UNSUPPORTED_PROTOCOL: HTTP/0.9 reply, the scheme is checked earlier
        (8, .other),  // WEIRD_SERVER_REPLY
        (23, .other),  // WRITE_ERROR, when not caused by the size limit
        (42, .other),  // ABORTED_BY_CALLBACK, when not caused by cancellation
    ])
    func curlCodeMapsToItsErrorKind(code: UInt32, kind: HTTPErrorKind) {
        #expect(HTTPError(curlCode: code, detail: "detail", responseLimit: 10).kind == kind)
    }

    @Test func errorBufferTextIsKept() {
        let error = HTTPError(curlCode: 6, detail: "Could not resolve host: kantor.example", responseLimit: 10)

        #expect(error == .dns("Could not resolve host: kantor.example"))
        #expect(error.description == "DNS lookup failed: Could not resolve host: kantor.example")
    }

    @Test func emptyErrorBufferFallsBackToCurlsDescriptionOfTheCode() {
        #expect(HTTPError(curlCode: 28, detail: "", responseLimit: 10) == .timeout("Timeout was reached"))
    }

    @Test func unclassifiedCodeKeepsTheCodeNumber() {
        #expect(HTTPError(curlCode: 27, detail: "no memory", responseLimit: 10) == .other(code: 27, "no memory"))
    }

    @Test func announcedSizeOverTheLimitReportsTheLimit() {
        #expect(HTTPError(curlCode: 63, detail: "", responseLimit: 4096) == .responseTooLarge(4096))
    }

    @Test(arguments: [
        (Duration.zero, 1),
        (.nanoseconds(1), 1),
        (.microseconds(1500), 2),
        (.seconds(10), 10_000),
        (.seconds(-5), 1),
        (.seconds(100_000_000), Int(Int32.max)),
    ])
    func timeoutIsWholeMillisecondsNeverZero(duration: Duration, milliseconds: Int) {
        #expect(CurlEasyRequest.milliseconds(duration) == milliseconds)
    }
}
