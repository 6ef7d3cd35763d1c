import Foundation

extension ConfigSchema {
    /// Keys of `[kiosk]`: the door screen's listener and its result card.
    static let kioskKeys: [String: Apply] = [
        "enabled": { config, _, value throws(ConfigValueError) in config.kiosk.enabled = try value.bool() },
        "listen": { config, _, value throws(ConfigValueError) in
            let text = try value.string()
            guard !text.isEmpty else {
                config.kiosk.listen = ("127.0.0.1", 0)
                return
            }
            guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65_535).contains(port)
            else { throw .invalid("listen must be \"host:port\", e.g. \"127.0.0.1:8090\" (empty = no door screen)") }
            let host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            guard isLoopback(host) else {
                throw .invalid("listen must be a loopback address (127.0.0.1, ::1 or localhost): the door screen has no token")
            }
            config.kiosk.listen = (host, port)
        },
        "result_seconds": { config, _, value throws(ConfigValueError) in config.kiosk.resultSeconds = try value.int(in: 1...30) },
    ]

    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
