import Foundation

/// What a person supplies to move an engagement, from the web form or `POST /engagements/{id}/move`.
public struct MoveInput: Decodable, Sendable, Equatable {
    /// The state to move to.
    public var to: String
    /// When; now when missing.
    public var at: String?
    /// Who moved it.
    public var by: String
    /// Why.
    public var reason: String
    /// On confirmation, the slot both sides agreed, if known.
    public var slot: SlotInput.Terms?

    /// The input as typed.
    public init(to: String, at: String?, by: String, reason: String, slot: SlotInput.Terms? = nil) {
        self.to = to
        self.at = at
        self.by = by
        self.reason = reason
        self.slot = slot
    }

    /// The command it asks for: moving `engagement` on `state` at `now`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(_ engagement: Engagement.ID, on state: DeskState, now: Date) throws(DeskError)
        -> DeskCommand
    {
        .moveEngagement(
            MoveEngagement(
                engagement: engagement, to: try InputText.choice(to, field: "to"),
                at: try InputText.reportedTime(at, field: "at", on: state, now: now), by: by, reason: reason,
                slot: try slot.map { (terms) throws(DeskError) in
                    try SlotInput(start: terms.start, duration: terms.duration, venue: terms.venue, at: nil)
                        .terms(on: state, prefix: "slot.")
                }))
    }
}
