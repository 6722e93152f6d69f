import Foundation
import HTTPTypes
import Hummingbird
import ParleyAccess
import ParleyStore
import Synchronization

/// Guards against cross-site request forgery: every form carries a token that must match a cookie the
/// page's own origin set, and API writes must be JSON (which another site cannot send without a CORS
/// preflight this server never grants).
///
/// A browser signed in with a session cookie gets a token bound to that session: a hash of the session
/// token, which only its own pages can know (the cookie is `HttpOnly`), valid on every server and ending
/// with the session. Before signing in (the sign-in form itself), the token is a double-submit cookie:
/// random per browser, `HttpOnly`, `SameSite=Strict`. Either way another site can make a browser post,
/// but cannot know the token to put in the form. Every `POST` form a page renders gets the hidden field
/// added as the page is written out (`Page.response`, from the request context's `formToken`), so a new
/// form cannot forget it.
struct FormGuard: RouterMiddleware {
    typealias Context = DeskRequestContext

    /// The cookie holding the browser's token.
    static var cookieName: String { "parley_form" }
    /// The form field that must repeat it.
    static var fieldName: String { "_csrf" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let browserToken = Self.cookieToken(in: request)
        // Bound to the session when the browser has one. A bearer client's pages bind their forms to its
        // token the same way: another site cannot make a browser send that header, and no random token
        // (with its cookie) is made for every page it reads.
        let cookieSession = Cookies.value(AccessControl.sessionCookie, in: request)
        let bearer = Cookies.bearer(in: request)
        var request = request
        if [.post, .put, .patch, .delete].contains(request.method) {
            if request.uri.path.hasPrefix("/api/") {
                let type = request.headers[.contentType] ?? ""
                // A DELETE names all it needs in its path: one without a type passes if it has no body.
                var bodiless = false
                if request.method == .delete, request.headers[.contentType] == nil {
                    bodiless = try await request.collectBody(upTo: 64 * 1024).readableBytes == 0
                }
                guard bodiless || type.lowercased().hasPrefix("application/json") else {
                    throw HTTPError(
                        .unsupportedMediaType, message: "API writes take a JSON body (Content-Type: application/json)")
                }
            } else {
                let body = try await request.collectBody(upTo: 64 * 1024)
                let sent = FormBody(parsing: String(buffer: body)).values[Self.fieldName]
                // A session cookie's forms carry its own token; a bearer client's, its token's or the
                // browser cookie's it was given.
                let expected =
                    cookieSession.map { [Self.bound(to: $0)] }
                    ?? [bearer.map(Self.bound(to:)), browserToken].compactMap { $0 }
                guard let sent, expected.contains(where: { Self.same(sent, $0) }) else {
                    throw HTTPError(
                        .forbidden,
                        message: "This form was sent without its security token (it may have come from another "
                            + "site, or the page is old). Reload the page and send it again.")
                }
            }
        }
        // A new browser's token is made only if a page it is sent actually has a form.
        let holder = FormTokenHolder(session: cookieSession, browserToken: browserToken, bearer: bearer)
        var context = context
        context.formToken = holder
        var response = try await next(request, context)
        if let made = holder.madeToken {
            response.headers.append(
                HTTPField(name: .setCookie, value: "\(Self.cookieName)=\(made); Path=/; HttpOnly; SameSite=Strict"))
        }
        return response
    }

    /// The token in the request's cookie, if it has a well-formed one.
    private static func cookieToken(in request: Request) -> String? {
        guard let value = Cookies.value(cookieName, in: request), value.utf8.count == 43,
            value.utf8.allSatisfy({ byte in
                (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            })
        else { return nil }
        return value
    }

    /// 32 random bytes as unpadded base64url (43 characters).
    static func newToken() -> String { ByteText.randomToken() }

    /// The form token of the browser holding session token `session`.
    static func bound(to session: String) -> String {
        if let known = boundTokens.withLock({ $0[session] }) { return known }
        let token = AccountBook.formToken(boundTo: session)
        // Only what has a session token's shape is kept: any header can carry a made-up string of any size.
        guard session.utf8.count == 43 else { return token }
        boundTokens.withLock { tokens in
            if tokens.count >= 4_096 { tokens.removeAll() }
            tokens[session] = token
        }
        return token
    }

    /// Tokens already derived, so a page read again does not hash its session again.
    private static let boundTokens = Mutex<[String: String]>([:])

    /// Compares without stopping at the first difference, so timing does not reveal the token.
    private static func same(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The browser's form token for one request: bound to its session, the one its cookie holds, bound to its
/// bearer token, or one made when a page needs it; worked out only when a page asks (most answers have
/// no form).
final class FormTokenHolder: Sendable {
    private let session: String?
    private let browserToken: String?
    private let bearer: String?
    private let made = Mutex<String?>(nil)

    init(session: String?, browserToken: String?, bearer: String? = nil) {
        self.session = session
        self.browserToken = browserToken
        self.bearer = bearer
    }

    /// The token to put in forms (made now if the browser has none).
    var token: String {
        if let session { return FormGuard.bound(to: session) }
        if let browserToken { return browserToken }
        if let bearer { return FormGuard.bound(to: bearer) }
        return made.withLock { made in
            if let made { return made }
            let fresh = FormGuard.newToken()
            made = fresh
            return fresh
        }
    }

    /// The token made during this request, which the browser must be given as a cookie.
    var madeToken: String? { made.withLock { $0 } }
}
