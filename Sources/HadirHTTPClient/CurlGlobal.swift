import CCurl

/// Process-wide libcurl initialisation.
///
/// `curl_global_init` must run once before any handle is created and, in libcurl releases before
/// 7.84, was not itself thread-safe. A lazily initialised static is guaranteed by Swift to run
/// exactly once, with other threads waiting for it, which is the guarantee needed.
enum CurlGlobal {
    private static let initialization: UInt32 = hadir_curl_global_init().rawValue

    /// Initialises libcurl on first use; throws when that failed (it then fails every time).
    static func ensureInitialized() throws(HTTPError) {
        let code = initialization
        guard code == CURLE_OK.rawValue else {
            throw .other(
                code: Int32(bitPattern: code), "curl_global_init failed: " + HTTPError.curlDescription(of: CURLcode(rawValue: code)))
        }
    }
}
