import ParleyDesk
import Testing

/// Scenario files whose shape alone would make reading them exhaust time or memory are refused at once,
/// with the place in the file (issue 12, item 3).
@Suite("Scenario file shapes")
struct ScenarioShapeTests {
    /// The billion-laughs shape with aliases used as mapping keys: exponential in the nesting depth.
    private static let nestedAliasKeys: String = {
        var lines = ["a0: &a0 [x, x]"]
        for level in 1...20 {
            lines.append("a\(level): &a\(level) {*a\(level - 1): 1, ? [*a\(level - 1), *a\(level - 1)] : 2}")
        }
        return lines.joined(separator: "\n")
    }()

    @Test("nested aliases used as mapping keys are refused at the first alias, without composing the file")
    func nestedAliases() {
        #expect(throws: ScenarioError.self) { try ScenarioReader.read(Self.nestedAliasKeys, file: "laughs.yaml") }
        do {
            _ = try ScenarioReader.read(Self.nestedAliasKeys, file: "laughs.yaml")
        } catch {
            #expect(error.message.hasPrefix("laughs.yaml:1:5:"))
            #expect(error.reason.contains("not allowed in scenario files"))
        }
    }

    @Test(
        "an anchor or alias anywhere is refused with its line",
        arguments: [
            ("desk: &d\n  name: x\n", 1), ("desk:\n  name: &n x\n", 2), ("a: [1]\nb: *a\n", 2),
            ("list: &l [1, 2]\n", 1),
        ])
    func anchorsAndAliases(text: String, line: Int) {
        do {
            _ = try ScenarioReader.read(text, file: "f.yaml")
            Issue.record("accepted a file with an anchor or alias")
        } catch {
            #expect(error.line == line)
            #expect(error.reason.contains("not allowed"))
        }
    }

    @Test("nesting deeper than any scenario needs is refused instead of recursing")
    func deepNesting() {
        for depth in [60, 100_000] {
            let text = "desk: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            do {
                _ = try ScenarioReader.read(text, file: "deep.yaml")
                Issue.record("accepted \(depth) levels of nesting")
            } catch {
                #expect(error.reason.contains("nest"), "\(error.message)")
            }
        }
    }

    @Test("an ampersand or asterisk inside text is not an anchor")
    func textWithIndicators() {
        let text =
            "desk:\n  name: test\n  title: \"Tom & Jerry *live*\"\n  zone: Asia/Seoul\n  opened: 2019-06-28 20:00\n"
        #expect(throws: Never.self) { try ScenarioReader.read(text, file: "ok.yaml") }
    }
}
