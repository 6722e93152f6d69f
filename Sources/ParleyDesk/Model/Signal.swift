/// A statement, report or observation bearing on an engagement, with who said it, who passed it on,
/// its stance and its grade.
public struct Signal: Hashable, Sendable, Codable, Identifiable {
    /// A signal's id.
    public typealias ID = Identifier<Signal>
    /// The slug that names it.
    public var id: ID
    /// The engagement it bears on, if any.
    public var engagement: Engagement.ID?
    /// When it was said or observed.
    public var at: ZonedTime
    /// What it says, in the desk's words.
    public var summary: String
    /// A short quote, attributed by the chain, if there is one.
    public var quote: String?
    /// The original speaker or source first, then each outlet that relayed it, in order.
    public var attribution: [String]
    /// Its bearing on the meeting.
    public var stance: Stance
    /// How far to trust it.
    public var grade: AdmiraltyGrade
    /// Whose stance it carries.
    public var side: SignalSide

    /// A graded, attributed signal.
    public init(
        id: ID, engagement: Engagement.ID?, at: ZonedTime, summary: String, quote: String?, attribution: [String],
        stance: Stance, grade: AdmiraltyGrade, side: SignalSide = .counterpart
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
}
