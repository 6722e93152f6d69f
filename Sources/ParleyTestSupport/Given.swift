import Foundation
import ParleyDesk

/// Desk tests read as given events, when a command, then events or an error.
public struct Given: Sendable {
    /// The desk the given events build.
    public let state: DeskState

    /// A desk built from `events`.
    public init(_ events: [DeskEvent]) { state = DeskState.folding(events) }

    /// A desk already folded.
    public static func on(_ state: DeskState) -> Given { Given(state: state) }

    private init(state: DeskState) { self.state = state }

    /// What the desk decides about `command` at `now`.
    public func when(_ command: DeskCommand, now: Date = Fixtures.opened.instant) -> Result<[DeskEvent], DeskError> {
        Result { () throws(DeskError) in try state.decide(command, now: now, as: .all) }
    }
}

extension Result where Success == [DeskEvent], Failure == DeskError {
    /// The refusal, or nil when the command was accepted.
    public var refusal: DeskError? {
        if case .failure(let error) = self { return error }
        return nil
    }

    /// The events, or nil when the command was refused.
    public var events: [DeskEvent]? {
        if case .success(let events) = self { return events }
        return nil
    }
}
