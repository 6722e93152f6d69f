import Foundation

/// What a person supplies to record the agreed slot, from the web form or `POST /engagements/{id}/slot`.
public struct SlotInput: Decodable, Sendable, Equatable {
    /// When the meeting starts.
    public var start: String
    /// How long it lasts (`90m`, `1h30m`); the engagement's duration when missing.
    public var duration: String?
    /// Where; the engagement's preferred venue when missing.
    public var venue: String?
    /// When it was agreed; now when missing.
    public var at: String?

    /// A slot's start, length and venue as typed, without when it was agreed (a confirmation's own time
    /// says that).
    public struct Terms: Decodable, Sendable, Equatable {
        /// When the meeting starts.
        public var start: String
        /// How long it lasts; the engagement's duration when missing.
        public var duration: String?
        /// Where; the engagement's preferred venue when missing.
        public var venue: String?

        /// Terms as typed.
        public init(start: String, duration: String?, venue: String?) {
            self.start = start
            self.duration = duration
            self.venue = venue
        }
    }

    /// The input as typed.
    public init(start: String, duration: String?, venue: String?, at: String?) {
        self.start = start
        self.duration = duration
        self.venue = venue
        self.at = at
    }

    /// The command it asks for: agreeing the slot of `engagement` on `state` at `now`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(_ engagement: Engagement.ID, on state: DeskState, now: Date) throws(DeskError)
        -> DeskCommand
    {
        .agreeSlot(
            AgreeSlot(
                engagement: engagement, terms: try terms(on: state, prefix: ""),
                at: try InputText.time(at, field: "at", on: state, now: now)))
    }

    /// The terms, with fields named `prefix` + `start`, `duration`, `venue` in errors.
    func terms(on state: DeskState, prefix: String) throws(DeskError) -> SlotTerms {
        SlotTerms(
            start: try InputText.requiredTime(start, field: prefix + "start", on: state),
            duration: try InputText.optional(duration).map { (text) throws(DeskError) in
                try Minutes.parse(text, field: prefix + "duration")
            },
            venue: InputText.optional(venue).map { Venue.ID($0) })
    }
}
