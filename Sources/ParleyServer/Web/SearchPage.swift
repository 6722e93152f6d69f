import Foundation
import ParleyDesk

/// `/search?q=…`: entries and engagements matching a text, across the desks the reader may see, each
/// linked to its place on the timeline (and its engagement).
struct SearchPage {
    /// One hit.
    struct Hit {
        let desk: String
        let sequence: Int64?
        let at: String
        let kind: String
        let text: String
        let engagement: Engagement.ID?
        let retracted: Bool
    }

    let query: String
    let hits: [Hit]
    let truncated: Bool
    let desks: [String]

    /// At most this many hits are listed.
    static let limit = 200
    /// Longer queries are refused.
    static let longestQuery = 200

    /// The hits for `query` in `desk`, as the reader sees it (`entries` numbered as they count them).
    static func hits(for query: String, desk: String, state: DeskState, entries: [SearchCorpus.Entry]) -> [Hit] {
        let folded = Array(SearchCorpus.fold(query).utf8)
        func matches(_ text: String) -> Bool { SearchCorpus.occurs(folded, in: Array(SearchCorpus.fold(text).utf8)) }
        var hits: [Hit] = []
        for engagement in state.engagements.values.sorted(by: { $0.id < $1.id })
        where matches(engagement.title) || matches(engagement.purpose) {
            hits.append(
                Hit(
                    desk: desk, sequence: nil, at: engagement.opened.display, kind: "engagement",
                    text: engagement.title + (engagement.purpose.isEmpty ? "" : " — " + engagement.purpose),
                    engagement: engagement.id, retracted: false))
        }
        for entry in entries where SearchCorpus.occurs(folded, in: entry.folded) {
            hits.append(
                Hit(
                    desk: desk, sequence: entry.sequence, at: ZonedTime.display(entry.at, in: state.zone),
                    kind: entry.type, text: entry.text,
                    engagement: entry.engagement.flatMap { state.engagements[$0] != nil ? $0 : nil },
                    retracted: state.log.retracted[entry.sequence] != nil))
        }
        return hits
    }

    var html: HTML {
        let rows = hits.map { hit -> HTML in
            let place: HTML =
                hit.sequence.map { "<a href=\"/desks/\(hit.desk)/timeline#entry-\($0)\">#\($0)</a>" }
                ?? "<a href=\"/desks/\(hit.desk)/engagements/\(hit.engagement?.rawValue ?? "")\">open</a>"
            let engagement: HTML =
                hit.engagement.map { "<a href=\"/desks/\(hit.desk)/engagements/\($0)\">\($0.rawValue)</a>" } ?? .empty
            let text: HTML = hit.retracted ? "<del>\(hit.text)</del> \(Layout.tag("retracted", "warn"))" : "\(hit.text)"
            return
                "<tr><td>\(hit.desk)</td><td>\(place)</td><td class=\"small\">\(hit.at)</td><td class=\"small muted\">\(hit.kind)</td><td>\(text)</td><td>\(engagement)</td></tr>"
        }
        let summary: HTML =
            query.isEmpty
            ? "Type a word or a name to find it in every desk you may see."
            : "\(hits.count)\(truncated ? "+" : "") result(s) for “\(query)”\(truncated ? " (the first \(Self.limit))" : "")."
        let body: HTML = """
            <h1>Search</h1>
            <form class="actions panel spaced-bottom" method="get" action="/search" role="search">
            <label>Find <input name="q" value="\(query)" size="40" maxlength="\(Self.longestQuery)" placeholder="a title, a name, a word from a note"></label>
            <button type="submit">Search</button></form>
            <p>\(summary)</p>
            \(hits.isEmpty ? HTML.empty : "<section class=\"panel\" id=\"results\"><table><thead><tr><th>Desk</th><th>Entry</th><th>When</th><th>Kind</th><th>What</th><th>Engagement</th></tr></thead><tbody>\(rows)</tbody></table></section>")
            """
        return Layout.page(title: "Search", desk: nil, desks: desks, section: "", body: body)
    }
}
