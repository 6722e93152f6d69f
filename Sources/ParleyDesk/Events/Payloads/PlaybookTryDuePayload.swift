import Foundation

/// `PlaybookTryDue`, version 1: which playbook, and the try that came due.
struct PlaybookTryDuePayload: DeskPayload {
    static let type = "PlaybookTryDue"
    static let version = 1

    /// The playbook.
    var playbook: String
    /// The try.
    var `try`: WirePlaybookTry

    func fact() throws -> DeskEvent.Fact { .playbookTryDue(Playbook.ID(playbook), `try`.value) }
}
