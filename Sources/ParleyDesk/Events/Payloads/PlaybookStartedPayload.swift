import Foundation

/// `PlaybookStarted`, version 1: which playbook, and when it was started.
struct PlaybookStartedPayload: DeskPayload {
    static let type = "PlaybookStarted"
    static let version = 1

    /// The playbook.
    var playbook: String
    /// When it was started.
    var at: WireZonedTime

    func fact() throws -> DeskEvent.Fact { .playbookStarted(Playbook.ID(playbook), at: try at.value(field: "at")) }
}
