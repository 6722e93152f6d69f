import Testing

@testable import ParleyServer

/// How search matches folded text.
@Suite("Search matching")
struct SearchCorpusTests {
    @Test(
        "a folded text occurs where it does, at the start, the end, overlapping a near miss, and never past the end",
        arguments: [
            ("", "abc", true), ("abc", "abc", true), ("c", "abc", true), ("aab", "aaab", true),
            ("abd", "abc", false), ("abcd", "abc", false), ("zurich", SearchCorpus.fold("ZÜRICH relay"), true),
        ])
    func occurs(needle: String, haystack: String, found: Bool) {
        #expect(SearchCorpus.occurs(Array(needle.utf8), in: Array(haystack.utf8)) == found)
    }
}
