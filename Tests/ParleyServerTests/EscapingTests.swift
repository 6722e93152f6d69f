import Testing

@testable import ParleyServer

/// Text put into markup.
@Suite("Escaping")
struct EscapingTests {
    @Test(
        "the five markup characters are escaped wherever they are, and everything else is kept as it is",
        arguments: [
            ("", ""), ("plain text", "plain text"), ("<b>", "&lt;b&gt;"), ("a & b", "a &amp; b"),
            (#"say "hi""#, "say &quot;hi&quot;"), ("it's", "it&#39;s"), ("Zürich <relay>", "Zürich &lt;relay&gt;"),
            ("한국 & 조선", "한국 &amp; 조선"), ("🇰🇷\"", "🇰🇷&quot;"), ("&amp;", "&amp;amp;"),
        ])
    func escapes(text: String, expected: String) {
        #expect(HTML.escape(text) == expected)
    }
}
