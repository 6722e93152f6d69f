/// A Solomon-based TOPTW benchmark instance (Righini & Salani; Montemanni & Gambardella format).
///
/// Times are scaled by 10 so that every quantity is a whole number held exactly in a `Double`:
/// coordinates have two decimals and travel times are Euclidean distances truncated to one decimal.
public struct TOPTWInstance: Sendable {
    /// The instance's name (`c101`).
    public let name: String
    /// Vertex 0 is the depot; 1…N are customers.
    public let x: [Double]
    /// Y coordinates, as x.
    public let y: [Double]
    /// Service durations (scaled).
    public let duration: [Double]
    /// Scores.
    public let score: [Double]
    /// Earliest service starts (scaled).
    public let open: [Double]
    /// Latest service starts (scaled); the depot's is the tour budget.
    public let close: [Double]

    /// The scale applied to every time.
    public static let timeScale = 10.0

    /// A reading error with the line it was found on.
    public struct FormatError: Error, Equatable, CustomStringConvertible {
        /// 1-based line.
        public let line: Int
        /// What was wrong.
        public let reason: String
        /// `line N: reason`.
        public var description: String { "line \(line): \(reason)" }
    }

    /// Parses the text of an instance file.
    /// - Throws: `FormatError` naming the line of the first problem.
    public init(name: String, text: String) throws(FormatError) {
        self.name = name
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().map {
            (number: $0.offset + 1, fields: $0.element.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }))
        }.filter { !$0.fields.isEmpty }
        guard let header = lines.first else { throw FormatError(line: 1, reason: "the file is empty") }
        guard header.fields.count >= 3, let customers = Int(header.fields[2]), customers > 0 else {
            throw FormatError(line: header.number, reason: "expected 'k v N t' with N the number of customers")
        }
        let vertexLines = lines.dropFirst(2)
        guard vertexLines.count >= customers + 1 else {
            throw FormatError(
                line: (lines.last?.number ?? 1) + 1,
                reason:
                    "expected \(customers + 1) vertex lines (depot and \(customers) customers), found \(vertexLines.count)"
            )
        }
        var x: [Double] = []
        var y: [Double] = []
        var duration: [Double] = []
        var score: [Double] = []
        var open: [Double] = []
        var close: [Double] = []
        for (index, line) in vertexLines.prefix(customers + 1).enumerated() {
            guard line.fields.count >= 7 else {
                throw FormatError(
                    line: line.number, reason: "expected 'i x y d S f a … O C', found \(line.fields.count) fields")
            }
            var numbers: [Double] = []
            for field in line.fields {
                guard let value = Double(field), value.isFinite else {
                    throw FormatError(line: line.number, reason: "expected a number, found '\(field)'")
                }
                numbers.append(value)
            }
            guard Int(numbers[0]) == index else {
                throw FormatError(line: line.number, reason: "expected vertex \(index), found \(line.fields[0])")
            }
            let (earliest, latest) = (numbers[numbers.count - 2], numbers[numbers.count - 1])
            guard earliest <= latest, numbers[3] >= 0 else {
                throw FormatError(
                    line: line.number, reason: "the window closes before it opens or the duration is negative")
            }
            x.append(numbers[1])
            y.append(numbers[2])
            duration.append(numbers[3] * Self.timeScale)
            score.append(numbers[4])
            open.append(earliest * Self.timeScale)
            close.append(latest * Self.timeScale)
        }
        (self.x, self.y, self.duration, self.score, self.open, self.close) = (x, y, duration, score, open, close)
    }

    /// The number of customers.
    public var customerCount: Int { x.count - 1 }

    /// Travel time between vertices: the Euclidean distance truncated to one decimal, scaled.
    public func travel(_ from: Int, _ to: Int) -> Double {
        // Coordinates have two decimals: work in hundredths so the truncation is exact.
        let dx = Int64(((x[from] - x[to]) * 100).rounded())
        let dy = Int64(((y[from] - y[to]) * 100).rounded())
        let squared = dx * dx + dy * dy  // in units of 1e-4
        // floor(10 · sqrt(squared) / 100) = floor(sqrt(squared / 100)) = isqrt(squared / 100).
        return Double(Self.integerSquareRoot(squared / 100))
    }

    /// The planning problem with `tours` identical tours from and to the depot within its window.
    public func problem(tours: Int) -> PlanningProblem {
        let count = x.count
        let matrix = (0..<count).map { from in (0..<count).map { to in travel(from, to) } }
        let items = (1..<count).map { vertex in
            PlanItem(
                location: vertex, duration: duration[vertex], score: score[vertex],
                windows: [open[vertex]...close[vertex]])
        }
        let tour = Tour(start: 0, end: 0, earliestStart: open[0], latestEnd: close[0])
        return PlanningProblem(tours: Array(repeating: tour, count: tours), items: items, travel: matrix)
    }

    private static func integerSquareRoot(_ value: Int64) -> Int64 {
        var root = Int64(Double(value).squareRoot())
        while root * root > value { root -= 1 }
        while (root + 1) * (root + 1) <= value { root += 1 }
        return root
    }
}
