import Foundation

extension DeskState {
    /// The item `id` names in `table`, or a refusal naming `field` and the kind of item.
    @discardableResult
    static func requireKnown<Subject, Value>(
        _ id: Identifier<Subject>, in table: [Identifier<Subject>: Value], field: String, kind: String
    ) throws(DeskError) -> Value {
        guard let value = table[id] else { throw .unknownReference(field: field, kind: kind, id: id.rawValue) }
        return value
    }

    /// Refuses an id that is not a slug or is already taken in `table`.
    static func requireNew<Subject, Value>(
        _ id: Identifier<Subject>, in table: [Identifier<Subject>: Value], kind: String
    ) throws(DeskError) {
        _ = try Identifier<Subject>.validated(id.rawValue, field: "id")
        guard table[id] == nil else { throw .duplicateID(kind: kind, id: id.rawValue) }
    }

    /// Refuses `time` earlier than `earlier`, naming `what` it may not precede.
    static func requireNotBefore(_ time: ZonedTime, _ earlier: ZonedTime, field: String, what: String)
        throws(DeskError)
    {
        guard time.instant >= earlier.instant else {
            throw .invalidValue(
                field: field, expected: "a time no earlier than \(what) (\(earlier.display))", found: time.display)
        }
    }
}
