/// One desk's searchable entries with an index of the three-byte runs (trigrams) in their folded text, so
/// a query reads only the entries that hold every trigram of it instead of every entry of the desk.
///
/// Scanning 40 000 entries cost about 2.8 ms of CPU per query (20 desks of 2 000 events), too much for
/// 32 readers at once. A trigram is a hint, not a match: each candidate is still checked byte by byte.
struct SearchIndex: Sendable {
    /// The entries, in log order.
    private(set) var entries: [SearchCorpus.Entry] = []
    /// For each trigram (three bytes packed into the low 24 bits), the entries holding it, ascending.
    private var postings: [UInt32: [Int32]] = [:]
    /// Whether `postings` is kept: an index is worth building only for entries kept across queries.
    let indexed: Bool

    /// An index of `entries`, or (when `indexed` is false) a plain list that every query scans.
    init(entries: [SearchCorpus.Entry] = [], indexed: Bool) {
        self.indexed = indexed
        for entry in entries { append(entry) }
    }

    /// Adds an entry after the others.
    mutating func append(_ entry: SearchCorpus.Entry) {
        let position = Int32(entries.count)
        entries.append(entry)
        guard indexed else { return }
        for trigram in Set(Self.trigrams(of: entry.folded)) { postings[trigram, default: []].append(position) }
    }

    /// The entries whose folded text contains `needle` (folded UTF-8), in log order, at most `limit`.
    func matching(_ needle: [UInt8], limit: Int) -> [SearchCorpus.Entry] {
        guard limit > 0 else { return [] }
        var found: [SearchCorpus.Entry] = []
        func check(_ entry: SearchCorpus.Entry) -> Bool {
            if SearchCorpus.occurs(needle, in: entry.folded) { found.append(entry) }
            return found.count < limit
        }
        guard indexed, needle.count >= 3 else {
            for entry in entries where !check(entry) { break }
            return found
        }
        var lists: [[Int32]] = []
        for trigram in Set(Self.trigrams(of: needle)) {
            guard let list = postings[trigram] else { return [] }
            lists.append(list)
        }
        // Rarest first: the running intersection only shrinks.
        lists.sort { $0.count < $1.count }
        var candidates = lists[0]
        for list in lists.dropFirst() where !candidates.isEmpty {
            candidates = Self.intersection(candidates, list)
        }
        for position in candidates where !check(entries[Int(position)]) { break }
        return found
    }

    /// The trigrams of `bytes`, in order, repeats included.
    static func trigrams(of bytes: [UInt8]) -> [UInt32] {
        guard bytes.count >= 3 else { return [] }
        return (0...(bytes.count - 3)).map {
            UInt32(bytes[$0]) << 16 | UInt32(bytes[$0 + 1]) << 8 | UInt32(bytes[$0 + 2])
        }
    }

    /// The positions in both ascending lists, ascending.
    static func intersection(_ small: [Int32], _ large: [Int32]) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(small.count)
        var index = large.startIndex
        for position in small {
            // Gallop: the large list is skipped through, not walked, when the small one is sparse.
            var step = 1
            var low = index
            while low + step < large.endIndex, large[low + step] < position {
                low += step
                step *= 2
            }
            var high = min(low + step, large.endIndex)
            while low < high {
                let middle = (low + high) / 2
                if large[middle] < position { low = middle + 1 } else { high = middle }
            }
            index = low
            guard index < large.endIndex else { break }
            if large[index] == position { result.append(position) }
        }
        return result
    }
}
