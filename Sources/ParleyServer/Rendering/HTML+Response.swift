import Foundation
import Hummingbird

extension HTML: ResponseGenerator {
    /// A `200 text/html` response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Page.response(self, status: .ok, for: context as? DeskRequestContext)
    }
}

/// Responses carrying a whole page or a fragment.
enum Page {
    /// An HTML response with `status`; every `POST` form in it carries the browser's form token and the
    /// header names the signed-in person, both from the request's `context`.
    static func response(_ html: HTML, status: HTTPResponse.Status, for context: DeskRequestContext?) -> Response {
        PageTemplate(html.rendered).response(status: status, for: context)
    }

    /// A `303 See Other` to `location`, the answer to a successful form post.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
