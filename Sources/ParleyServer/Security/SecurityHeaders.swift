import HTTPTypes
import Hummingbird

/// Headers on every response that keep the browser from running, framing or sniffing anything it
/// should not: a strict Content-Security-Policy (no inline script or style, nothing from elsewhere),
/// `nosniff`, no framing, and no referrer leaving the desk.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = ContentSecurityPolicy.value
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        return response
    }
}

/// The policy: only this origin's own files; no inline code; no plugins; forms post only here.
///
/// Built once: it goes on every answer.
enum ContentSecurityPolicy {
    /// The header's value.
    static let value = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
        "frame-ancestors 'none'",
    ].joined(separator: "; ")
}

extension HTTPField.Name {
    /// `Content-Security-Policy`.
    static let contentSecurityPolicy = Self("Content-Security-Policy")!
    /// `X-Content-Type-Options`.
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    /// `X-Frame-Options`.
    static let xFrameOptions = Self("X-Frame-Options")!
    /// `Referrer-Policy`.
    static let referrerPolicy = Self("Referrer-Policy")!
}
