/// A scenario file that cannot be imported, with the place in the file and what was wrong there.
public struct ScenarioError: CategorizedError, Equatable {
    /// The file's name as given.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// The field's path in the file (`engagements[1].windows[0].from`), empty for the file as a whole.
    public var field: String
    /// What was expected and what was found, or what was refused and why.
    public var reason: String

    /// A located error.
    public init(file: String, line: Int, column: Int, field: String, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.reason = reason
    }

    /// Always the user's to fix.
    public var category: ErrorCategory { .user }

    /// `file:line:column: field: reason`.
    public var message: String {
        "\(file):\(line):\(column): " + (field.isEmpty ? "" : "\(field): ") + reason
    }
}
