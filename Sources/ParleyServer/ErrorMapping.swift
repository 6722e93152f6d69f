import Foundation
import Hummingbird
import Logging
import NIOCore
import ParleyDesk
import ParleyStore

/// The one place where errors become HTTP answers.
///
/// Problem details (RFC 9457) under `/api`, an HTML page elsewhere. User errors are 422 (400 for
/// unreadable input, 413 for a body larger than the route reads), conflicts 409, a store that cannot be
/// reached 503 with `Retry-After` (the request may simply be repeated), anything else 500 with the detail
/// kept for the log. Only the 5xx answers are logged as errors: a client's mistake is not the server's.
struct ErrorMapping<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.problem(for: error)
            if problem.status >= 500 {
                context.logger.error("request failed", metadata: ["parley.error": "\(error)"])
            }
            var response: Response
            if request.uri.path.hasPrefix("/api/") {
                response = try JSON.response(problem, status: .init(code: problem.status))
                response.headers[.contentType] = "application/problem+json"
            } else {
                // Outside access control and the form guard (this middleware wraps them): the page names no
                // one and carries no form token, as before.
                response = Page.response(Layout.errorPage(problem), status: .init(code: problem.status), for: nil)
            }
            if problem.status == 503 { response.headers[.retryAfter] = "2" }
            return response
        }
    }

    /// The problem an error amounts to.
    static func problem(for error: any Error) -> Problem {
        if let error = error as? HTTPError {
            let status = Int(error.status.code)
            return Problem(
                type: status == 404 ? "not-found" : "http", title: error.status.reasonPhrase, status: status,
                detail: error.body ?? error.status.reasonPhrase, field: nil)
        }
        if let error = error as? DeskError {
            return Problem(
                type: "refused", title: "Refused by the desk", status: 422, detail: error.message, field: error.field)
        }
        if let error = error as? RequestInputError {
            return Problem(
                type: "bad-request", title: "Unreadable request", status: 400, detail: error.message, field: error.field
            )
        }
        if let error = error as? NIOTooManyBytesError {
            // Every body is read with a bound (`collect(upTo:)`); going over it is the sender's doing.
            let limit = error.maxBytes.map { " (at most \($0 / 1024) KB)" } ?? ""
            return Problem(
                type: "too-large", title: "Request body too large", status: 413,
                detail: "The request body is larger than this route accepts\(limit).", field: nil)
        }
        if let error = error as? any CategorizedError {
            switch error.category {
            case .user:
                return Problem(type: "refused", title: "Refused", status: 422, detail: error.message, field: nil)
            case .conflict:
                return Problem(
                    type: "conflict", title: "The desk has changed", status: 409, detail: error.message, field: nil)
            case .unavailable:
                // The message says what failed (the database is down or restarting); it holds no secrets.
                return Problem(
                    type: "unavailable", title: "The desk's database is unavailable", status: 503,
                    detail: error.message + "; try again in a moment", field: nil)
            case .internal: break
            }
        }
        if let error = error as? any HTTPResponseError, (400..<500).contains(Int(error.status.code)) {
            // Any other error that already names a client error (from Hummingbird or NIO) keeps it.
            let status = Int(error.status.code)
            return Problem(
                type: "http", title: error.status.reasonPhrase, status: status, detail: error.status.reasonPhrase,
                field: nil)
        }
        return Problem(
            type: "internal", title: "Internal error", status: 500,
            detail: "Parley failed; the details are in the server log.", field: nil)
    }
}

/// An RFC 9457 problem detail.
struct Problem: Codable, Sendable {
    /// A relative problem-type URI (`conflict`, `refused`).
    let type: String
    /// A short summary.
    let title: String
    /// The HTTP status.
    let status: Int
    /// What went wrong, for the person who caused it.
    let detail: String
    /// The request field it concerns, if one.
    let field: String?
}

/// A request the server could not read (malformed JSON, a missing form field).
struct RequestInputError: Error, Sendable {
    /// What was wrong.
    let message: String
    /// The field, if one.
    let field: String?
}
