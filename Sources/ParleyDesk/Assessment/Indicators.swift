import Foundation

/// The indicators of an assessment, each computed from the desk's state alone (see docs/assessment.md).
struct Indicators {
    let engagement: Engagement
    let state: DeskState
    let asOf: Date

    /// How far back an answer or a refusal counts as recent.
    static let recent: TimeInterval = 30 * 86_400
    /// How fast a stated stance fades: a word this old weighs half as much as one said today.
    static let stanceHalfLife: TimeInterval = 30 * 86_400

    /// How much a stance stated at `moment` still weighs at `asOf`: 1 when new, half after a half-life.
    private func freshness(_ moment: Date) -> Double {
        exp2(-max(0, asOf.timeIntervalSince(moment)) / Self.stanceHalfLife)
    }

    var all: [Assessment.Contribution] {
        [
            lifecycle, setbacks, channelAnswers, refusals, channelStatus, stance, ourStance, ourDoubts, siteWork,
            deadlines, timeLeft,
        ]
    }

    private var attempts: [ContactAttempt] {
        state.attempts.values.filter { attempt in
            attempt.at.instant <= asOf && asOf.timeIntervalSince(attempt.at.instant) <= Self.recent
                && (attempt.engagement == engagement.id
                    || (attempt.engagement == nil && state.channels[attempt.channel]?.party == engagement.counterpart))
        }
    }

    /// How far the engagement has come: each step on the way to a confirmed meeting.
    var lifecycle: Assessment.Contribution {
        let weights: [EngagementState: Double] = [
            .idea: -0.5, .exploring: -0.3, .outreach: 0, .inContact: 0.8, .planning: 1.3, .proposed: 1.8,
            .confirmed: 3.0,
        ]
        guard let value = weights[engagement.state] else {
            return .init(indicator: "lifecycle", logOdds: 0, reason: "")
        }
        return .init(indicator: "lifecycle", logOdds: value, reason: "the engagement is \(engagement.state.label)")
    }

    /// A setback in force: the meeting postponed, declined or called off.
    ///
    /// Apart from `lifecycle` because it is another kind of evidence: progress is an investment either
    /// side can still walk away from, a setback is one side's deliberate act. Declined and abandoned are
    /// not the outcome: a meeting refused or called off can be revived.
    var setbacks: Assessment.Contribution {
        let weights: [EngagementState: Double] = [.postponed: -1.5, .declined: -3.0, .abandoned: -3.5]
        guard let value = weights[engagement.state] else { return .init(indicator: "setbacks", logOdds: 0, reason: "") }
        return .init(indicator: "setbacks", logOdds: value, reason: "the engagement is \(engagement.state.label)")
    }

    /// Messages from the other side about this engagement (or from the counterpart about nothing in
    /// particular), up to `asOf`.
    private var messages: [InboundMessage] {
        state.messages.values.filter { message in
            message.at.instant <= asOf
                && (message.engagement == engagement.id
                    || (message.engagement == nil && message.from == engagement.counterpart))
        }.sorted { $0.id < $1.id }
    }

    /// Whether the counterpart has answered (acknowledged or replied, or sent a message) lately.
    var channelAnswers: Assessment.Contribution {
        let answered =
            attempts.filter { $0.outcome == .acknowledged || $0.outcome == .replied }.count
            + messages.filter { asOf.timeIntervalSince($0.at.instant) <= Self.recent && $0.stance != .opposed }.count
        if answered > 0 {
            return .init(
                indicator: "channel-answers", logOdds: 1.0,
                reason: "the counterpart answered or wrote \(answered) time(s) in the last 30 days")
        }
        // A recent "no" by message is an answer, counted once, by `stance` (where it weighs as opposed):
        // neither an answer that helps nor silence.
        if messages.contains(where: { asOf.timeIntervalSince($0.at.instant) <= Self.recent && $0.stance == .opposed }) {
            return .init(indicator: "channel-answers", logOdds: 0, reason: "")
        }
        let tried = attempts.filter { $0.outcome == .unanswered || $0.outcome == .delivered }
        if !tried.isEmpty {
            return .init(
                indicator: "channel-answers", logOdds: -0.3, reason: "no answer to \(tried.count) recent attempt(s)")
        }
        // A recent refusal is an answer of its own, counted once, by `refusals`.
        if attempts.contains(where: { $0.outcome == .refused }) {
            return .init(indicator: "channel-answers", logOdds: 0, reason: "")
        }
        // Silence only counts against when the desk has been trying (attempts on record, none recent).
        let everTried = state.attempts.values.contains { $0.engagement == engagement.id && $0.at.instant <= asOf }
        return .init(
            indicator: "channel-answers", logOdds: everTried ? -0.6 : 0,
            reason: everTried ? "no contact attempt in the last 30 days" : "")
    }

    /// Refusals (a letter sent back, a call declined) count against, each, up to a cap.
    var refusals: Assessment.Contribution {
        // The same attempts as `channelAnswers` looks at (this engagement's, and the counterpart's untagged
        // ones), so a refusal it leaves to this indicator is always counted here.
        let refused = state.attempts.values.filter { attempt in
            attempt.outcome == .refused && attempt.at.instant <= asOf
                && (attempt.engagement == engagement.id
                    || (attempt.engagement == nil && state.channels[attempt.channel]?.party == engagement.counterpart))
        }
        return .init(
            indicator: "refusals", logOdds: -min(Double(refused.count) * 0.8, 1.6),
            reason: refused.isEmpty ? "" : "\(refused.count) refusal(s) on record")
    }

    /// Whether there is a working channel to the counterpart at all.
    var channelStatus: Assessment.Contribution {
        let channels = state.channels.values.filter { $0.party == engagement.counterpart && $0.kind != .stateMedia }
        guard !channels.isEmpty else { return .init(indicator: "channel-status", logOdds: 0, reason: "") }
        let active = channels.filter { status(of: $0) == .active }
        let direct = active.filter { [.hotline, .delegationMeeting, .envoy, .fax].contains($0.kind) }
        if !direct.isEmpty {
            return .init(indicator: "channel-status", logOdds: 0.5, reason: "a direct channel is active")
        }
        if active.isEmpty {
            return .init(indicator: "channel-status", logOdds: -0.7, reason: "no channel to the counterpart is active")
        }
        return .init(indicator: "channel-status", logOdds: -0.2, reason: "only indirect or public channels are active")
    }

    /// The other side's stance, public and reported.
    ///
    /// Each signal is weighted by its Admiralty grade, each message by who sent it (the counterpart itself fully, an intermediary as a good report). Signals of
    /// our own side's stance say little about whether the other side will meet, and are left out.
    var stance: Assessment.Contribution {
        // In a fixed order: sums of fractions in a dictionary's order differ in their last bits from one
        // process (or one redacted view) to another.
        let signals = state.signals.values.filter {
            $0.engagement == engagement.id && $0.at.instant <= asOf && $0.side != .ours
        }.sorted { $0.id < $1.id }
        let messages = self.messages
        guard !signals.isEmpty || !messages.isEmpty else { return .init(indicator: "stance", logOdds: 0, reason: "") }
        var weighted = 0.0
        var weights = 0.0
        for signal in signals {
            // A third party's stance bears on the meeting only through what it can do: half a voice.
            let weight =
                Self.reliability(signal.grade) * (signal.side == .thirdParty ? 0.5 : 1) * freshness(signal.at.instant)
            weighted += weight * Self.direction(signal.stance)
            weights += weight
        }
        for message in messages {
            // An intermediary's word weighs as a B2 report (usually reliable, probably true): 0.8 × 0.8.
            let weight = (message.from == engagement.counterpart ? 1 : 0.64) * freshness(message.at.instant)
            weighted += weight * Self.direction(message.stance)
            weights += weight
        }
        // Words so old that they have faded to nothing say nothing (and 0 / 0 is no stance).
        guard weights > 0 else { return .init(indicator: "stance", logOdds: 0, reason: "") }
        let mean = weighted / weights
        // More, better-graded evidence moves the estimate further, with diminishing returns.
        let strength = weights / (weights + 1)
        return .init(
            indicator: "stance", logOdds: 1.6 * mean * strength,
            reason: String(format: "%d signal(s), grade-weighted stance %+.2f", signals.count, mean)
                + (messages.isEmpty ? "" : " (with \(messages.count) message(s) from their side)"))
    }

    /// Our own side's signals about the engagement up to `asOf`, in a fixed order.
    private var ourSignals: [Signal] {
        state.signals.values.filter {
            $0.engagement == engagement.id && $0.at.instant <= asOf && $0.side == .ours
        }.sorted { $0.id < $1.id }
    }

    /// Our own side's favourable words (signals marked `side: ours`): weak evidence, since our principal's
    /// enthusiasm does not make the other side come.
    var ourStance: Assessment.Contribution {
        let (favour, _, weights, count) = ourWords
        guard count > 0, weights > 0 else { return .init(indicator: "our-stance", logOdds: 0, reason: "") }
        return .init(
            indicator: "our-stance", logOdds: 0.8 * favour / (weights + 1),
            reason: String(format: "%d signal(s) of our own side, grade-weighted favour %+.2f", count, favour / weights)
        )
    }

    /// Our own side's doubts: unlike our enthusiasm, strong evidence, because our side decides whether our
    /// principal goes (meetings agreed with both sides are called off by the side that doubts them).
    var ourDoubts: Assessment.Contribution {
        let (_, doubt, weights, count) = ourWords
        guard count > 0, weights > 0, doubt > 0 else {
            return .init(indicator: "our-doubts", logOdds: 0, reason: "")
        }
        return .init(
            indicator: "our-doubts", logOdds: -1.6 * doubt / (weights + 1),
            reason: String(format: "our own side's doubts, grade-weighted %.2f of %d signal(s)", doubt / weights, count)
        )
    }

    /// Our side's signals, each weighted by grade and freshness: the weighted sums of their favour (stances
    /// above neutral) and of their doubt (below), the sum of the weights, and how many there are.
    private var ourWords: (favour: Double, doubt: Double, weights: Double, count: Int) {
        let signals = ourSignals
        var favour = 0.0
        var doubt = 0.0
        var weights = 0.0
        for signal in signals {
            let weight = Self.reliability(signal.grade) * freshness(signal.at.instant)
            let direction = Self.direction(signal.stance)
            favour += weight * max(0, direction)
            doubt += weight * max(0, -direction)
            weights += weight
        }
        return (favour, doubt, weights, signals.count)
    }

    /// Advance work at the candidate venues: a done site survey, and the share of work done.
    ///
    /// A task whose duration or lead time is outside `DeskLimits` (only a log written before decide refused
    /// it can hold one) is named in the reason and counts for nothing.
    var siteWork: Assessment.Contribution {
        let planned = state.tasks.values.filter {
            $0.engagement == engagement.id && engagement.venues.contains($0.venue)
        }
        let invalid = planned.compactMap(\.invalidity).sorted()
        let tasks = planned.filter { $0.invalidity == nil }
        let ignoring = invalid.isEmpty ? "" : "; ignored: " + invalid.joined(separator: "; ")
        guard !tasks.isEmpty else {
            return .init(indicator: "site-work", logOdds: -0.3, reason: "no advance work planned" + ignoring)
        }
        let done = tasks.filter { $0.status == .done && ($0.statusAt?.instant ?? .distantPast) <= asOf }
        let surveyed = done.contains { $0.kind == .siteSurvey }
        // Each duration is at most `DeskLimits.longestTask`, so these sums cannot overflow.
        let total = tasks.reduce(0) { $0 + $1.duration.value }
        let share = Double(done.reduce(0) { $0 + $1.duration.value }) / Double(max(total, 1))
        let value = (surveyed ? 0.4 : -0.6) + share * 0.8
        return .init(
            indicator: "site-work", logOdds: value,
            reason: (surveyed ? "a site survey is done" : "no site survey done yet")
                + String(format: "; %.0f%% of advance work done", share * 100) + ignoring)
    }

    /// Deadlines the sides have met or missed.
    var deadlines: Assessment.Contribution {
        let mine = state.deadlines.values.filter { $0.engagement == engagement.id }
        let met = mine.filter { $0.status == .met && ($0.resolvedAt?.instant ?? .distantFuture) <= asOf }.count
        let missed = mine.filter {
            ($0.status == .missed && ($0.resolvedAt?.instant ?? .distantFuture) <= asOf)
                || ($0.status == .open && $0.due.instant < asOf)
        }.count
        return .init(
            indicator: "deadlines", logOdds: 0.5 * Double(met) - 0.9 * Double(missed),
            reason: met + missed == 0 ? "" : "\(met) met, \(missed) missed or overdue")
    }

    /// Time left before the meeting (the agreed slot, else the planned one, else the window's end)
    /// against the advance work still to do.
    var timeLeft: Assessment.Contribution {
        let meeting = MeetingTime(of: engagement, in: state, asOf: asOf)
        guard let meeting, meeting.start >= asOf else {
            if meeting?.source == .agreed {
                return .init(indicator: "time-left", logOdds: -3, reason: "the agreed slot has passed")
            }
            let over = !engagement.windows.isEmpty
            return .init(indicator: "time-left", logOdds: over ? -3 : 0, reason: over ? "every window has passed" : "")
        }
        guard
            let readiness = try? Readiness(
                engagement: engagement.id, venue: meeting.venue, meeting: meeting.start, now: asOf, in: state),
            let latest = readiness.latestConfirmation
        else { return .init(indicator: "time-left", logOdds: 0, reason: "") }
        if latest < asOf {
            return .init(
                indicator: "time-left", logOdds: -1.5,
                reason: "the remaining advance work no longer fits before \(meeting.source.rawValue)")
        }
        return .init(indicator: "time-left", logOdds: 0, reason: "")
    }

    private func status(of channel: Channel) -> ChannelStatus {
        channel.changes.last { $0.at.instant <= asOf }?.to ?? channel.initialStatus
    }

    /// Source reliability × information credibility, 0…1.
    static func reliability(_ grade: AdmiraltyGrade) -> Double {
        let source: [Character: Double] = ["A": 1, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.3]
        let information: [Int: Double] = [1: 1, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.3]
        return (source[grade.source] ?? 0.3) * (information[grade.information] ?? 0.3)
    }

    /// −1 (opposed) … +1 (favourable).
    static func direction(_ stance: Stance) -> Double {
        switch stance {
        case .favourable: 1
        case .open: 0.6
        case .conditional: 0.2
        case .neutral: 0
        case .skeptical: -0.6
        case .opposed: -1
        }
    }
}
