import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The client side of the control socket, used by hadirctl and tests.
public struct ControlClient: Sendable {
    public let socketPath: String

    public init(socketPath: String) {
        self.socketPath = socketPath
    }

    /// Sends `request`, passes each streamed event to `onEvent`, and returns the result payload.
    public func call<Payload: Codable & Sendable>(
        _ request: ControlRequest, expecting: Payload.Type, onEvent: (FeedbackEvent) -> Void = { _ in }
    ) throws -> Payload {
        let fd: Int32
        do {
            fd = try UnixSocket.connect(path: socketPath)
        } catch {
            throw ControlClientError.daemonUnreachable(socketPath, "\(error)")
        }
        defer { close(fd) }
        var line = try JSONEncoder().encode(request)
        line.append(0x0A)
        guard UnixSocket.writeAll(fd, [UInt8](line)) else { throw ControlClientError.daemonUnreachable(socketPath, "write failed") }
        var reader = LineReader(fd: fd, maximumLineLength: 16 << 20)
        while let text = reader.nextLine() {
            let reply: ControlReply<Payload>
            do {
                reply = try JSONDecoder().decode(ControlReply<Payload>.self, from: Data(text.utf8))
            } catch {
                throw ControlClientError.badReply(text)
            }
            if reply.type == "event", let event = reply.event {
                onEvent(event)
                continue
            }
            guard reply.ok == true else { throw ControlClientError.refused(reply.error ?? "unknown error") }
            guard let data = reply.data else { throw ControlClientError.badReply(text) }
            return data
        }
        throw ControlClientError.daemonUnreachable(socketPath, "connection closed before a result")
    }
}

/// Why a control call did not succeed.
public enum ControlClientError: Error, CustomStringConvertible {
    case daemonUnreachable(String, String)
    case refused(String)
    case badReply(String)

    public var description: String {
        switch self {
        case .daemonUnreachable(let path, let detail): "cannot reach hadird at \(path): \(detail) (is it running?)"
        case .refused(let message): message
        case .badReply(let text): "unexpected reply from hadird: \(text.prefix(200))"
        }
    }
}
