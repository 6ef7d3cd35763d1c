import HadirScanner

/// What the module sends for one command: acknowledgements, then optionally a data
/// transfer (UpChar/UpImage), then optionally raw bytes (the R503's 0x55 after SoftRst).
struct ModuleResponse: Sendable {
    var acknowledgements: [EF01Acknowledgement] = []
    var data: [UInt8]?
    var trailer: [UInt8] = []

    /// A response with a single acknowledgement.
    static func ack(_ code: EF01ConfirmationCode, _ data: [UInt8] = []) -> ModuleResponse {
        ModuleResponse(acknowledgements: [EF01Acknowledgement(code, data: data)])
    }

    /// Nothing to send (yet).
    static let silence = ModuleResponse()

    var isEmpty: Bool { acknowledgements.isEmpty && data == nil && trailer.isEmpty }

    /// Short summary for logs: the codes of the acknowledgements plus transfer size.
    var summary: String {
        var parts = acknowledgements.map { ack in
            let code = "0x" + String(ack.code, radix: 16, uppercase: true).leftPadded(to: 2)
            return ack.confirmation.map { "\(code) \($0)" } ?? code
        }
        if let data { parts.append("+\(data.count) data bytes") }
        if !trailer.isEmpty { parts.append("+\(trailer.count) raw bytes") }
        return parts.isEmpty ? "no reply yet" : parts.joined(separator: ", ")
    }
}

extension String {
    /// Pads with leading zeros to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
