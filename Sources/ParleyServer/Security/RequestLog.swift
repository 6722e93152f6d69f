import Hummingbird
import Logging

/// Logs every request (method and path, as Hummingbird's `LogRequestsMiddleware` does) with the secret
/// of a calendar feed's address cut out: those addresses are credentials, polled for months, and a log
/// must not hand them to whoever reads it.
struct RequestLog<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        context.logger.info(
            "Request",
            metadata: [
                "hb.request.path": .string(Self.shown(request.uri.path, query: request.uri.query)),
                "hb.request.method": .string(request.method.rawValue),
            ])
        return try await next(request, context)
    }

    /// The path as logged: `/calendars/…` for a feed's address, the path and query otherwise.
    static func shown(_ path: String, query: String?) -> String {
        if path.utf8.starts(with: "/calendars/".utf8) { return "/calendars/…" }
        return query.map { path + "?" + $0 } ?? path
    }
}
