import Foundation

/// An ordered escalation for an engagement: when one channel goes unanswered, move to the next.
public struct Playbook: Hashable, Sendable, Codable, Identifiable {
    /// A playbook's id.
    public typealias ID = Identifier<Playbook>
    /// The slug that names it.
    public var id: ID
    /// What people call it.
    public var name: String
    /// The engagement it serves.
    public var engagement: Engagement.ID
    /// The steps, in order.
    public var steps: [PlaybookStep]
    /// When it was started, if it was.
    public var startedAt: ZonedTime?
    /// The tries that have come due, in order (each step's repetitions in turn).
    public var due: [PlaybookTry]
    /// Why and when it stopped, if it did.
    public var stopped: PlaybookStop?

    /// A playbook of steps for an engagement.
    public init(id: ID, name: String, engagement: Engagement.ID, steps: [PlaybookStep]) {
        self.id = id
        self.name = name
        self.engagement = engagement
        self.steps = steps
        self.startedAt = nil
        self.due = []
        self.stopped = nil
    }

    /// Every try in order with the time it comes due, for a playbook started at `start`.
    ///
    /// Steps, waits and repeats outside `DeskLimits` (only a log written before decide refused them can
    /// hold one) are taken at the nearest limit, so the schedule stays short and its times finite.
    public func schedule(from start: Date) -> [(try: PlaybookTry, at: Date)] {
        var at = start
        var slots: [(try: PlaybookTry, at: Date)] = []
        for (index, step) in steps.prefix(DeskLimits.maxSteps).enumerated() {
            for repetition in 0..<step.boundedRepeats {
                slots.append((PlaybookTry(step: index, repetition: repetition, channel: step.channel, at: at), at))
                at = at.addingTimeInterval(step.boundedWait.seconds)
            }
        }
        return slots
    }

    /// Whether any step holds a wait, repeat count or position outside `DeskLimits`.
    public var hasInvalidSteps: Bool {
        steps.count > DeskLimits.maxSteps
            || steps.contains { $0.boundedWait != $0.wait || $0.boundedRepeats != $0.repeats }
    }

    /// Whether it runs: started and not stopped.
    public var isRunning: Bool { startedAt != nil && stopped == nil }
}

extension PlaybookStep {
    /// The wait, at the nearest of `1m…DeskLimits.longestWait`.
    public var boundedWait: Minutes { min(max(wait, Minutes(1)), DeskLimits.longestWait) }

    /// The number of tries, at the nearest of `DeskLimits.repeats`.
    public var boundedRepeats: Int { min(max(repeats, DeskLimits.repeats.lowerBound), DeskLimits.repeats.upperBound) }
}
