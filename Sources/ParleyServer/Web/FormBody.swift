import Foundation
import Hummingbird

/// A submitted `application/x-www-form-urlencoded` body.
struct FormBody: Sendable {
    /// Values by field name (the last one wins; `attribution` keeps its lines).
    let values: [String: String]

    /// Reads the request body (up to 64 KiB).
    static func read(_ request: Request) async throws -> FormBody {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        return FormBody(parsing: String(buffer: buffer))
    }

    /// A body holding `values`.
    init(copying values: [String: String]) { self.values = values }

    /// Parses `a=1&b=two+words`.
    init(parsing text: String) {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            guard let key = parts.first.map(decode) else { continue }
            values[key] = parts.count > 1 ? decode(parts[1]) : ""
        }
        self.values = values
    }

    /// The trimmed value of `field`, or "" when absent.
    subscript(_ field: String) -> String { values[field]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    /// The desk version the form was rendered from, if it carried one.
    var version: Int64? { Int64(self["version"]) }
}
