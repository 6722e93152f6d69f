/// A command the desk refused, saying what was refused and why.
///
/// Each case knows the field it is about (named as in scenario files and the API) and, where the
/// command covers several items, the id of the item, so that a front end can point at the right place.
public enum DeskError: CategorizedError, Equatable, Sendable {
    /// A value had the wrong form or was out of range.
    case invalidValue(field: String, expected: String, found: String)
    /// An id named something the desk does not hold.
    case unknownReference(field: String, kind: String, id: String)
    /// An id was given to a second thing of the same kind.
    case duplicateID(kind: String, id: String)
    /// The engagement lifecycle does not allow this move.
    case illegalTransition(engagement: Engagement.ID, from: EngagementState, to: EngagementState)
    /// Advance-task dependencies would form a cycle, listed in order, the first repeated at the end.
    case dependencyCycle([AdvanceTask.ID])
    /// The desk has already been opened; a desk opens once.
    case deskAlreadyOpened(String)
    /// Nothing can be recorded before the desk is opened.
    case deskNotOpened
    /// A deadline that is already met or missed cannot be resolved again.
    case deadlineAlreadyResolved(Deadline.ID, DeadlineStatus)
    /// A date range ends before it starts.
    case invertedRange(field: String, from: String, to: String)

    /// Every refusal is the user's to fix.
    public var category: ErrorCategory { .user }

    /// The field (scenario or API name) the refusal is about, if one.
    public var field: String? {
        switch self {
        case .invalidValue(let field, _, _), .unknownReference(let field, _, _), .invertedRange(let field, _, _):
            // An empty name: the refusal is about the request as a whole (an amendment that changes nothing).
            field.isEmpty ? nil : field
        case .duplicateID: "id"
        case .illegalTransition: "to"
        case .dependencyCycle: "depends_on"
        case .deadlineAlreadyResolved: "status"
        case .deskAlreadyOpened, .deskNotOpened: nil
        }
    }

    /// The id of the item within a multi-item command that the refusal is about, if one.
    public var itemID: String? {
        switch self {
        case .dependencyCycle(let cycle): cycle.first?.rawValue
        case .duplicateID(_, let id): id
        default: nil
        }
    }

    /// One line: what was refused and why.
    public var message: String {
        switch self {
        case .invalidValue(let field, let expected, let found):
            (field.isEmpty ? "" : "\(field): ") + "expected \(expected), found '\(found)'"
        case .unknownReference(let field, let kind, let id):
            "\(field): no \(kind) with id '\(id)' on this desk"
        case .duplicateID(let kind, let id):
            "id: a \(kind) with id '\(id)' already exists"
        case .illegalTransition(let engagement, let from, let to):
            "engagement '\(engagement)' is \(from.label) and cannot move to \(to.label); allowed from \(from.label): "
                + (from.allowedTargets.isEmpty
                    ? "none (final state)" : from.allowedTargets.map(\.label).joined(separator: ", "))
        case .dependencyCycle(let cycle):
            "depends_on: advance tasks would depend on each other in a cycle: "
                + cycle.map(\.rawValue).joined(separator: " → ")
        case .deskAlreadyOpened(let name):
            "desk '\(name)' is already open"
        case .deskNotOpened:
            "the desk has not been opened yet"
        case .deadlineAlreadyResolved(let id, let status):
            "deadline '\(id)' is already \(status.rawValue)"
        case .invertedRange(let field, let from, let to):
            "\(field): the range ends (\(to)) before it starts (\(from))"
        }
    }
}
