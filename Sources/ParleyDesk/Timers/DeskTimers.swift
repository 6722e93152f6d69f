import Foundation

/// The desk's timers, derived from its log alone.
///
/// Playbook tries that have come due, playbooks to stop, deadline alarms to raise and deadlines to mark
/// missed. Nothing is kept outside the log, so a server restarted (or killed) mid-escalation computes the
/// same due work, and the desk's own rules refuse a try or an alarm recorded twice: each fires exactly once.
public enum DeskTimers {
    /// The commands that bring `state` up to `now`, in the order they became due.
    ///
    /// Only what falls due from `since` on is acted upon: a desk imported from a scenario of 2019 holds
    /// deadlines and playbooks that are history, not alarms to raise now.
    public static func due(in state: DeskState, now: Date, since: Date = .distantPast) -> [DeskCommand] {
        var work: [(at: Date, command: DeskCommand)] = []
        for playbook in state.playbooks.values.sorted(by: { $0.id < $1.id })
        where playbook.isRunning && (playbook.startedAt?.instant ?? .distantPast) >= since {
            work += playbookWork(playbook, state: state, now: now)
        }
        for deadline in state.deadlines.values.sorted(by: { $0.id < $1.id }) where deadline.status == .open {
            for lead in deadline.alarms.sorted(by: >) where !deadline.alarmsRaised.contains(lead) {
                let at = deadline.due.instant.addingTimeInterval(-lead.seconds)
                // A lead no desk holds (0, negative, or centuries: only in logs older than the limits)
                // would raise an alarm at a time the log cannot store; it never rings.
                guard lead.value > 0, DeskLimits.holds(at) else { continue }
                if at <= now, at >= since { work.append((at, .raiseDeadlineAlarm(deadline.id, lead: lead, at: at))) }
            }
            if deadline.due.instant <= now, deadline.due.instant >= since {
                let missed = ResolveDeadline(
                    deadline: deadline.id, status: .missed, at: deadline.due, note: "not met by its time")
                work.append((deadline.due.instant, .resolveDeadline(missed)))
            }
        }
        return work.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(
            \.element.command)
    }

    private static func playbookWork(_ playbook: Playbook, state: DeskState, now: Date) -> [(
        at: Date, command: DeskCommand
    )] {
        guard let start = playbook.startedAt?.instant else { return [] }
        let channels = Set(playbook.steps.map(\.channel))
        // An answer on any of its channels, or a message from the other side about its engagement or on
        // one of its channels, stops the escalation.
        let answered = state.attempts.values.filter {
            channels.contains($0.channel) && ($0.outcome == .acknowledged || $0.outcome == .replied)
                && $0.at.instant >= start && $0.at.instant <= now
        }.map { (at: $0.at.instant, reason: "answered on \($0.channel) (\($0.outcome.rawValue))") }
        let messaged = state.messages.values.filter { message in
            (message.channel.map(channels.contains) == true
                || (message.engagement != nil && message.engagement == playbook.engagement))
                && message.at.instant >= start && message.at.instant <= now
        }.map { message in
            (
                at: message.at.instant,
                reason: "message from \(message.from)" + (message.channel.map { " on \($0)" } ?? "")
            )
        }
        let answer = (answered + messaged).min { ($0.at, $0.reason) < ($1.at, $1.reason) }
        let schedule = playbook.schedule(from: start)
        var work: [(at: Date, command: DeskCommand)] = []
        for slot in schedule.dropFirst(playbook.due.count) where slot.at <= now {
            if let answer, answer.at <= slot.at { break }
            work.append((slot.at, .markPlaybookTryDue(playbook.id, slot.try)))
        }
        if let answer {
            work.append((answer.at, .stopPlaybook(playbook.id, PlaybookStop(at: answer.at, reason: answer.reason))))
        } else if let final = schedule.last,
            case let end = final.at.addingTimeInterval(playbook.steps[final.try.step].boundedWait.seconds), end <= now
        {
            work.append(
                (end, .stopPlaybook(playbook.id, PlaybookStop(at: end, reason: "every step tried without an answer"))))
        }
        return work
    }
}
