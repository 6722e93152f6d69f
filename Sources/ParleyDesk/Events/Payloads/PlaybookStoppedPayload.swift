import Foundation

/// `PlaybookStopped`, version 1: which playbook, when it stopped and why.
struct PlaybookStoppedPayload: DeskPayload {
    static let type = "PlaybookStopped"
    static let version = 1

    /// The playbook.
    var playbook: String
    /// When and why it stopped.
    var stop: WirePlaybookStop

    func fact() throws -> DeskEvent.Fact { .playbookStopped(Playbook.ID(playbook), stop.value) }
}
