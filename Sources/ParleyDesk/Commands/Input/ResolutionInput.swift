import Foundation

/// What a person supplies to mark a deadline met or missed, from `POST /deadlines/{id}/resolve`.
public struct ResolutionInput: Decodable, Sendable, Equatable {
    /// `met`, `missed` or `waived`.
    public var status: String
    /// When; now when missing.
    public var at: String?
    /// A note.
    public var note: String?

    /// The input as typed.
    public init(status: String, at: String?, note: String?) {
        self.status = status
        self.at = at
        self.note = note
    }

    /// The command it asks for: resolving `deadline` on `state` at `now`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(_ deadline: Deadline.ID, on state: DeskState, now: Date) throws(DeskError) -> DeskCommand {
        .resolveDeadline(
            ResolveDeadline(
                deadline: deadline, status: try InputText.choice(status, field: "status"),
                at: try InputText.time(at, field: "at", on: state, now: now), note: note ?? ""))
    }
}
