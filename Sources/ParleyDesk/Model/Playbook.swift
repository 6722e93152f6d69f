/// An ordered escalation for an engagement: when one channel goes unanswered, move to the next.
public struct Playbook: Hashable, Sendable, Codable, Identifiable {
    /// A playbook's id.
    public typealias ID = Identifier<Playbook>
    /// The slug that names it.
    public var id: ID
    /// What people call it.
    public var name: String
    /// The engagement it serves.
    public var engagement: Engagement.ID
    /// The steps, in order.
    public var steps: [PlaybookStep]

    /// A playbook of steps for an engagement.
    public init(id: ID, name: String, engagement: Engagement.ID, steps: [PlaybookStep]) {
        self.id = id
        self.name = name
        self.engagement = engagement
        self.steps = steps
    }
}
