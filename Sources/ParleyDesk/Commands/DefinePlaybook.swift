import Foundation

/// Add an escalation playbook: its steps only; starting, tries and stopping are commands of their own.
public struct DefinePlaybook: Sendable, Equatable {
    /// The playbook's id.
    public var id: Playbook.ID
    /// Its name.
    public var name: String
    /// The engagement it serves.
    public var engagement: Engagement.ID
    /// Its steps, in order.
    public var steps: [PlaybookStep]

    /// The input of `playbook`, without its run.
    public init(_ playbook: Playbook) {
        id = playbook.id
        name = playbook.name
        engagement = playbook.engagement
        steps = playbook.steps
    }

    /// The playbook it defines, not started.
    public var playbook: Playbook { Playbook(id: id, name: name, engagement: engagement, steps: steps) }
}
