import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ParleyAccess
import ParleyDesk

/// Checks every request against `AccessPolicy`: who is asking (session cookie or bearer token), and
/// whether their role grants what the route needs.
///
/// Pages send someone not signed in to the sign-in page; the API answers 401. A role that does not
/// grant the route is 403. A route with no rule is refused to everyone: a forgotten rule fails closed.
struct AccessControl: RouterMiddleware {
    typealias Context = DeskRequestContext

    let accounts: AccountBook

    /// The cookie holding a browser's session token.
    static let sessionCookie = "parley_session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let template = context.endpointPath else { return try await next(request, context) }
        guard let needed = AccessPolicy.required(request.method, template) else {
            context.logger.error("route without an access rule", metadata: ["parley.route": "\(template)"])
            throw HTTPError(.forbidden, message: "This route has no access rule, so it is closed.")
        }
        if needed == .open {
            // Open routes answer everyone alike; only the sign-in page shows who is asking, and it
            // needs nobody's session.
            return try await next(request, context)
        }
        var identity: Identity?
        if let token = Self.token(in: request) {
            if let known = accounts.identifyIfFresh(token: token) {
                identity = known
            } else {
                identity = try await accounts.identify(token: token)
            }
        }
        guard let identity else {
            if request.uri.path.hasPrefix("/api/") {
                throw HTTPError(
                    .unauthorized, headers: [.wwwAuthenticate: "Bearer"],
                    message: "Sign in first: POST /api/v1/session, then send Authorization: Bearer TOKEN.")
            }
            let next = request.method == .get ? request.uri.description : "/"
            return Page.redirect(
                to: "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        guard identity.role.grants(needed) else {
            throw HTTPError(
                .forbidden,
                message: "Your role (\(identity.role.rawValue)) may not do this; it needs \(Self.describe(needed)).")
        }
        var context = context
        context.identity = identity
        return try await next(request, context)
    }

    /// The session token from the `Authorization: Bearer` header or the session cookie.
    static func token(in request: Request) -> String? {
        Cookies.bearer(in: request) ?? Cookies.value(sessionCookie, in: request)
    }

    private static func describe(_ permission: Permission) -> String {
        switch permission {
        case .open, .read: "a signed-in person"
        case .record: "an officer or admin"
        case .administer: "an admin"
        }
    }
}
