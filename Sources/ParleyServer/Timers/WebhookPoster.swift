import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one webhook POST came to, in words that tell an officer nothing about the receiver beyond that.
///
/// Neither the receiver's body nor the system's error text is kept: either would let whoever names a
/// webhook read the server's network through it (which ports answer, what they say).
public enum DeliveryOutcome: Hashable, Sendable, CustomStringConvertible {
    /// The receiver answered 2xx.
    case delivered
    /// The host resolved to an address the server may not send to (loopback, private and the like).
    case refusedByAddressPolicy
    /// The receiver answered with a status outside 2xx; only its class (3, 4 or 5) is kept.
    case failedHTTP(statusClass: Int)
    /// No answer: the name did not resolve, the connection or TLS failed, or the receiver took too long.
    case couldNotConnect

    /// As the notifications page shows it.
    public var description: String {
        switch self {
        case .delivered: "delivered"
        case .refusedByAddressPolicy: "refused by address policy"
        case .failedHTTP(let statusClass): "failed (HTTP \(statusClass)xx)"
        case .couldNotConnect: "could not connect"
        }
    }
}

/// Finds the addresses a host name stands for.
public typealias HostResolver = @Sendable (String) async throws -> [IPAddress]

/// POSTs JSON to a webhook over a connection made to an address the policy has vetted.
///
/// The host is resolved once, every address it resolves to is judged, and the connection is made to
/// one of those very addresses: a name whose answer changes between the check and the connection
/// (DNS rebinding) cannot move the request elsewhere. TLS still checks the certificate against the
/// name. Redirects are not followed (a 3xx is a failure), since a redirect could name any address.
public struct WebhookPoster: Sendable {
    /// The addresses that may be reached.
    public let policy: OutboundAddressPolicy
    /// How names are resolved (the system's resolver, or a table in tests).
    public let resolve: HostResolver
    /// How long one POST may take, connection included.
    public let timeout: Duration

    /// A poster under `policy`, resolving with `resolve`.
    public init(
        policy: OutboundAddressPolicy, resolve: @escaping HostResolver = SystemResolver.addresses(of:),
        timeout: Duration = .seconds(5)
    ) {
        self.policy = policy
        self.resolve = resolve
        self.timeout = timeout
    }

    /// POSTs `body` as `application/json` to `url` and says what came of it; never throws.
    ///
    /// `detail` receives the technical reason of a failure, for the operator's log only.
    public func post(_ body: Data, to url: URL, detail: (String) -> Void = { _ in }) async -> DeliveryOutcome {
        guard let target = WebhookTarget(url) else {
            detail("not an http or https URL with a host")
            return .couldNotConnect
        }
        let addresses: [IPAddress]
        do {
            addresses = try await resolve(target.host)
        } catch {
            detail("could not resolve \(target.host): \(error)")
            return .couldNotConnect
        }
        switch policy.verdict(for: addresses) {
        case .noAddress:
            detail("\(target.host) resolved to no address")
            return .couldNotConnect
        case .refused(let address, let reason):
            detail("\(target.host) resolves to \(address), which is \(reason)")
            return .refusedByAddressPolicy
        case .allowed:
            break
        }
        var failure = "no address answered"
        for address in addresses {
            do {
                let status = try await exchange(body, with: target, at: address)
                return (200..<300).contains(status) ? .delivered : .failedHTTP(statusClass: status / 100)
            } catch {
                failure = "\(address): \(error)"
            }
        }
        detail(failure)
        return .couldNotConnect
    }

    /// One request on a new connection to `address`; the answer's status code.
    private func exchange(_ body: Data, with target: WebhookTarget, at address: IPAddress) async throws -> Int {
        let socket = try address.socketAddress(port: target.port)
        let tls = try target.secure ? NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        // A name for SNI and certificate checks; an address literal is checked against the address instead.
        let serverName = IPAddress(target.host) == nil ? target.host : nil
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(timeout.milliseconds))
            .connect(to: socket) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        // Whatever the connection reached, it must be the address that was judged.
        if let remote = channel.channel.remoteAddress, let reached = IPAddress(remote),
            policy.refusal(of: reached) != nil
        {
            try await channel.channel.close()
            throw OutboundRefusal(address: reached)
        }
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: target.path)
        head.headers.add(name: "Host", value: target.hostHeader)
        head.headers.add(name: "Content-Type", value: "application/json")
        head.headers.add(name: "Content-Length", value: String(body.count))
        head.headers.add(name: "Connection", value: "close")
        head.headers.add(name: "User-Agent", value: "Parley-Webhook")
        let request = head
        return try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    try await outbound.write(.head(request))
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body))))
                    try await outbound.write(.end(nil))
                    // Only the status is read: the body is the receiver's business and is never shown.
                    for try await part in inbound {
                        if case .head(let response) = part { return Int(response.status.code) }
                    }
                    throw NoAnswer()
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next() ?? nil
            if first == nil { channel.channel.close(promise: nil) }
            group.cancelAll()
            guard let status = first else { throw NoAnswer() }
            return status
        }
    }
}

/// The parts of a webhook URL a request needs.
private struct WebhookTarget {
    let secure: Bool
    /// The host as resolved: a name or an address literal without brackets.
    let host: String
    let port: Int
    /// `host[:port]` as the URL spells it, for the Host header.
    let hostHeader: String
    /// Path and query, percent-encoded as given.
    let path: String

    init?(_ url: URL) {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let encodedHost = components.percentEncodedHost, !encodedHost.isEmpty,
            let host = components.host, !host.isEmpty
        else { return nil }
        secure = scheme == "https"
        let defaultPort = secure ? 443 : 80
        guard (1...65535).contains(components.port ?? defaultPort) else { return nil }
        port = components.port ?? defaultPort
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let bracketed = IPAddress(self.host)?.ipv4 == nil && self.host.contains(":") && !encodedHost.hasPrefix("[")
        let spelledHost = bracketed ? "[\(encodedHost)]" : encodedHost
        hostHeader = components.port == nil ? spelledHost : "\(spelledHost):\(port)"
        let query = components.percentEncodedQuery.map { "?\($0)" } ?? ""
        path = (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath) + query
    }
}

/// The connection reached an address the policy refuses (it should not have: only vetted ones are dialled).
private struct OutboundRefusal: Error, CustomStringConvertible {
    let address: IPAddress
    var description: String { "connected to \(address), which the policy refuses" }
}

/// The receiver closed or timed out before answering.
private struct NoAnswer: Error, CustomStringConvertible {
    var description: String { "no answer" }
}

/// The system's resolver (`getaddrinfo`), run off the event loops.
public enum SystemResolver {
    /// Every address `host` resolves to (an address literal resolves to itself).
    public static func addresses(of host: String) async throws -> [IPAddress] {
        try await NIOThreadPool.singleton.runIfActive { try lookUp(host) }
    }

    private static func lookUp(_ host: String) throws -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
            hints.ai_socktype = SOCK_STREAM
        #else
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0 else { throw ResolutionFailure(message: String(cString: gai_strerror(status))) }
        defer { freeaddrinfo(list) }
        var found: [IPAddress] = []
        var entry = list
        while let current = entry?.pointee {
            if let address = current.ai_addr, let ip = IPAddress(address) { found.append(ip) }
            entry = current.ai_next
        }
        // The same address comes once per socket type some resolvers list; keep the first of each.
        var seen: Set<IPAddress> = []
        return found.filter { seen.insert($0).inserted }
    }
}

/// `getaddrinfo` failed.
private struct ResolutionFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension IPAddress {
    /// The address a system call reports, when it is IPv4 or IPv6.
    init?(_ address: UnsafePointer<sockaddr>) {
        // The address bytes sit at fixed offsets: after family and port in `sockaddr_in`, and after family,
        // port and flow label in `sockaddr_in6` (the same on Linux and the BSDs).
        let raw = UnsafeRawPointer(address)
        switch Int32(address.pointee.sa_family) {
        case AF_INET: self.init(bytes: Array(UnsafeRawBufferPointer(start: raw + 4, count: 4)))
        case AF_INET6: self.init(bytes: Array(UnsafeRawBufferPointer(start: raw + 8, count: 16)))
        default: return nil
        }
    }

    /// The address a NIO channel reports.
    init?(_ address: SocketAddress) {
        guard let text = address.ipAddress else { return nil }
        self.init(text)
    }

    /// The socket address to dial: IPv4 for an IPv4 (or IPv4-mapped) address, IPv6 otherwise.
    func socketAddress(port: Int) throws -> SocketAddress {
        try SocketAddress(packedIPAddress: ByteBuffer(bytes: ipv4 ?? bytes), port: port)
    }
}

extension Duration {
    /// Whole milliseconds, for APIs that take them.
    fileprivate var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
