import Foundation

/// Reading values (ids, times) and deciding each command a file implies, with its errors placed at
/// the file's line and field.
extension ScenarioReader {
    func id<Subject>(_ item: YAMLCursor, _ key: String = "id") throws(ScenarioError) -> Identifier<Subject> {
        try item.required(key).parse { (text) throws(DeskError) in try Identifier<Subject>.validated(text, field: key) }
    }

    func identifier<Subject>(_ cursor: YAMLCursor) throws(ScenarioError) -> Identifier<Subject> {
        try cursor.parse { (text) throws(DeskError) in try Identifier<Subject>.validated(text, field: "id") }
    }

    func optionalID<Subject>(_ item: YAMLCursor, _ key: String) throws(ScenarioError) -> Identifier<Subject>? {
        guard let value = item.optional(key) else { return nil }
        return try identifier(value)
    }

    func time(_ cursor: YAMLCursor) throws(ScenarioError) -> ZonedTime {
        let zone = self.zone
        return try cursor.parse { (text) throws(DeskError) in
            try ZonedTime.parse(text, field: cursor.path, defaultZone: zone)
        }
    }

    /// When something was said, tried or moved: a time, or a day or a span of days.
    func reportedTime(_ cursor: YAMLCursor) throws(ScenarioError) -> ZonedTime {
        let zone = self.zone
        return try cursor.parse { (text) throws(DeskError) in
            try ZonedTime.parseReported(text, field: cursor.path, defaultZone: zone)
        }
    }

    /// Decides `command` on the desk read so far and folds in what it yields; answers the numbers of
    /// the entries it recorded.
    @discardableResult
    mutating func run(
        _ command: DeskCommand, at cursor: YAMLCursor, items: [String: YAMLCursor] = [:], now: Date? = nil
    ) throws(ScenarioError) -> [Int64] {
        let first = state.log.nextNumber
        // `known_at`: when the desk learned of it, if later than it happened (a visit reported weeks on).
        let known = try cursor.optional("known_at").map { (known) throws(ScenarioError) in try time(known) }
        do {
            var decided = try state.decide(command, now: now ?? opened, as: .all)  // a file holds the whole desk
            if let known {
                for index in decided.indices {
                    decided[index] = DeskEvent(at: decided[index].at, decided[index].fact, known: known.instant)
                }
            }
            for event in decided { state.apply(event) }
            events += decided
            return (0..<decided.count).map { first + Int64($0) }
        } catch {
            var base = cursor
            if let itemID = error.itemID, let item = items[itemID] { base = item }
            guard let field = error.field else { throw base.error(error.reason) }
            let target = base.locate(field)
            let path = base.path.isEmpty ? field : "\(base.path).\(field)"
            throw ScenarioError(file: file, line: target.line, column: target.column, field: path, reason: error.reason)
        }
    }
}
