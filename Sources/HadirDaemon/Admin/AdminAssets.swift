import Hummingbird

/// The page's files, compiled into the binary (SwiftPM `embedInCode`), so the static hadird
/// needs no resource bundle beside it.
enum AdminAssets {
    static func response(_ bytes: [UInt8], contentType: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: contentType, .cacheControl: "no-cache",
                // No framing by other sites (clickjacking), no scripts but our own.
                .init("X-Frame-Options")!: "DENY",
                .contentSecurityPolicy: "default-src 'self'; frame-ancestors 'none'",
                .init("X-Content-Type-Options")!: "nosniff",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static var page: Response { response(PackageResources.admin_html, contentType: "text/html; charset=utf-8") }
    static var script: Response { response(PackageResources.admin_js, contentType: "text/javascript; charset=utf-8") }
    static var styles: Response { response(PackageResources.admin_css, contentType: "text/css; charset=utf-8") }
}
