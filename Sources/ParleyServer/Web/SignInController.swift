import Foundation
import HTTPTypes
import Hummingbird
import ParleyAccess

/// Signing in and out: the page and form for browsers, and a session resource for API clients.
struct SignInController: Sendable {
    let accounts: AccountBook
    let configuration: ServerConfiguration

    func register(on router: Router<DeskRequestContext>) {
        router.get("/login") { request, context -> Response in
            let next = Self.safeNext(request.uri.queryParameters.get("next"))
            return Page.response(Self.page(name: "", next: next, message: nil), status: .ok, for: context)
        }
        router.post("/login") { request, context -> Response in
            let form = try await FormBody.read(request)
            let name = form.values["name"]?.trimmingCharacters(in: .whitespaces) ?? ""
            let next = Self.safeNext(form.values["next"])
            do {
                let token = try await accounts.signIn(
                    name: name, password: form.values["password"] ?? "", address: context.clientAddress)
                var response = Page.redirect(to: next)
                response.headers.append(HTTPField(name: .setCookie, value: sessionCookie(token)))
                return response
            } catch let error as AccessError {
                // The form comes back with the message, as any refused form does.
                let status: HTTPResponse.Status =
                    error.code == .tooManyAttempts ? .tooManyRequests : .unprocessableContent
                var response = Page.response(
                    Self.page(name: name, next: next, message: error.message), status: status, for: context)
                if error.code == .tooManyAttempts { response.headers[.retryAfter] = "900" }
                return response
            }
        }
        router.post("/logout") { request, context -> Response in
            if let token = AccessControl.token(in: request) {
                try await accounts.signOut(token: token, actor: context.actor)
            }
            var response = Page.redirect(to: "/login")
            response.headers.append(
                HTTPField(name: .setCookie, value: "\(AccessControl.sessionCookie)=; Path=/; HttpOnly; Max-Age=0"))
            return response
        }
        router.post("/api/v1/session") { request, context -> Response in
            let body = try await request.body.collect(upTo: 16 * 1024)
            let input = try APIController.decodeBody(SessionRequest.self, Data(body.readableBytesView))
            do {
                let token = try await accounts.signIn(
                    name: input.name, password: input.password, address: context.clientAddress)
                return try JSON.response(SessionAnswer(token: token, expiresIn: Int(AccountBook.sessionLength)))
            } catch let error as AccessError {
                let status: HTTPResponse.Status = error.code == .tooManyAttempts ? .tooManyRequests : .unauthorized
                throw HTTPError(status, message: error.message)
            }
        }
        router.delete("/api/v1/session") { request, context -> Response in
            if let token = AccessControl.token(in: request) {
                try await accounts.signOut(token: token, actor: context.actor)
            }
            return Response(status: .noContent)
        }
    }

    /// The session cookie: not readable by scripts, not sent on other sites' posts, Secure behind TLS.
    private func sessionCookie(_ token: String) -> String {
        "\(AccessControl.sessionCookie)=\(token); Path=/; HttpOnly; SameSite=Lax; Max-Age=\(Int(AccountBook.sessionLength))"
            + (configuration.secureCookies ? "; Secure" : "")
    }

    /// Only a plain path on this site, or else the start page: never another site, however spelt.
    ///
    /// Browsers read `//host`, `/\host` and `/<tab>/host` (they drop tabs and newlines, and take `\` for
    /// `/`) as another host, so anything but visible ASCII is refused, as is a backslash anywhere, and the
    /// same again once percent-decoded (`/%2F/host`), for whatever decodes it on the way.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.utf8.count <= 2_048, isPlainPath(next, visibleASCIIOnly: true),
            let decoded = next.removingPercentEncoding, isPlainPath(decoded, visibleASCIIOnly: false),
            let parsed = URLComponents(string: next), parsed.scheme == nil, parsed.host == nil,
            parsed.percentEncodedPath.hasPrefix("/")
        else { return "/" }
        return next
    }

    /// Whether `text` starts with a single `/` and holds no backslash, whitespace or control character;
    /// and, when `visibleASCIIOnly`, nothing but visible ASCII.
    private static func isPlainPath(_ text: String, visibleASCIIOnly: Bool) -> Bool {
        guard text.hasPrefix("/"), !text.hasPrefix("//") else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            if visibleASCIIOnly { return (0x21...0x7E).contains(scalar.value) && scalar != "\\" }
            switch scalar.properties.generalCategory {
            case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
                return false
            default:
                return scalar != "\\" && !scalar.properties.isWhitespace
            }
        }
    }

    static func page(name: String, next: String, message: String?) -> HTML {
        let error: HTML = message.map { "<p class=\"banner bad\" id=\"error-sign-in\">\($0)</p>" } ?? .empty
        return Layout.page(
            title: "Sign in", desk: nil, desks: [], section: "",
            body: """
                <h1>Sign in</h1>
                \(error)
                <form class="stack panel" method="post" action="/login">
                <input type="hidden" name="next" value="\(next)">
                <label>Name <input name="name" value="\(name)" autocomplete="username" required></label>
                <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                <button type="submit">Sign in</button>
                </form>
                """)
    }
}

/// `POST /api/v1/session`.
struct SessionRequest: Decodable, Sendable {
    let name: String
    let password: String
}

/// The answer to a sign-in through the API.
struct SessionAnswer: Encodable, Sendable {
    let token: String
    let expiresIn: Int
}
