import Foundation

/// What a person supplies to start a playbook, from the web form or `POST /playbooks/{id}/start`.
public struct PlaybookStartInput: Decodable, Sendable, Equatable {
    /// When; now when missing.
    public var at: String?

    /// The input as typed.
    public init(at: String?) { self.at = at }

    /// The command it asks for: starting `playbook` on `state` at `now`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(_ playbook: Playbook.ID, on state: DeskState, now: Date) throws(DeskError) -> DeskCommand {
        .startPlaybook(playbook, at: try InputText.time(at, field: "at", on: state, now: now))
    }
}
