import Foundation
import ParleyDesk
import ParleyStore

extension DeskServer {
    /// At most this many hits are answered at once; `offset` pages on.
    ///
    /// Fifty rows fit two screens (a long scroll at phone width); a page of 100 cost twice the rendering
    /// and missed the p99 goal at 32 readers at once.
    static let searchLimit = 50
    /// Longer queries are refused.
    static let longestSearch = 200
    /// Pages further on than this are refused: nobody reads that far, and each page re-matches the ones before.
    static let furthestSearch = 10_000

    /// The `offset` a search request gives as text: empty for the first page.
    static func searchOffset(_ text: String) throws -> Int {
        guard !text.isEmpty else { return 0 }
        guard let offset = Int(text), (0...furthestSearch).contains(offset) else {
            throw DeskError.invalidValue(
                field: "offset", expected: "a whole number from 0 to \(furthestSearch)", found: "'\(text)'")
        }
        return offset
    }

    /// The engagements and entries matching `query` (without case or diacritics), across the desks
    /// `clearance` may see, in desk order then log order: at most `searchLimit` from the `offset`-th on,
    /// and whether more matched.
    ///
    /// One definition for the search page and `GET /api/v1/search`, so both find the same things.
    func search(_ query: String, offset: Int = 0, as clearance: Clearance) async throws -> SearchResult {
        guard query.count <= Self.longestSearch else {
            throw DeskError.invalidValue(
                field: "q", expected: "at most \(Self.longestSearch) characters", found: "\(query.count)")
        }
        guard (0...Self.furthestSearch).contains(offset) else {
            throw DeskError.invalidValue(
                field: "offset", expected: "a whole number from 0 to \(Self.furthestSearch)", found: "\(offset)")
        }
        let needle = Array(SearchCorpus.fold(query).utf8)
        var hits: [SearchHit] = []
        // Matches passed over before `offset`, then the page and one more: enough to say that more matched.
        var skipped = 0
        let wanted = Self.searchLimit + 1
        func keep(_ hit: () -> SearchHit) {
            if skipped < offset { skipped += 1 } else { hits.append(hit()) }
        }
        guard !needle.isEmpty else { return SearchResult(query: query, offset: offset, hits: [], truncated: false) }
        for name in try await desks().prefix(HomePage.limit) where hits.count < wanted {
            let view = try await view(name, as: clearance)
            let state = view.state
            for engagement in state.engagements.values.sorted(by: { $0.id < $1.id }) where hits.count < wanted {
                let text = engagement.title + (engagement.purpose.isEmpty ? "" : " — " + engagement.purpose)
                guard SearchCorpus.occurs(needle, in: Array(SearchCorpus.fold(text).utf8)) else { continue }
                keep {
                    SearchHit(
                        desk: name, sequence: nil, at: engagement.opened.instant, when: engagement.opened.display,
                        kind: "engagement", text: text, engagement: engagement.id, retracted: false)
                }
            }
            guard hits.count < wanted else { break }
            let index: SearchIndex
            if view.isRedacted {
                // Per reader, and held in memory already: scanned, not indexed.
                index = SearchIndex(
                    entries: try await view.entries(from: ledger.store, desk: name).map {
                        SearchCorpus.Entry(sequence: $0.sequence, event: $0.event)
                    }, indexed: false)
            } else {
                index = try await searchCorpus.index(of: name, version: view.version, zone: state.zone) { from in
                    try await ledger.store.read(desk: name, from: from).map { ($0.sequence, try $0.decoded()) }
                }
            }
            for entry in index.matching(needle, limit: offset - skipped + wanted - hits.count) {
                keep {
                    SearchHit(
                        desk: name, sequence: entry.sequence, at: entry.at, when: entry.when(in: state.zone),
                        kind: entry.type, text: entry.text,
                        engagement: entry.engagement.flatMap { state.engagements[$0] != nil ? $0 : nil },
                        retracted: state.log.retracted[entry.sequence] != nil)
                }
            }
        }
        return SearchResult(
            query: query, offset: offset, hits: Array(hits.prefix(Self.searchLimit)),
            truncated: hits.count > Self.searchLimit)
    }
}
