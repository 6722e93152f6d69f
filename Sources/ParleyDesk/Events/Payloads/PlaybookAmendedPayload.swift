import Foundation

/// `PlaybookAmended`, version 1: a playbook not yet started, its name and steps after the change, and the
/// amendment.
struct PlaybookAmendedPayload: DeskPayload {
    static let type = "PlaybookAmended"
    static let version = 1

    /// One step as this payload writes it (its own type: stored formats share nothing that could change).
    struct Step: Codable, Sendable, Equatable {
        /// The channel to try.
        var channel: String
        /// Minutes to wait for an answer after each try.
        var wait: Int
        /// How many tries on this channel.
        var repeats: Int
    }

    /// The playbook.
    var playbook: String
    /// Its name.
    var name: String
    /// Its steps, in order.
    var steps: [Step]
    /// When, why, what changed.
    var amendment: WireAmendment

    /// The payload of amending `playbook` to `name` and `steps`.
    init(playbook: Playbook.ID, name: String, steps: [PlaybookStep], amendment: Amendment) {
        self.playbook = playbook.rawValue
        self.name = name
        self.steps = steps.map {
            Step(channel: $0.channel.rawValue, wait: $0.wait.value, repeats: $0.repeats)
        }
        self.amendment = WireAmendment(amendment)
    }

    func fact() throws -> DeskEvent.Fact {
        .playbookAmended(
            Playbook.ID(playbook), name: name,
            steps: steps.map {
                PlaybookStep(channel: Channel.ID($0.channel), wait: Minutes($0.wait), repeats: $0.repeats)
            }, try amendment.value(field: "amendment"))
    }
}
