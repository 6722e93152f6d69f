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
        // One pass over the bytes (every request comes through here): `//`, `\`, `%2f`, `%5c`, and
        // segments that are only dots, written or encoded as `%2e`.
        let bytes = Array(path.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return false }
        var index = 0
        var segmentStart = 0
        var segmentDots = 0
        var segmentOther = false
        func endSegment() -> Bool {
            // A segment of one or two dots (however written) and nothing else is refused.
            !(index > segmentStart && !segmentOther && (segmentDots == 1 || segmentDots == 2))
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "/"):
                if index > 0 && bytes[index - 1] == UInt8(ascii: "/") { return false }
                guard endSegment() else { return false }
                segmentStart = index + 1
                segmentDots = 0
                segmentOther = false
                index += 1
            case UInt8(ascii: "\\"):
                return false
            case UInt8(ascii: "%") where index + 2 < bytes.count:
                let code = (bytes[index + 1] | 0x20, bytes[index + 2] | 0x20)
                if code == (UInt8(ascii: "2"), UInt8(ascii: "f")) || code == (UInt8(ascii: "5"), UInt8(ascii: "c")) {
                    return false
                }
                if code == (UInt8(ascii: "2"), UInt8(ascii: "e")) {
                    segmentDots += 1
                } else {
                    segmentOther = true
                }
                index += 3
            case UInt8(ascii: "."):
                segmentDots += 1
                index += 1
            default:
                segmentOther = true
                index += 1
            }
        }
        return endSegment()
    }

    /// Whether `name` could be a desk's: the slug every desk is opened with (`openDesk` refuses others),
    /// so never one of Parley's own streams (`~accounts`), nor longer than 64 characters.
    static func canNameADesk(_ name: String) -> Bool {
        (try? Identifier<DeskProfile>.validated(name, field: "desk")) != nil
    }
}
