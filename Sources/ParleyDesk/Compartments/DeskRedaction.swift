import Foundation

/// What a reader with a clearance may see of a desk's log, decided event by event in log order.
///
/// An engagement in a compartment the reader is not cleared for is hidden, and so is everything that
/// touches it: its moves, attempts, signals, deadlines (and their resolutions and alarms), advance tasks,
/// playbooks (and their tries), its place in itineraries and its title in the planner's reasons. What is
/// left is a log of its own: folding it gives the desk as the reader may know it, and counting it gives
/// the reader's version, so not even the number of hidden events shows.
public struct DeskRedaction: Sendable {
    /// Whom the log is redacted for.
    public let clearance: Clearance
    /// Every compartment an engagement of the desk belongs to, seen or not.
    public private(set) var compartments: Set<Compartment.ID> = []
    private var hiddenEngagements: [Engagement.ID: String] = [:]
    private var hiddenDeadlines: Set<Deadline.ID> = []
    private var hiddenTasks: Set<AdvanceTask.ID> = []
    private var hiddenPlaybooks: Set<Playbook.ID> = []
    /// How many events have been passed, and the reader's number of each one shown, by real number.
    private var passed: Int64 = 0
    private var shownNumbers: [Int64: Int64] = [:]

    /// A redaction for `clearance`, before the log's first event.
    public init(for clearance: Clearance) { self.clearance = clearance }

    /// Whether anything passed so far was hidden.
    public var hidesAnything: Bool { !hiddenEngagements.isEmpty }

    /// The event as the reader may see it, or nil when it is hidden from them; events are passed one by
    /// one from the log's first, so a retraction can name its entry by the reader's number.
    public mutating func pass(_ event: DeskEvent) -> DeskEvent? {
        passed += 1
        guard let shown = shown(event) else { return nil }
        shownNumbers[passed] = Int64(shownNumbers.count + 1)
        return shown
    }

    private mutating func shown(_ event: DeskEvent) -> DeskEvent? {
        switch event.fact {
        case .entryRetracted(var retraction):
            // The retraction of a hidden entry is hidden with it; a shown one names it as the reader counts.
            guard let number = shownNumbers[retraction.entry] else { return nil }
            retraction.entry = number
            return DeskEvent(at: event.at, .entryRetracted(retraction), known: event.known)
        case .engagementOpened(let engagement):
            if let compartment = engagement.compartment { compartments.insert(compartment) }
            guard clearance.admits(engagement.compartment) else {
                hiddenEngagements[engagement.id] = engagement.title
                return nil
            }
            // An id a hidden engagement had before it was retracted, now a visible one's.
            hiddenEngagements[engagement.id] = nil
            return event
        case .playbookDefined(let playbook):
            hiddenPlaybooks.remove(playbook.id)
            return hide(if: playbook.engagement, event) { hiddenPlaybooks.insert(playbook.id) }
        case .deadlineSet(let deadline):
            hiddenDeadlines.remove(deadline.id)
            return hide(if: deadline.engagement, event) { hiddenDeadlines.insert(deadline.id) }
        case .deadlineResolved(let id, _, _, _), .deadlineAlarmRaised(let id, _), .deadlineMoved(let id, _, _, _):
            return hiddenDeadlines.contains(id) ? nil : event
        case .playbookStarted(let id, _), .playbookTryDue(let id, _), .playbookStopped(let id, _),
            .playbookAmended(let id, _, _, _):
            return hiddenPlaybooks.contains(id) ? nil : event
        case .advanceTaskAmended(let id, var terms, let amendment):
            guard !hiddenTasks.contains(id) else { return nil }
            // A visible task does not name hidden ones it waits for, as when it was added.
            terms.dependsOn.removeAll { hiddenTasks.contains($0) }
            return DeskEvent(at: event.at, .advanceTaskAmended(id, terms, amendment), known: event.known)
        case .advanceTaskUpdated(let id, _, _):
            return hiddenTasks.contains(id) ? nil : event
        case .advanceTasksAdded(let tasks):
            return passTasks(tasks, at: event.at, known: event.known)
        case .itineraryPlanned(let itinerary):
            return DeskEvent(at: event.at, .itineraryPlanned(redacted(itinerary)), known: event.known)
        default:
            return hide(if: event.engagement, event) {}
        }
    }

    private func hide(if engagement: Engagement.ID?, _ event: DeskEvent, noting: () -> Void) -> DeskEvent? {
        guard let engagement, hiddenEngagements[engagement] != nil else { return event }
        noting()
        return nil
    }

    private mutating func passTasks(_ tasks: [AdvanceTask], at: Date, known: Date?) -> DeskEvent? {
        for task in tasks {
            if hiddenEngagements[task.engagement] != nil {
                hiddenTasks.insert(task.id)
            } else {
                hiddenTasks.remove(task.id)
            }
        }
        var seen: [AdvanceTask] = []
        for var task in tasks where !hiddenTasks.contains(task.id) {
            task.dependsOn.removeAll { hiddenTasks.contains($0) }
            seen.append(task)
        }
        return seen.isEmpty ? nil : DeskEvent(at: at, .advanceTasksAdded(seen), known: known)
    }

    /// The itinerary as the reader may see it: hidden meetings taken out, and out of the reasons.
    public func redacted(_ itinerary: Itinerary) -> Itinerary {
        guard hidesAnything else { return itinerary }
        var itinerary = itinerary
        itinerary.visits.removeAll { $0.kind == .engagement && hiddenEngagements[Engagement.ID($0.ref)] != nil }
        itinerary.leftOut.removeAll { hiddenEngagements[$0.engagement] != nil }
        let unseen = hiddenEngagements.values.sorted { $0.count > $1.count }
        for index in itinerary.leftOut.indices {
            itinerary.leftOut[index].reason = itinerary.leftOut[index].reason(hiding: unseen)
        }
        return itinerary
    }
}
