import HadirScanner

/// One-line summaries of EFAA traffic for `--log-commands`: each command the host sends and
/// each REPLY or NOTE the module sends back. FACE_STATE notes are left out: one every 200 ms
/// while a job runs would drown everything else.
struct FaceTrafficLog {
    private var hostFrames = EFAAFrameDecoder(maximumDataLength: 256)
    private var moduleFrames = EFAAFrameDecoder()

    /// Summaries of the host's commands in `bytes` (frames may span calls).
    mutating func host(_ bytes: [UInt8]) -> [String] {
        hostFrames.feed(bytes)
        return Self.drain(&hostFrames) { frame in
            let name = EFAACommandID(rawValue: frame.messageID).map { "\($0)" } ?? "command \(hexByte(frame.messageID))"
            return "host -> \(name) \(frame.data.count) data bytes"
        }
    }

    /// Summaries of the module's replies and notes in `bytes`.
    mutating func module(_ bytes: [UInt8]) -> [String] {
        moduleFrames.feed(bytes)
        return Self.drain(&moduleFrames) { frame in
            switch try? EFAAMessage(frame: frame) {
            case .reply(let reply):
                let name = EFAACommandID(rawValue: reply.command).map { "\($0)" } ?? hexByte(reply.command)
                return "module -> REPLY \(name): \(reply.result)\(Self.detail(reply.payload))"
            case .note(.faceState):
                return nil
            case .note(let note):
                return "module -> NOTE \(note)"
            case .image, nil:
                return "module -> frame \(hexByte(frame.messageID)), \(frame.data.count) data bytes"
            }
        }
    }

    /// The user a VERIFY or enroll reply names, if any.
    private static func detail(_ payload: EFAAReplyPayload) -> String {
        switch payload {
        case .verified(let user, _): ", user \(user.userID) '\(user.name)'"
        case .enrolled(let userID?, let directions): ", user \(userID), directions \(hexByte(directions.rawValue))"
        case .enrolled(nil, let directions): ", directions \(hexByte(directions.rawValue)) so far"
        default: ""
        }
    }

    private static func drain(_ decoder: inout EFAAFrameDecoder, _ describe: (EFAAFrame) -> String?) -> [String] {
        var lines: [String] = []
        while true {
            do {
                guard let frame = try decoder.next() else { return lines }
                if let line = describe(frame) { lines.append(line) }
            } catch {
                lines.append("frame dropped: \(error)")
            }
        }
    }
}

/// "0x1D".
private func hexByte(_ value: UInt8) -> String {
    "0x" + String(value, radix: 16, uppercase: true).leftPadded(to: 2)
}
