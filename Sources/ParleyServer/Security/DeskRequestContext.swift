import Hummingbird
import NIOCore
import ParleyAccess
import ParleyDesk

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

    /// Who is asking: set by `AccessControl` for the routes after it once the session or token is
    /// checked; nil on open routes when nobody is signed in.
    var identity: Identity?

    /// The browser's form token for the pages this request renders: set by `FormGuard`, nil before it
    /// (error pages, rendered outside it, carry none).
    var formToken: FormTokenHolder?

    /// The name to record as the actor of what this request changes.
    var actor: String { identity?.name ?? "anonymous" }

    /// What the asker may see: nobody signed in is cleared for no compartment.
    var clearance: Clearance { identity?.clearance ?? .uncompartmented }

    /// The address as text, for records and limits.
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
