/// One server-sent event (`text/event-stream`): how the control API streams enrollment stages
/// and kiosk events. `data` may hold several lines; each is sent as its own `data:` field.
public struct ServerSentEvent: Sendable, Hashable {
    public var event: String?
    public var data: String

    public init(event: String? = nil, data: String) {
        self.event = event
        self.data = data
    }

    /// The wire form, ending with the blank line that dispatches the event. CR and CRLF in `data`
    /// count as line breaks, so no payload can forge a field of its own.
    public var encoded: [UInt8] {
        var text = ""
        if let event { text += "event: " + event.filter { $0 != "\n" && $0 != "\r" } + "\n" }
        let lines = data.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines { text += "data: " + line + "\n" }
        text += "\n"
        return Array(text.utf8)
    }

    /// A comment line: keeps idle streams alive through proxies and lets the server notice a
    /// client that has gone.
    public static let keepAlive: [UInt8] = Array(": keep-alive\n\n".utf8)
}

extension String {
    fileprivate func replacingCRLF() -> String {
        var result = ""
        var previousWasCR = false
        for character in unicodeScalars {
            switch character {
            case "\r":
                result.unicodeScalars.append("\n")
                previousWasCR = true
            case "\n":
                if !previousWasCR { result.unicodeScalars.append("\n") }
                previousWasCR = false
            default:
                result.unicodeScalars.append(character)
                previousWasCR = false
            }
        }
        return result
    }
}
