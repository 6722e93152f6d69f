import Foundation

extension DeskEvent {
    /// What a person is told of this event where they look (a webhook, a notification): the titles and
    /// names the desk knows them by and times in their own zones, not ids (`summary` is the log's view).
    public func notice(in state: DeskState) -> String {
        switch fact {
        case .deadlineAlarmRaised(let id, let lead):
            guard let deadline = state.deadlines[id] else { return summary }
            return "Deadline “\(deadline.title)”\(Self.about(deadline.engagement, in: state)) is due "
                + "\(deadline.due.display): \(lead) left"
        case .deadlineResolved(let id, let status, _, let note):
            guard let deadline = state.deadlines[id] else { return summary }
            return "Deadline “\(deadline.title)”\(Self.about(deadline.engagement, in: state)), due "
                + "\(deadline.due.display): \(status.rawValue)" + (note.isEmpty ? "" : " (\(note))")
        case .playbookTryDue(let id, let due):
            guard let playbook = state.playbooks[id] else { return summary }
            let channel = state.channels[due.channel]?.name ?? due.channel.rawValue
            return "Playbook “\(playbook.name)”\(Self.about(playbook.engagement, in: state)): try \(channel) now "
                + "(step \(due.step.countedFromOne), try \(due.repetition.countedFromOne)), "
                + ZonedTime.display(due.at, in: state.zone)
        case .messageReceived(let message):
            let party = state.parties[message.from]?.name ?? message.from.rawValue
            let channel = message.channel.map { " by " + (state.channels[$0]?.name ?? $0.rawValue) } ?? ""
            return "Message from \(party)\(channel)\(Self.about(message.engagement, in: state)), "
                + "\(message.at.display): \(message.summary)"
        case .engagementMoved(let id, let move):
            let title = state.engagements[id]?.title ?? id.rawValue
            return "“\(title)” moved from \(move.from.rawValue) to \(move.to.rawValue), \(move.at.display)"
                + (move.reason.isEmpty ? "" : ": \(move.reason)")
        default:
            return summary
        }
    }

    private static func about(_ engagement: Engagement.ID?, in state: DeskState) -> String {
        guard let engagement else { return "" }
        return " for “\(state.engagements[engagement]?.title ?? engagement.rawValue)”"
    }
}
