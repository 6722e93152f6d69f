import Foundation
import ParleyDesk
import ParleyStore
import Synchronization

/// Each whole desk's entries in the form search reads them, kept by version and extended as the log grows.
///
/// A search read and decoded every desk's log and put every entry into words on each query (1.25 s at 20
/// desks of 2 000 events). Kept here per desk: each entry's summary, folded once for matching (case and
/// diacritics), with what a hit shows. A newer version reads only the events after the kept ones.
final class SearchCorpus: Sendable {
    /// One entry, ready to match.
    struct Entry: Sendable {
        let sequence: Int64
        /// The summary folded for matching, as UTF-8.
        let folded: [UInt8]
        let text: String
        let at: Date
        let type: String
        let engagement: Engagement.ID?
        /// `at` as pages show it in `zone`, written once: a page of hits would otherwise write 200 times.
        let shown: (zone: TimeZoneID, text: String)?

        /// The entry for `event` at `sequence`, its time written for `zone` when given.
        init(sequence: Int64, event: DeskEvent, zone: TimeZoneID? = nil) {
            self.init(
                sequence: sequence, text: event.summary, at: event.at, type: event.type, engagement: event.engagement,
                zone: zone)
        }

        /// An entry saying `text`.
        init(sequence: Int64, text: String, at: Date, type: String, engagement: Engagement.ID?, zone: TimeZoneID? = nil)
        {
            self.sequence = sequence
            self.text = text
            folded = Array(SearchCorpus.fold(text).utf8)
            self.at = at
            self.type = type
            self.engagement = engagement
            shown = zone.map { ($0, ZonedTime.display(at, in: $0)) }
        }

        /// `at` as pages show it in `zone`.
        func when(in zone: TimeZoneID) -> String {
            if let shown, shown.zone == zone { return shown.text }
            return ZonedTime.display(at, in: zone)
        }
    }

    private let kept = Mutex<[String: (version: Int64, index: SearchIndex)]>([:])
    private let turns = StreamTurns()
    /// The most desks kept.
    static let capacity = 256

    /// Text folded as search compares it: without case or diacritics.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Whether `needle` occurs in `haystack` (both folded UTF-8): bytes compared directly, which is what
    /// makes a search over every entry of every desk take milliseconds, not tens of them.
    static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                var start = 0
                let last = hay.count - pin.count
                while start <= last {
                    if hay[start] == first {
                        var offset = 1
                        while offset < pin.count && hay[start + offset] == pin[offset] { offset += 1 }
                        if offset == pin.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    /// The whole of `desk` at `version`, indexed, with new entries' times written for `zone`; `read(from)`
    /// gives its decoded events from a sequence on.
    func index(
        of desk: String, version: Int64, zone: TimeZoneID,
        read: (Int64) async throws -> [(sequence: Int64, event: DeskEvent)]
    ) async throws -> SearchIndex {
        if let kept = kept.withLock({ $0[desk] }), kept.version == version { return kept.index }
        // One builder at a time per desk, so readers arriving together read and index it once.
        await turns.begin(desk)
        defer { turns.end(desk) }
        let previous = kept.withLock { $0[desk] }
        var index = previous.flatMap { $0.version <= version ? $0.index : nil } ?? SearchIndex(indexed: true)
        let known = previous.flatMap { $0.version <= version ? $0.version : nil } ?? 0
        guard known < version else { return index }
        for (sequence, event) in try await read(known + 1) where sequence <= version {
            index.append(Entry(sequence: sequence, event: event, zone: zone))
        }
        let result = index
        kept.withLock { kept in
            if kept[desk] == nil, kept.count >= Self.capacity, let evicted = kept.keys.first { kept[evicted] = nil }
            if (kept[desk]?.version ?? 0) < version { kept[desk] = (version, result) }
        }
        return result
    }
}
