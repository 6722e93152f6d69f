import Foundation

/// `SignalRecorded`, version 2: a signal's id, engagement, time, summary, quote, sources, stance, grade and
/// whose stance it carries.
struct SignalRecordedPayload: DeskPayload {
    static let type = "SignalRecorded"
    static let version = 2

    /// The signal's id.
    var id: String
    /// The engagement it bears on, if any.
    var engagement: String?
    /// When it was said or seen.
    var at: WireZonedTime
    /// What it says, in the desk's words.
    var summary: String
    /// The words themselves, if quoted.
    var quote: String?
    /// Who said it and who reported it.
    var attribution: [String]
    /// The stance it shows.
    var stance: String
    /// The Admiralty grade (source reliability and credibility), such as `B2`.
    var grade: String
    /// Whose stance it carries: `counterpart`, `ours` or `third-party`.
    var side: String

    /// The payload as stored.
    init(
        id: String, engagement: String?, at: WireZonedTime, summary: String, quote: String?, attribution: [String],
        stance: String, grade: String, side: String
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

    /// The payload of recording `signal`.
    init(_ signal: Signal) {
        id = signal.id.rawValue
        engagement = signal.engagement?.rawValue
        at = WireZonedTime(signal.at)
        summary = signal.summary
        quote = signal.quote
        attribution = signal.attribution
        stance = signal.stance.rawValue
        grade = signal.grade.description
        side = signal.side.rawValue
    }

    func fact() throws -> DeskEvent.Fact {
        .signalRecorded(
            Signal(
                id: Signal.ID(id), engagement: engagement.map { Engagement.ID($0) }, at: try at.value(field: "at"),
                summary: summary, quote: quote, attribution: attribution,
                stance: try WireValue.token(stance, field: "stance"), grade: try WireValue.grade(grade, field: "grade"),
                side: try WireValue.token(side, field: "side"))
        )
    }
}
