/// Where the control API listens.
public enum ControlEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The local socket hadirctl uses: mode 0660, handed to `group` when that group exists, so
    /// only root, the daemon and the group's members (technicians) can connect.
    case unixSocket(path: String, group: String?)
    /// The optional LAN listener; every request needs `Authorization: Bearer <token>`.
    case tcp(host: String, port: Int, token: String)

    public var description: String {
        switch self {
        case .unixSocket(let path, _): "unix:\(path)"
        case .tcp(let host, let port, _): "tcp:\(host):\(port)"
        }
    }
}
