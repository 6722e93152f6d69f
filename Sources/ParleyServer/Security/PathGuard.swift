import Foundation
import Hummingbird
import ParleyDesk

/// Refuses, before any other check looks at it, a request whose path is not written in its one plain
/// form, or whose `{desk}` cannot name a desk.
///
/// The router finds `//api/v1/desks/x/attempts` just as it finds `/api/v1/desks/x/attempts` (it skips
/// empty segments), but the checks that go by the path's prefix (API writes must be JSON, API errors are
/// problem details) would not take it for an API path. Rather than teach each of them every spelling,
/// only one is served: no empty segment, no `.` or `..` segment, no encoded slash or backslash. Parley
/// never writes such a link, so refusing them costs nobody anything.
///
/// A desk is named by a slug; anything else (Parley's own streams such as `~accounts`, an 8 KB name) is
/// no desk, and is answered 404 before the store or any cache is asked about it.
struct PathGuard<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard Self.isPlain(request.uri.path) else {
            throw HTTPError(
                .notFound,
                message: "No such page: paths are written with single slashes, without '.' or '..' segments "
                    + "and without encoded slashes.")
        }
        if let desk = context.parameters.get("desk"), !Self.canNameADesk(desk) {
            let shown = desk.count > 64 ? desk.prefix(64) + "…" : Substring(desk)
            throw HTTPError(.notFound, message: "no desk named '\(shown)'")
        }
        return try await next(request, context)
    }

    /// Whether `path` is in the only form served: starting with `/`, no empty, `.` or `..` segment (also
    /// percent-encoded), no encoded `/` or `\` and no raw `\`.
    static func isPlain(_ path: String) -> Bool {
        guard path.hasPrefix("/"), !path.contains("//"), !path.contains("\\") else { return false }
        let lowered = path.lowercased()
        guard !lowered.contains("%2f"), !lowered.contains("%5c") else { return false }
        for segment in lowered.split(separator: "/", omittingEmptySubsequences: true) {
            let decoded = segment.replacingOccurrences(of: "%2e", with: ".")
            if decoded == "." || decoded == ".." { return false }
        }
        return true
    }

    /// Whether `name` could be a desk's: the slug every desk is opened with (`openDesk` refuses others),
    /// so never one of Parley's own streams (`~accounts`), nor longer than 64 characters.
    static func canNameADesk(_ name: String) -> Bool {
        (try? Identifier<DeskProfile>.validated(name, field: "desk")) != nil
    }
}
