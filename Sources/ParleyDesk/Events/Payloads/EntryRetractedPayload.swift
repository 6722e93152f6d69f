import Foundation

/// `EntryRetracted`, version 1: the number of the entry taken back, its event type, and why.
struct EntryRetractedPayload: DeskPayload {
    static let type = "EntryRetracted"
    static let version = 1

    /// The retracted entry's sequence in the log.
    var entry: Int64
    /// Its event type.
    var type: String
    /// Why it was taken back.
    var reason: String

    /// The payload of `retraction`.
    init(_ retraction: Retraction) {
        entry = retraction.entry
        type = retraction.type
        reason = retraction.reason
    }

    func fact() throws -> DeskEvent.Fact {
        guard entry > 0 else { throw PayloadValueError(field: "entry", found: "\(entry)") }
        return .entryRetracted(Retraction(entry: entry, type: type, reason: reason))
    }
}
