import Foundation
import ParleyTestSupport
import Testing

@testable import ParleyServer

/// The trigram index finds exactly what a scan of every entry finds.
@Suite("Search index")
struct SearchIndexTests {
    /// Entries with the given texts, numbered from 1.
    private static func entries(_ texts: [String]) -> [SearchCorpus.Entry] {
        texts.enumerated().map { offset, text in
            SearchCorpus.Entry(
                sequence: Int64(offset + 1), text: text, at: Date(timeIntervalSince1970: 0), type: "signal-recorded",
                engagement: nil)
        }
    }

    @Test(
        "a query finds the entries holding it, in log order, whatever its length, case or accents",
        arguments: [
            ("hot", [1, 3]), ("hotline", [1]), ("HOTLINE RANG", [1]), ("line rang", [1]), ("zurich", [2]),
            ("ri", [2]), ("x", []), ("ang", [1]), ("rang at", [1]), ("notinhere", []), ("ot", [1, 2, 3, 4]),
        ])
    func finds(query: String, expected: [Int64]) {
        let texts = ["The hotline rang at 21:00", "Zürich relay passed a note", "A hot meal for the crew", "Nothing"]
        let index = SearchIndex(entries: Self.entries(texts), indexed: true)
        let plain = SearchIndex(entries: Self.entries(texts), indexed: false)
        let needle = Array(SearchCorpus.fold(query).utf8)
        #expect(index.matching(needle, limit: 10).map(\.sequence) == expected)
        #expect(plain.matching(needle, limit: 10).map(\.sequence) == expected)
    }

    @Test("over a thousand generated entries, every query of one to six letters finds what a scan finds, up to a limit")
    func agreesWithAScan() {
        var generator = SeededRandom(seed: 16)
        let alphabet = Array("abcde é")
        let texts = (0..<1_000).map { _ in
            String(
                (0..<Int(generator.next() % 30)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        }
        let entries = Self.entries(texts)
        var index = SearchIndex(indexed: true)
        for entry in entries { index.append(entry) }
        for _ in 0..<300 {
            let query = String(
                (0..<(1 + Int(generator.next() % 6))).map { _ in
                    alphabet[Int(generator.next() % UInt64(alphabet.count))]
                })
            let needle = Array(SearchCorpus.fold(query).utf8)
            let scanned = entries.filter { SearchCorpus.occurs(needle, in: $0.folded) }.map(\.sequence)
            #expect(index.matching(needle, limit: 5_000).map(\.sequence) == scanned, "\(query)")
            #expect(index.matching(needle, limit: 3).map(\.sequence) == Array(scanned.prefix(3)), "\(query)")
        }
    }

    @Test(
        "two ascending lists intersect to what both hold",
        arguments: [
            ([1, 5, 9], [0, 1, 2, 3, 4, 5, 6, 7, 8], [1, 5]), ([], [1, 2], []), ([3], [], []),
            ([0, 100, 1_000], Array(0...2_000), [0, 100, 1_000]), ([2_001], Array(0...2_000), []),
        ] as [([Int32], [Int32], [Int32])])
    func intersection(small: [Int32], large: [Int32], expected: [Int32]) {
        #expect(SearchIndex.intersection(small, large) == expected)
    }
}
