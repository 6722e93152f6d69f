import Foundation

/// What a person supplies to record a signal, from the web form or `POST /signals`.
public struct SignalInput: Decodable, Sendable, Equatable {
    /// The signal's id; made by the desk when missing.
    public var id: String?
    /// The engagement it bears on, if any.
    public var engagement: String?
    /// When it was said or seen; now when missing.
    public var at: String?
    /// What it says, in the desk's words.
    public var summary: String
    /// The words themselves, if quoted.
    public var quote: String?
    /// Who said it and who reported it.
    public var attribution: [String]
    /// The stance it shows.
    public var stance: String
    /// The Admiralty grade, such as `B2`.
    public var grade: String
    /// Whose stance it carries: `counterpart` (when missing), `ours` or `third-party`.
    public var side: String?

    /// The input as typed.
    public init(
        id: String?, engagement: String?, at: String?, summary: String, quote: String?, attribution: [String],
        stance: String, grade: String, side: String? = nil
    ) {
        self.id = id
        self.engagement = engagement
        self.at = at
        self.summary = summary
        self.quote = quote
        self.attribution = attribution
        self.stance = stance
        self.grade = grade
        self.side = side
    }

    /// The command it asks for, on `state` at `now`; `newID` names the signal when no id was given.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(on state: DeskState, now: Date, newID: String) throws(DeskError) -> DeskCommand {
        .recordSignal(
            Signal(
                id: Signal.ID(InputText.optional(id) ?? newID),
                engagement: InputText.optional(engagement).map { Engagement.ID($0) },
                at: try InputText.reportedTime(at, field: "at", on: state, now: now), summary: summary,
                quote: InputText.optional(quote), attribution: attribution,
                stance: try InputText.choice(stance, field: "stance"),
                grade: try AdmiraltyGrade(parsing: grade, field: "grade"),
                side: try InputText.optional(side).map { (side) throws(DeskError) in
                    try InputText.choice(side, field: "side")
                } ?? .counterpart))
    }
}
