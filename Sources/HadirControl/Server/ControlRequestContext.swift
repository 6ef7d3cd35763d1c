import Hummingbird
import NIOCore

/// The control API's request context: Hummingbird's basics plus the connection the request came
/// on, so a request that passed authentication can vouch for its connection at the gate.
public struct ControlRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
