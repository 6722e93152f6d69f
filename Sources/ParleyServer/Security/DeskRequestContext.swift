import Hummingbird
import NIOCore

/// The request context of every route: Hummingbird's, plus the client's address for sign-in limits.
public struct DeskRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's own storage.
    public var coreContext: CoreRequestContextStorage
    /// The connecting client's address (nil in tests that run without a socket).
    public let remoteAddress: SocketAddress?

    /// A context for a request arriving on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The address as text, for records and limits.
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
