import Foundation
import HTTPTypes
import Hummingbird

/// Guards against cross-site request forgery: every form carries a token that must match a cookie the
/// page's own origin set, and API writes must be JSON (which another site cannot send without a CORS
/// preflight this server never grants).
///
/// The token is a double-submit cookie: random per browser, `HttpOnly`, `SameSite=Strict`. Another
/// site can make a browser post, but cannot read the cookie to put it in the form. Every `POST` form
/// a page renders gets the hidden field added as the page is written out (`Page.response`), so a new
/// form cannot forget it.
struct FormGuard<Context: RequestContext>: RouterMiddleware {
    /// The cookie holding the browser's token.
    static var cookieName: String { "parley_form" }
    /// The form field that must repeat it.
    static var fieldName: String { "_csrf" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let existing = Self.cookieToken(in: request)
        let token = existing ?? Self.newToken()
        var request = request
        if [.post, .put, .patch, .delete].contains(request.method) {
            if request.uri.path.hasPrefix("/api/") {
                let type = request.headers[.contentType] ?? ""
                guard type.lowercased().hasPrefix("application/json") else {
                    throw HTTPError(
                        .unsupportedMediaType, message: "API writes take a JSON body (Content-Type: application/json)")
                }
            } else {
                let body = try await request.collectBody(upTo: 64 * 1024)
                let sent = FormBody(parsing: String(buffer: body)).values[Self.fieldName]
                guard let existing, let sent, Self.same(sent, existing) else {
                    throw HTTPError(
                        .forbidden,
                        message: "This form was sent without its security token (it may have come from another "
                            + "site, or the page is old). Reload the page and send it again.")
                }
            }
        }
        var response = try await FormToken.$current.withValue(token) { try await next(request, context) }
        if existing == nil {
            response.headers.append(
                HTTPField(name: .setCookie, value: "\(Self.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict"))
        }
        return response
    }

    /// The token in the request's cookie, if it has a well-formed one.
    private static func cookieToken(in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0] == cookieName else { continue }
                let value = String(parts[1])
                if value.count == 43,
                    value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) })
                {
                    return value
                }
            }
        }
        return nil
    }

    private static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Compares without stopping at the first difference, so timing does not reveal the token.
    private static func same(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The form token of the request being answered, for the pages it renders.
enum FormToken {
    /// Set by `FormGuard` for the duration of a request.
    @TaskLocal static var current: String?

    /// `html` with the hidden token field added to every `POST` form.
    static func insert(into html: String, token: String) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        while let open = rest.range(of: "<form") {
            guard let close = rest[open.upperBound...].firstIndex(of: ">") else { break }
            let tag = rest[open.lowerBound...close]
            result += rest[..<rest.index(after: close)]
            if tag.lowercased().contains("method=\"post\"") {
                result +=
                    "<input type=\"hidden\" name=\"\(FormGuard<DeskRequestContext>.fieldName)\" value=\"\(token)\">"
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }
}
