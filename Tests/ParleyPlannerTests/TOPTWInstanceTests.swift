import Foundation
import ParleyPlanner
import Testing

private let valid = """
    4 10 2 1
    0 200
      0 40.00 50.00 0.00 0.00 0 0 0 1236
      1 45.00 68.00 90.00 10.00 1 1 1 912 967
      2 45.00 70.00 90.00 30.00 1 1 1 825 870
    """

@Suite("TOPTW instance reader")
struct TOPTWInstanceTests {
    @Test("reads the format and truncates distances to one decimal, scaled by 10")
    func reads() throws {
        let instance = try TOPTWInstance(name: "c101", text: valid)
        #expect(instance.customerCount == 2)
        // hypot(5, 18) = 18.68… → 18.6 → 186 in tenths.
        #expect(instance.travel(0, 1) == 186)
        // hypot(0, 2) = 2 exactly: truncation must not drop it to 1.9.
        #expect(instance.travel(1, 2) == 20)
        let problem = instance.problem(tours: 3)
        #expect(problem.tours.count == 3)
        #expect(problem.tours[0].latestEnd == 12_360)
        #expect(problem.items[1].windows == [8250...8700])
        #expect(problem.items[1].score == 30)
    }

    @Test(
        "malformed files are refused with the line of the problem",
        arguments: [
            ("", 1, "the file is empty"),
            ("4 10\n0 200\n", 1, "expected 'k v N t'"),
            (
                valid.replacingOccurrences(of: "45.00 70.00", with: "45.00 seventy"), 5,
                "expected a number, found 'seventy'"
            ),
            (valid.replacingOccurrences(of: "  2 45.00", with: "  3 45.00"), 5, "expected vertex 2, found 3"),
            (valid.replacingOccurrences(of: "1 1 1 912 967", with: "1 1 1 967 912"), 4, "closes before it opens"),
            (
                valid.replacingOccurrences(of: "  1 45.00 68.00 90.00 10.00 1 1 1 912 967", with: "  1 45.00 68.00"), 4,
                "found 3 fields"
            ),
            (String(valid.split(separator: "\n").dropLast().joined(separator: "\n")), 5, "expected 3 vertex lines"),
        ])
    func malformed(text: String, line: Int, reason: String) {
        #expect {
            try TOPTWInstance(name: "bad", text: text)
        } throws: { error in
            guard let error = error as? TOPTWInstance.FormatError else { return false }
            return error.line == line && error.reason.contains(reason)
        }
    }
}
