import Foundation
import Hummingbird

/// A submitted `application/x-www-form-urlencoded` body.
struct FormBody: Sendable {
    /// Values by field name (the last one wins; `attribution` keeps its lines).
    let values: [String: String]
    /// Every value of each field, in order (a multiple choice sends one per choice).
    let lists: [String: [String]]

    /// Reads the request body (up to 64 KiB).
    static func read(_ request: Request) async throws -> FormBody {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        return FormBody(parsing: String(buffer: buffer))
    }

    /// A body holding `values`.
    init(copying values: [String: String]) {
        self.values = values
        lists = values.mapValues { [$0] }
    }

    /// Parses `a=1&b=two+words`.
    init(parsing text: String) {
        var values: [String: String] = [:]
        var lists: [String: [String]] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            guard let key = parts.first.map(decode) else { continue }
            let value = parts.count > 1 ? decode(parts[1]) : ""
            values[key] = value
            lists[key, default: []].append(value)
        }
        self.values = values
        self.lists = lists
    }

    /// The trimmed value of `field`, or "" when absent.
    subscript(_ field: String) -> String { values[field]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    /// Every non-empty value of `field`, trimmed (the choices of a multiple select).
    func all(_ field: String) -> [String] {
        (lists[field] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The values to show again in a refused form: a multiple choice's values joined by commas.
    var shown: [String: String] { lists.mapValues { $0.filter { !$0.isEmpty }.joined(separator: ",") } }

    /// The desk version the form was rendered from, if it carried one.
    var version: Int64? { Int64(self["version"]) }
}
