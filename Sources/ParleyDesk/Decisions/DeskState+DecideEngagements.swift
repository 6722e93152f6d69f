import Foundation

extension DeskState {
    /// Recording a new engagement, in a compartment only by its members.
    func decide(openEngagement command: OpenEngagement, as clearance: Clearance) throws(DeskError)
        -> [DeskEvent]
    {
        let engagement = command.engagement
        guard clearance.admits(engagement.compartment) else {
            throw .invalidValue(
                field: "compartment", expected: "a compartment you are a member of",
                found: engagement.compartment?.rawValue ?? "")
        }
        try checkEngagement(engagement)
        return [DeskEvent(at: engagement.opened.instant, .engagementOpened(engagement))]
    }

    /// Moving an engagement through its lifecycle, never back in time; a confirmation may carry the
    /// agreed slot.
    func decide(moveEngagement move: MoveEngagement) throws(DeskError) -> [DeskEvent] {
        let engagement = try Self.requireKnown(
            move.engagement, in: engagements, field: "engagement", kind: "engagement")
        guard engagement.state.canMove(to: move.to) else {
            throw .illegalTransition(engagement: engagement.id, from: engagement.state, to: move.to)
        }
        let previous = engagement.history.last?.at ?? engagement.opened
        try Self.requireTime(move.at, field: "at")
        try Self.requireNotBefore(move.at, previous, field: "at", what: "the engagement's last move")
        try Self.requireName(move.by, field: "by")
        try Self.requireNote(move.reason, field: "reason", required: true)
        let transition = EngagementTransition(
            from: engagement.state, to: move.to, at: move.at, by: move.by, reason: move.reason)
        let moved = DeskEvent(at: move.at.instant, .engagementMoved(engagement.id, transition))
        guard let terms = move.slot else { return [moved] }
        guard move.to == .confirmed else {
            throw .invalidValue(
                field: "slot", expected: "an agreed slot only with a move to confirmed", found: move.to.label)
        }
        let slot = try agreedSlot(terms, for: engagement, at: move.at, fields: "slot.")
        return [moved, DeskEvent(at: move.at.instant, .engagementSlotAgreed(engagement.id, slot))]
    }

    /// Recording (or changing) the slot both sides agreed, while the engagement is on its path.
    func decide(agreeSlot agreement: AgreeSlot) throws(DeskError) -> [DeskEvent] {
        let engagement = try Self.requireKnown(
            agreement.engagement, in: engagements, field: "engagement", kind: "engagement")
        guard !engagement.state.isExit, engagement.state != .held else {
            throw .invalidValue(
                field: "engagement",
                expected: engagement.state == .held
                    ? "an engagement not yet held (a held meeting's slot is history)"
                    : "an engagement on its path (revive it first)",
                found: "\(engagement.id) is \(engagement.state.label)")
        }
        try Self.requireTime(agreement.at, field: "at")
        try Self.requireNotBefore(agreement.at, engagement.opened, field: "at", what: "the engagement's opening")
        let slot = try agreedSlot(agreement.terms, for: engagement, at: agreement.at, fields: "")
        return [DeskEvent(at: agreement.at.instant, .engagementSlotAgreed(engagement.id, slot))]
    }

    /// The slot `terms` describe, with the engagement's duration and preferred venue where they say none;
    /// refusals name `fields` + `start`, `duration` or `venue` (`slot.start` inside a move).
    private func agreedSlot(_ terms: SlotTerms, for engagement: Engagement, at: ZonedTime, fields: String)
        throws(DeskError) -> AgreedSlot
    {
        try Self.requireTime(terms.start, field: fields + "start")
        let duration = terms.duration ?? engagement.duration
        try Self.requireMinutes(duration, field: fields + "duration", in: 1...DeskLimits.longestMeeting.value)
        guard let venue = terms.venue ?? engagement.venues.first else {
            throw .invalidValue(
                field: fields + "venue", expected: "the venue agreed (the engagement has no candidate venue)",
                found: "none")
        }
        try Self.requireKnown(venue, in: venues, field: fields + "venue", kind: "venue")
        return AgreedSlot(start: terms.start, duration: duration, venue: venue, agreedAt: at)
    }

    private func checkEngagement(_ engagement: Engagement) throws(DeskError) {
        try Self.requireNew(engagement.id, in: engagements, kind: "engagement")
        try Self.requireName(engagement.title, field: "title")
        try Self.requireNote(engagement.purpose, field: "purpose")
        try Self.requireTime(engagement.opened, field: "opened")
        try Self.requireCount(engagement.principals.count, field: "principals")
        try Self.requireCount(engagement.venues.count, field: "venues")
        try Self.requireCount(engagement.windows.count, field: "windows")
        guard !engagement.principals.isEmpty else {
            throw .invalidValue(field: "principals", expected: "at least one principal", found: "none")
        }
        for principal in engagement.principals {
            try Self.requireKnown(principal, in: principals, field: "principals", kind: "principal")
        }
        try Self.requireKnown(engagement.counterpart, in: parties, field: "counterpart", kind: "party")
        guard (1...5).contains(engagement.priority) else {
            throw .invalidValue(
                field: "priority", expected: "1 (highest) to 5 (lowest)", found: "\(engagement.priority)")
        }
        if let trip = engagement.trip { try Self.requireKnown(trip, in: trips, field: "trip", kind: "trip") }
        try Self.requireMinutes(engagement.duration, field: "duration", in: 1...DeskLimits.longestMeeting.value)
        for venue in engagement.venues { try Self.requireKnown(venue, in: venues, field: "venues", kind: "venue") }
        for (index, window) in engagement.windows.enumerated() {
            try Self.requireRange(window, field: "windows[\(index)]")
        }
    }
}
