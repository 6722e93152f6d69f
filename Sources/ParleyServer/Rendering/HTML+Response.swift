import Foundation
import Hummingbird

extension HTML: ResponseGenerator {
    /// A `200 text/html` response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Page.response(self, status: .ok)
    }
}

/// Responses carrying a whole page or a fragment.
enum Page {
    /// An HTML response with `status`; every `POST` form in it carries the browser's form token.
    static func response(_ html: HTML, status: HTTPResponse.Status) -> Response {
        response(rendered: ByteBuffer(string: html.rendered), status: status)
    }

    /// An HTML response from a page already rendered (perhaps cached for every browser), with this
    /// browser's form token added to every `POST` form.
    static func response(rendered page: ByteBuffer, status: HTTPResponse.Status) -> Response {
        var text = String(buffer: page)
        if let marker = text.range(of: Layout.identityMarker) {
            text.replaceSubrange(marker, with: Layout.identity(RequestIdentity.current))
        }
        if let token = FormToken.current { text = FormToken.insert(into: text, token: token) }
        let body = ByteBuffer(string: text)
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: body))
    }

    /// A `303 See Other` to `location`, the answer to a successful form post.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
