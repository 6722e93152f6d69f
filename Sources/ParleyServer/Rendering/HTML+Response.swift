import Hummingbird

extension HTML: ResponseGenerator {
    /// A `200 text/html` response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Page.response(self, status: .ok)
    }
}

/// Responses carrying a whole page or a fragment.
enum Page {
    /// An HTML response with `status`.
    static func response(_ html: HTML, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html.rendered)))
    }

    /// A `303 See Other` to `location`, the answer to a successful form post.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
