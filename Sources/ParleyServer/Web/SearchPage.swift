import Foundation
import ParleyDesk

/// `/search?q=…`: entries and engagements matching a text, across the desks the reader may see, each
/// linked to its place on the timeline (and its engagement).
struct SearchPage {
    let result: SearchResult
    let desks: [String]

    var html: HTML {
        let query = result.query
        let hits = result.hits
        let truncated = result.truncated
        let rows = hits.map { hit -> HTML in
            let place: HTML =
                hit.sequence.map { "<a href=\"/desks/\(hit.desk)/timeline#entry-\($0)\">#\($0)</a>" }
                ?? "<a href=\"/desks/\(hit.desk)/engagements/\(hit.engagement?.rawValue ?? "")\">open</a>"
            let engagement: HTML =
                hit.engagement.map { "<a href=\"/desks/\(hit.desk)/engagements/\($0)\">\($0.rawValue)</a>" } ?? .empty
            let text: HTML = hit.retracted ? "<del>\(hit.text)</del> \(Layout.tag("retracted", "warn"))" : "\(hit.text)"
            return
                "<tr><td>\(hit.desk)</td><td>\(place)</td><td class=\"small\">\(hit.when)</td><td class=\"small muted\">\(hit.kind)</td><td>\(text)</td><td>\(engagement)</td></tr>"
        }
        let first = result.offset + 1
        let last = result.offset + hits.count
        let summary: HTML =
            query.isEmpty
            ? "Type a word or a name to find it in every desk you may see."
            : hits.isEmpty
                ? (result.offset == 0
                    ? "No results for “\(query)”."
                    : "No results past the first \(result.offset) for “\(query)”.")
                : "Results \(first)–\(last)\(truncated ? " of more" : " of \(last)") for “\(query)”."
        let link = { (offset: Int, label: String, rel: String) -> HTML in
            let escaped = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return "<a class=\"button\" rel=\"\(rel)\" href=\"/search?q=\(escaped)&amp;offset=\(offset)\">\(label)</a>"
        }
        var pages: [HTML] = []
        if result.offset > 0 {
            pages.append(
                link(max(0, result.offset - DeskServer.searchLimit), "← Previous \(DeskServer.searchLimit)", "prev"))
        }
        if truncated && last < DeskServer.furthestSearch {
            pages.append(link(last, "Next \(DeskServer.searchLimit) →", "next"))
        }
        let paging: HTML = pages.isEmpty ? .empty : "<nav class=\"actions\" aria-label=\"More results\">\(pages)</nav>"
        let body: HTML = """
            <h1>Search</h1>
            <form class="actions panel spaced-bottom" method="get" action="/search" role="search">
            <label>Find <input name="q" value="\(query)" size="40" maxlength="\(DeskServer.longestSearch)" placeholder="a title, a name, a word from a note"></label>
            <button type="submit">Search</button></form>
            <p id="results-summary">\(summary)</p>
            \(hits.isEmpty ? HTML.empty : "<section class=\"panel\" id=\"results\"><table><thead><tr><th>Desk</th><th>Entry</th><th>When</th><th>Kind</th><th>What</th><th>Engagement</th></tr></thead><tbody>\(rows)</tbody></table></section>")
            \(paging)
            """
        return Layout.page(title: "Search", desk: nil, desks: desks, section: "", body: body)
    }
}
