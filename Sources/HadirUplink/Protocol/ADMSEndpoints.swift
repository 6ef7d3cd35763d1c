/// Builds the request URLs of every ADMS endpoint (reference §0) from a configurable base URL.
///
/// The base URL is normally `http://host:port/iclock/`. Some servers put a tenant path in front
/// (`http://host/<tenant>/iclock/`) and some eSSL firmware expects `.aspx` on every endpoint
/// (`cdata.aspx`); both are options here so configuration stays a plain URL. Query values are
/// percent-encoded (RFC 3986 unreserved characters stay as they are).
public struct ADMSEndpoints: Hashable, Sendable {
    /// `scheme://authority/path/`, with the tenant applied and a trailing slash.
    public let baseURL: String
    public let serialNumber: String
    public let aspxSuffix: Bool

    /// Validates and normalises the base URL: http or https, a host, no query or fragment, no blanks.
    /// `tenantPrefix` (one or more `/`-separated segments) is inserted before the base path.
    public init(baseURL: String, serialNumber: String, tenantPrefix: String? = nil, aspxSuffix: Bool = false) throws(ADMSEndpointError) {
        let url = Array(baseURL.utf8)[...]
        guard !url.isEmpty, url.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else { throw .invalidBaseURL(ADMSBytes.excerpt(url)) }
        guard !url.contains(UInt8(ascii: "?")), !url.contains(UInt8(ascii: "#")) else { throw .invalidBaseURL(ADMSBytes.excerpt(url)) }
        let scheme: String
        if ADMSBytes.hasPrefix(url, caseInsensitive: "http://") {
            scheme = "http://"
        } else if ADMSBytes.hasPrefix(url, caseInsensitive: "https://") {
            scheme = "https://"
        } else {
            throw .unsupportedScheme(ADMSBytes.excerpt(url))
        }
        let rest = url.dropFirst(scheme.utf8.count)
        let slash = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
        let authority = rest[..<slash]
        guard Self.isValidAuthority(authority) else { throw .invalidBaseURL(ADMSBytes.excerpt(url)) }
        var path = ADMSBytes.string(rest[slash...])
        if path.isEmpty { path = "/" }
        if !path.hasSuffix("/") { path += "/" }
        if let tenantPrefix {
            let segments = tenantPrefix.split(separator: "/").map { ADMSPercentEncoding.encode(String($0)) }
            if !segments.isEmpty { path = "/" + segments.joined(separator: "/") + path }
        }
        let serial = Array(serialNumber.utf8)
        guard !serial.isEmpty, serial.count <= 64, serial.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw .invalidSerialNumber(ADMSBytes.excerpt(serial[...]))
        }
        self.baseURL = scheme + ADMSBytes.string(authority) + path
        self.serialNumber = serialNumber
        self.aspxSuffix = aspxSuffix
    }

    /// `http://host:port/iclock/` (`https` when `secure`); an IPv6 literal is bracketed.
    public static func defaultBaseURL(host: String, port: Int, secure: Bool = false) -> String {
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[" + host + "]" : host
        return (secure ? "https://" : "http://") + bracketed + ":" + String(port) + "/iclock/"
    }

    /// `GET cdata?SN=…&options=all&pushver=2.4.1&language=73&DeviceType=att&PushOptionsFlag=1`.
    public func handshake(language: ADMSLanguage = .indonesian, pushVersion: String = "2.4.1") -> String {
        url(
            "cdata",
            [
                "options=all", "pushver=" + ADMSPercentEncoding.encode(pushVersion), "language=" + String(language.rawValue),
                "DeviceType=att", "PushOptionsFlag=1",
            ])
    }

    /// `POST cdata?SN=…&table=options` (body from ``ADMSOptionsUpload``).
    public func optionsUpload() -> String { url("cdata", ["table=options"]) }

    /// `POST cdata?SN=…&table=<TABLE>&Stamp=n`.
    public func upload(table: ADMSUploadTable, stamp: Int64) -> String {
        url("cdata", ["table=" + table.rawValue, "Stamp=" + String(stamp)])
    }

    /// `GET getrequest?SN=…[&INFO=…]`. Commas in INFO stay literal (they are legal in a query and
    /// naive servers split the raw text on them); everything else is percent-encoded.
    public func getRequest(info: ADMSInfoHeartbeat? = nil) -> String {
        url("getrequest", info.map { ["INFO=" + ADMSPercentEncoding.encode($0.value, keeping: [ADMSBytes.comma])] } ?? [])
    }

    /// `POST devicecmd?SN=…` (body from ``ADMSCommandResult/body(_:)``).
    public func deviceCommand() -> String { url("devicecmd", []) }

    /// `GET ping?SN=…`: keep-alive during long uploads.
    public func ping() -> String { url("ping", []) }

    private func url(_ endpoint: String, _ parameters: [String]) -> String {
        let query = (["SN=" + ADMSPercentEncoding.encode(serialNumber)] + parameters).joined(separator: "&")
        return baseURL + endpoint + (aspxSuffix ? ".aspx" : "") + "?" + query
    }

    /// `host`, `host:port`, `[v6]`, `[v6]:port`, optionally with `user@`; port 1-65535.
    static func isValidAuthority(_ authority: ArraySlice<UInt8>) -> Bool {
        let hostPort = authority.lastIndex(of: UInt8(ascii: "@")).map { authority[($0 + 1)...] } ?? authority
        guard !hostPort.isEmpty else { return false }
        let portStart: ArraySlice<UInt8>.Index?
        if hostPort.first == UInt8(ascii: "[") {
            guard let close = hostPort.firstIndex(of: UInt8(ascii: "]")), close > hostPort.startIndex + 1 else { return false }
            let after = hostPort[(close + 1)...]
            guard after.isEmpty || after.first == ADMSBytes.colon else { return false }
            portStart = after.isEmpty ? nil : after.startIndex + 1
        } else {
            let colon = hostPort.firstIndex(of: ADMSBytes.colon)
            guard colon != hostPort.startIndex, hostPort.filter({ $0 == ADMSBytes.colon }).count <= 1 else { return false }
            portStart = colon.map { $0 + 1 }
        }
        guard let portStart else { return true }
        let port = hostPort[portStart...]
        guard port.count <= 5, port.allSatisfy({ (0x30...0x39).contains($0) }), let number = ADMSBytes.integer(port) else { return false }
        return (1...65_535).contains(number)
    }
}

/// Tables a kiosk uploads through `cdata` (reference §0).
public enum ADMSUploadTable: String, Hashable, Sendable, CaseIterable {
    case attendanceLog = "ATTLOG"
    case operationLog = "OPERLOG"
    case attendancePhoto = "ATTPHOTO"
    case biodata = "BIODATA"
}

/// The handshake's `language=` code (ZKTeco appendix 2).
public enum ADMSLanguage: Int, Hashable, Sendable, CaseIterable {
    case english = 69
    case indonesian = 73
}

/// Why endpoint configuration was refused.
public enum ADMSEndpointError: Error, Hashable, Sendable, CustomStringConvertible {
    case unsupportedScheme(String)
    case invalidBaseURL(String)
    case invalidSerialNumber(String)

    /// A readable English explanation, for configuration errors.
    public var description: String {
        switch self {
        case .unsupportedScheme(let url): "ADMS server URL \"\(url)\" must start with http:// or https://"
        case .invalidBaseURL(let url): "ADMS server URL \"\(url)\" is not a valid base URL (host, optional port and path; no query)"
        case .invalidSerialNumber(let serial): "device serial \"\(serial)\" must be 1-64 printable ASCII characters without spaces"
        }
    }
}
