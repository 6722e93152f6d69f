import ParleyDesk
import Testing

/// A small valid scenario; the tests below break one line at a time.
private let baseLines = """
    desk:
      name: test
      title: "Test"
      zone: Asia/Seoul
      opened: 2019-06-28 20:00
    parties:
      - id: us
        name: "United States"
      - id: dprk
        name: "DPRK"
    principals:
      - id: trump
        name: "Trump"
        party: us
    venues:
      - id: panmunjom
        name: "Panmunjom"
        latitude: 37.95
        longitude: 126.67
        zone: Asia/Seoul
    engagements:
      - id: dmz
        title: "DMZ"
        principals: [trump]
        counterpart: dprk
        duration: 1h
        venues: [panmunjom]
        opened: 2019-06-28 20:00
        history:
          - to: exploring
            at: 2019-06-29 07:00
            by: "staff"
            reason: "look into it"
    tasks:
      - id: survey
        title: "Survey"
        kind: site-survey
        engagement: dmz
        venue: panmunjom
        duration: 2h
        depends_on: [sweep]
      - id: sweep
        title: "Sweep"
        kind: security-sweep
        engagement: dmz
        venue: panmunjom
        duration: 2h
    signals:
      - id: s1
        engagement: dmz
        at: 2019-06-29 13:00
        summary: "Interesting"
        attribution: ["Choe Son Hui", "KCNA"]
        stance: open
        grade: B2
    """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

private func scenario(replacing line: Int, with text: String) -> String {
    var lines = baseLines
    lines[line - 1] = text
    return lines.joined(separator: "\n")
}

/// One broken line and where and how the error must point.
struct BrokenLine: CustomTestStringConvertible, Sendable {
    let what: String
    let line: Int
    let replacement: String
    let expectedLine: Int
    let expectedColumn: Int
    let field: String
    let reason: String
    var testDescription: String { what }
}

@Suite("Scenario file errors")
struct ScenarioErrorTests {
    @Test("the unbroken scenario imports")
    func baseImports() throws {
        let contents = try ScenarioReader.read(baseLines.joined(separator: "\n"), file: "test.yaml")
        #expect(contents.state.tasks.count == 2)
        #expect(contents.state.engagements["dmz"]?.state == .exploring)
    }

    @Test(
        "each error names file, line, column, field, and what was expected and found",
        arguments: [
            BrokenLine(
                what: "an unknown time zone", line: 20, replacement: "    zone: Asia/Atlantis", expectedLine: 20,
                expectedColumn: 11, field: "venues[0].zone",
                reason: "expected an IANA time zone such as Asia/Seoul, found 'Asia/Atlantis'"),
            BrokenLine(
                what: "a bad grade", line: 55, replacement: "    grade: G7", expectedLine: 55, expectedColumn: 12,
                field: "signals[0].grade",
                reason: "expected an Admiralty grade: source A–F and information 1–6, e.g. B2, found 'G7'"),
            BrokenLine(
                what: "a dangling reference", line: 27, replacement: "    venues: [atlantis]", expectedLine: 27,
                expectedColumn: 13, field: "engagements[0].venues", reason: "no venue with id 'atlantis' on this desk"),
            BrokenLine(
                what: "a dependency cycle", line: 47, replacement: "    duration: 2h\n    depends_on: [survey]",
                expectedLine: 41, expectedColumn: 17, field: "tasks[0].depends_on", reason: "survey → sweep → survey"),
            BrokenLine(
                what: "an illegal history", line: 30, replacement: "      - to: idea", expectedLine: 30,
                expectedColumn: 13, field: "engagements[0].history[0].to",
                reason: "engagement 'dmz' is idea and cannot move to idea"),
            BrokenLine(
                what: "a misspelt field", line: 18, replacement: "    lattitude: 37.95", expectedLine: 18,
                expectedColumn: 5, field: "venues[0]", reason: "unknown field 'lattitude'"),
            BrokenLine(
                what: "an empty attribution chain", line: 53, replacement: "    attribution: []", expectedLine: 53,
                expectedColumn: 18, field: "signals[0].attribution", reason: "the original speaker or source"),
            BrokenLine(
                what: "an impossible time", line: 31, replacement: "        at: 2019-06-29 25:00", expectedLine: 31,
                expectedColumn: 13, field: "engagements[0].history[0].at", reason: "found '2019-06-29 25:00'"),
            BrokenLine(
                what: "a missing required field", line: 13, replacement: "    title: \"President\"", expectedLine: 12,
                expectedColumn: 5, field: "principals[0].name", reason: "missing (required)"),
            BrokenLine(
                what: "a word where a number belongs", line: 19, replacement: "    longitude: east", expectedLine: 19,
                expectedColumn: 16, field: "venues[0].longitude", reason: "expected a number, found 'east'"),
            BrokenLine(
                what: "an unknown state", line: 30, replacement: "      - to: maybe", expectedLine: 30,
                expectedColumn: 13, field: "engagements[0].history[0].to", reason: "expected one of idea, exploring"),
        ])
    func located(broken: BrokenLine) {
        let text = scenario(replacing: broken.line, with: broken.replacement)
        #expect {
            try ScenarioReader.read(text, file: "test.yaml")
        } throws: { error in
            guard let error = error as? ScenarioError else { return false }
            #expect(error.file == "test.yaml")
            #expect(error.line == broken.expectedLine, "\(error.message)")
            #expect(error.column == broken.expectedColumn, "\(error.message)")
            #expect(error.field == broken.field, "\(error.message)")
            #expect(error.reason.contains(broken.reason), "\(error.message)")
            #expect(error.message.hasPrefix("test.yaml:\(error.line):\(error.column): \(broken.field): "))
            return true
        }
    }

    @Test("YAML syntax errors give their line and column")
    func syntax() {
        let text = scenario(replacing: 14, with: "    party: [us")
        #expect {
            try ScenarioReader.read(text, file: "test.yaml")
        } throws: { error in
            guard let error = error as? ScenarioError else { return false }
            return error.reason.hasPrefix("YAML syntax") && error.line >= 14 && error.column >= 1
        }
    }

    @Test("an empty file says so")
    func emptyFile() {
        #expect(throws: ScenarioError(file: "e.yaml", line: 1, column: 1, field: "", reason: "the file is empty")) {
            try ScenarioReader.read("", file: "e.yaml")
        }
    }
}
