import Foundation

/// `PlaybookDefined`, version 2: a playbook's id, name, engagement and steps; starting, tries and stopping
/// are events of their own.
struct PlaybookDefinedPayload: DeskPayload {
    static let type = "PlaybookDefined"
    static let version = 2

    /// One step as the log writes it.
    struct Step: Codable, Sendable, Equatable {
        /// The channel to try.
        var channel: String
        /// Minutes to wait for an answer after each try.
        var wait: Int
        /// How many tries on this channel.
        var repeats: Int
    }

    /// The playbook's id.
    var id: String
    /// Its name.
    var name: String
    /// The engagement it serves.
    var engagement: String
    /// Its steps, in order.
    var steps: [Step]

    func fact() throws -> DeskEvent.Fact { .playbookDefined(playbook) }

    /// The desk's playbook, not yet started.
    var playbook: Playbook {
        Playbook(
            id: Playbook.ID(id), name: name, engagement: Engagement.ID(engagement),
            steps: steps.map {
                PlaybookStep(channel: Channel.ID($0.channel), wait: Minutes($0.wait), repeats: $0.repeats)
            })
    }
}

extension PlaybookDefinedPayload {
    /// The payload of defining `playbook` (its run is not part of it).
    init(_ playbook: Playbook) {
        id = playbook.id.rawValue
        name = playbook.name
        engagement = playbook.engagement.rawValue
        steps = playbook.steps.map { Step(channel: $0.channel.rawValue, wait: $0.wait.value, repeats: $0.repeats) }
    }
}
