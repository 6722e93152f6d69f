import Foundation

extension DeskState {
    /// Checks `command` against the current state and returns the events it causes, or refuses it.
    ///
    /// `now` is the injected clock's reading; it dates the registrations that carry no time of their own.
    /// `clearance` is the deciding person's: only a compartment's members may open an engagement in it
    /// (the desk's own timers and the command line act for everyone, `.all`).
    /// - Throws: `DeskError` saying what was refused and why; nothing is recorded then.
    public func decide(_ command: DeskCommand, now: Date, as clearance: Clearance = .all) throws(DeskError)
        -> [DeskEvent]
    {
        if case .openEngagement(let engagement) = command, !clearance.admits(engagement.compartment) {
            throw .invalidValue(
                field: "compartment", expected: "a compartment you are a member of",
                found: engagement.compartment?.rawValue ?? "")
        }
        if case .openDesk(let profile) = command {
            if let existing = self.profile { throw .deskAlreadyOpened(existing.name) }
            _ = try Identifier<DeskProfile>.validated(profile.name, field: "name")
            if let webhook = profile.webhook {
                guard webhook.utf8.count <= 2048, let url = URL(string: webhook),
                    ["http", "https"].contains(url.scheme ?? ""), url.host != nil
                else {
                    throw .invalidValue(field: "webhook", expected: "an http or https URL", found: webhook)
                }
            }
            try Self.requireName(profile.title, field: "title")
            try Self.requireTime(profile.opened, field: "opened")
            return [DeskEvent(at: profile.opened.instant, .deskOpened(profile))]
        }
        guard profile != nil else { throw .deskNotOpened }

        switch command {
        case .openDesk:
            preconditionFailure("handled above")

        case .registerParty(let party):
            try Self.requireNew(party.id, in: parties, kind: "party")
            try Self.requireName(party.name, field: "name")
            return [DeskEvent(at: now, .partyRegistered(party))]

        case .registerPrincipal(let principal):
            try Self.requireNew(principal.id, in: principals, kind: "principal")
            try Self.requireName(principal.name, field: "name")
            try Self.requireNote(principal.title, field: "title")
            try Self.requireKnown(principal.party, in: parties, field: "party", kind: "party")
            return [DeskEvent(at: now, .principalRegistered(principal))]

        case .registerVenue(let venue):
            try Self.requireNew(venue.id, in: venues, kind: "venue")
            try Self.requireName(venue.name, field: "name")
            try Self.requireNote(venue.city, field: "city")
            try venue.coordinates.validate()
            return [DeskEvent(at: now, .venueRegistered(venue))]

        case .planTrip(let trip):
            try checkTrip(trip)
            return [DeskEvent(at: now, .tripPlanned(trip))]

        case .openEngagement(let engagement):
            try checkEngagement(engagement)
            return [DeskEvent(at: engagement.opened.instant, .engagementOpened(engagement))]

        case .moveEngagement(let move):
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
            return [DeskEvent(at: move.at.instant, .engagementMoved(engagement.id, transition))]

        case .registerChannel(let channel):
            try Self.requireNew(channel.id, in: channels, kind: "channel")
            try Self.requireName(channel.name, field: "name")
            try Self.requireKnown(channel.party, in: parties, field: "party", kind: "party")
            if let via = channel.via { try Self.requireKnown(via, in: parties, field: "via", kind: "party") }
            guard channel.changes.isEmpty else {
                throw .invalidValue(
                    field: "changes", expected: "no changes on a new channel", found: "\(channel.changes.count)")
            }
            return [DeskEvent(at: now, .channelRegistered(channel))]

        case .changeChannelStatus(let change):
            let channel = try Self.requireKnown(change.channel, in: channels, field: "channel", kind: "channel")
            try Self.requireTime(change.at, field: "at")
            if let last = channel.changes.last {
                try Self.requireNotBefore(change.at, last.at, field: "at", what: "the channel's last change")
            }
            try Self.requireNote(change.reason, field: "reason", required: true)
            let recorded = ChannelStatusChange(
                from: channel.status, to: change.to, at: change.at, reason: change.reason)
            return [DeskEvent(at: change.at.instant, .channelStatusChanged(channel.id, recorded))]

        case .recordContactAttempt(let attempt):
            try Self.requireNew(attempt.id, in: attempts, kind: "contact attempt")
            try Self.requireTime(attempt.at, field: "at")
            try Self.requireNote(attempt.note, field: "note")
            try Self.requireKnown(attempt.channel, in: channels, field: "channel", kind: "channel")
            if let id = attempt.engagement {
                try Self.requireKnown(id, in: engagements, field: "engagement", kind: "engagement")
            }
            return [DeskEvent(at: attempt.at.instant, .contactAttemptRecorded(attempt))]

        case .definePlaybook(let playbook):
            try Self.requireNew(playbook.id, in: playbooks, kind: "playbook")
            try Self.requireName(playbook.name, field: "name")
            try Self.requireKnown(playbook.engagement, in: engagements, field: "engagement", kind: "engagement")
            // A new playbook has no history: it is started, tried and stopped by commands of their own.
            guard playbook.startedAt == nil else {
                throw .invalidValue(
                    field: "started_at", expected: "none on a new playbook (start it afterwards)",
                    found: playbook.startedAt?.display ?? "")
            }
            guard playbook.due.isEmpty else {
                throw .invalidValue(
                    field: "due", expected: "no tries on a new playbook", found: "\(playbook.due.count) tries")
            }
            guard playbook.stopped == nil else {
                throw .invalidValue(field: "stopped", expected: "none on a new playbook", found: "a stop")
            }
            guard !playbook.steps.isEmpty else {
                throw .invalidValue(field: "steps", expected: "at least one step", found: "none")
            }
            try Self.requireCount(playbook.steps.count, field: "steps", atMost: DeskLimits.maxSteps)
            for (index, step) in playbook.steps.enumerated() {
                try Self.requireKnown(step.channel, in: channels, field: "steps[\(index)].channel", kind: "channel")
                try Self.requireMinutes(
                    step.wait, field: "steps[\(index)].wait", in: 1...DeskLimits.longestWait.value)
                guard DeskLimits.repeats.contains(step.repeats) else {
                    throw .invalidValue(
                        field: "steps[\(index)].repeat",
                        expected: "\(DeskLimits.repeats.lowerBound) to \(DeskLimits.repeats.upperBound) tries",
                        found: "\(step.repeats)")
                }
            }
            return [DeskEvent(at: now, .playbookDefined(playbook))]

        case .setDeadline(let deadline):
            try Self.requireNew(deadline.id, in: deadlines, kind: "deadline")
            try Self.requireName(deadline.title, field: "title")
            try Self.requireTime(deadline.due, field: "due")
            try Self.requireNote(deadline.note, field: "note")
            try Self.requireCount(deadline.alarms.count, field: "alarms", atMost: DeskLimits.maxAlarms)
            try Self.requireKnown(deadline.owedBy, in: parties, field: "owed_by", kind: "party")
            if let id = deadline.engagement {
                try Self.requireKnown(id, in: engagements, field: "engagement", kind: "engagement")
            }
            guard deadline.status == .open, deadline.resolvedAt == nil, deadline.alarmsRaised.isEmpty else {
                throw .invalidValue(
                    field: "status", expected: "a new deadline to be open", found: deadline.status.rawValue)
            }
            guard deadline.alarms.allSatisfy({ (1...DeskLimits.longestWait.value).contains($0.value) }),
                Set(deadline.alarms).count == deadline.alarms.count
            else {
                throw .invalidValue(
                    field: "alarms",
                    expected: "distinct lead times longer than 0m and at most \(DeskLimits.longestWait)",
                    found: deadline.alarms.map(\.description).joined(separator: ", "))
            }
            return [DeskEvent(at: now, .deadlineSet(deadline))]

        case .resolveDeadline(let resolution):
            let deadline = try Self.requireKnown(
                resolution.deadline, in: deadlines, field: "deadline", kind: "deadline")
            guard deadline.status == .open else { throw .deadlineAlreadyResolved(deadline.id, deadline.status) }
            try Self.requireTime(resolution.at, field: "at")
            try Self.requireNote(resolution.note, field: "note")
            guard resolution.status != .open else {
                throw .invalidValue(field: "status", expected: "met or missed", found: resolution.status.rawValue)
            }
            let event = DeskEvent.Fact.deadlineResolved(
                deadline.id, resolution.status, at: resolution.at, note: resolution.note)
            return [DeskEvent(at: resolution.at.instant, event)]

        case .addAdvanceTasks(let added):
            try checkTasks(added)
            return [DeskEvent(at: now, .advanceTasksAdded(added))]

        case .updateAdvanceTask(let update):
            try Self.requireKnown(update.task, in: tasks, field: "task", kind: "advance task")
            try Self.requireTime(update.at, field: "at")
            return [DeskEvent(at: update.at.instant, .advanceTaskUpdated(update.task, update.status, at: update.at))]

        case .recordSignal(let signal):
            try Self.requireNew(signal.id, in: signals, kind: "signal")
            try Self.requireTime(signal.at, field: "at")
            try Self.requireNote(signal.summary, field: "summary", required: true)
            try Self.requireNote(signal.quote ?? "", field: "quote")
            try Self.requireCount(signal.attribution.count, field: "attribution", atMost: 20)
            for (index, source) in signal.attribution.enumerated() {
                try Self.requireNote(source, field: "attribution[\(index)]")
            }
            if let id = signal.engagement {
                try Self.requireKnown(id, in: engagements, field: "engagement", kind: "engagement")
            }
            guard !signal.attribution.isEmpty, signal.attribution.allSatisfy({ !$0.isBlank }) else {
                throw .invalidValue(
                    field: "attribution",
                    expected: "the original speaker or source, then each outlet that relayed it", found: "none")
            }
            return [DeskEvent(at: signal.at.instant, .signalRecorded(signal))]

        case .setTravelTime(let override):
            try Self.requireKnown(override.from, in: venues, field: "from", kind: "venue")
            try Self.requireKnown(override.to, in: venues, field: "to", kind: "venue")
            guard override.from != override.to else {
                throw .invalidValue(field: "to", expected: "a venue other than 'from'", found: override.to.rawValue)
            }
            try Self.requireMinutes(override.time, field: "time", in: 1...DeskLimits.longestTravel.value)
            return [DeskEvent(at: now, .travelTimeSet(override))]

        case .startPlaybook(let id, let at):
            let playbook = try Self.requireKnown(id, in: playbooks, field: "playbook", kind: "playbook")
            try Self.requireTime(at, field: "at")
            guard playbook.startedAt == nil else {
                throw .invalidValue(field: "playbook", expected: "a playbook not yet started", found: id.rawValue)
            }
            return [DeskEvent(at: at.instant, .playbookStarted(id, at: at))]

        case .markPlaybookTryDue(let id, let due):
            let playbook = try Self.requireKnown(id, in: playbooks, field: "playbook", kind: "playbook")
            // Exactly once: only the next try of a running playbook, at its scheduled time.
            guard let start = playbook.startedAt, playbook.stopped == nil else {
                throw .invalidValue(field: "playbook", expected: "a running playbook", found: id.rawValue)
            }
            let schedule = playbook.schedule(from: start.instant)
            guard playbook.due.count < schedule.count, schedule[playbook.due.count].try == due else {
                throw .invalidValue(
                    field: "try", expected: "the playbook's next try",
                    found: "step \(due.step.countedFromOne) try \(due.repetition.countedFromOne)")
            }
            return [DeskEvent(at: due.at, .playbookTryDue(id, due))]

        case .stopPlaybook(let id, let stop):
            let playbook = try Self.requireKnown(id, in: playbooks, field: "playbook", kind: "playbook")
            guard playbook.isRunning else {
                throw .invalidValue(field: "playbook", expected: "a running playbook", found: id.rawValue)
            }
            try Self.requireNote(stop.reason, field: "reason", required: true)
            return [DeskEvent(at: stop.at, .playbookStopped(id, stop))]

        case .raiseDeadlineAlarm(let id, let lead, let at):
            let deadline = try Self.requireKnown(id, in: deadlines, field: "deadline", kind: "deadline")
            guard deadline.status == .open, deadline.alarms.contains(lead), !deadline.alarmsRaised.contains(lead) else {
                throw .invalidValue(
                    field: "lead", expected: "an alarm of an open deadline not yet raised", found: "\(lead)")
            }
            return [DeskEvent(at: at, .deadlineAlarmRaised(id, lead: lead))]

        case .recordItinerary(let itinerary):
            try checkItinerary(itinerary)
            return [DeskEvent(at: itinerary.plannedAt.instant, .itineraryPlanned(itinerary))]
        }
    }

    private func checkItinerary(_ itinerary: Itinerary) throws(DeskError) {
        let trip = try Self.requireKnown(itinerary.trip, in: trips, field: "trip", kind: "trip")
        try Self.requireTime(itinerary.plannedAt, field: "planned_at")
        try Self.requireCount(itinerary.visits.count, field: "visits", atMost: 10 * DeskLimits.maxItems)
        try Self.requireCount(itinerary.leftOut.count, field: "left_out", atMost: 10 * DeskLimits.maxItems)
        for (index, visit) in itinerary.visits.enumerated() {
            try Self.requireKnown(visit.venue, in: venues, field: "visits[\(index)].venue", kind: "venue")
            switch visit.kind {
            case .commitment:
                guard trip.commitments.contains(where: { $0.id.rawValue == visit.ref }) else {
                    throw .unknownReference(
                        field: "visits[\(index)].ref", kind: "commitment of this trip", id: visit.ref)
                }
            case .engagement:
                try Self.requireKnown(
                    Engagement.ID(visit.ref), in: engagements, field: "visits[\(index)].ref", kind: "engagement")
            }
            try Self.requireRange(TimeWindow(from: visit.start, to: visit.end), field: "visits[\(index)]")
            guard (0...400).contains(visit.day) else {
                throw .invalidValue(field: "visits[\(index)].day", expected: "a day of the trip", found: "\(visit.day)")
            }
        }
        for (index, meeting) in itinerary.leftOut.enumerated() {
            try Self.requireNote(meeting.reason, field: "left_out[\(index)].reason")
            try Self.requireKnown(
                meeting.engagement, in: engagements, field: "left_out[\(index)].engagement", kind: "engagement")
        }
    }

    private func checkTrip(_ trip: Trip) throws(DeskError) {
        try Self.requireNew(trip.id, in: trips, kind: "trip")
        try Self.requireName(trip.title, field: "title")
        try Self.requireKnown(trip.principal, in: principals, field: "principal", kind: "principal")
        try Self.requireCount(trip.stays.count, field: "stays")
        try Self.requireCount(trip.commitments.count, field: "commitments")
        for (index, stay) in trip.stays.enumerated() {
            try Self.requireKnown(stay.venue, in: venues, field: "stays[\(index)].venue", kind: "venue")
            try Self.requireNote(stay.lodging, field: "stays[\(index)].lodging")
            try Self.requireRange(stay.period, field: "stays[\(index)]", longest: DeskLimits.longestTrip)
        }
        let periods = trip.stays.map(\.period) + trip.commitments.map(\.period)
        if let first = periods.map(\.from.instant).min(), let last = periods.map(\.to.instant).max(),
            last.timeIntervalSince(first) > DeskLimits.longestTrip
        {
            throw .invalidValue(
                field: "stays", expected: "a trip of at most \(Minutes(Int(DeskLimits.longestTrip / 60)))",
                found: "\(Int(last.timeIntervalSince(first) / 86_400)) days from first arrival to last departure")
        }
        var seen = Set<FixedCommitment.ID>()
        for (index, commitment) in trip.commitments.enumerated() {
            _ = try FixedCommitment.ID.validated(commitment.id.rawValue, field: "commitments[\(index)].id")
            guard seen.insert(commitment.id).inserted else {
                throw .duplicateID(kind: "commitment", id: commitment.id.rawValue)
            }
            try Self.requireKnown(commitment.venue, in: venues, field: "commitments[\(index)].venue", kind: "venue")
            try Self.requireName(commitment.title, field: "commitments[\(index)].title")
            try Self.requireRange(commitment.period, field: "commitments[\(index)]")
        }
    }

    private func checkEngagement(_ engagement: Engagement) throws(DeskError) {
        try Self.requireNew(engagement.id, in: engagements, kind: "engagement")
        try Self.requireName(engagement.title, field: "title")
        try Self.requireNote(engagement.purpose, field: "purpose")
        try Self.requireTime(engagement.opened, field: "opened")
        try Self.requireCount(engagement.principals.count, field: "principals")
        try Self.requireCount(engagement.venues.count, field: "venues")
        try Self.requireCount(engagement.windows.count, field: "windows")
        guard engagement.state == .idea, engagement.history.isEmpty else {
            throw .invalidValue(
                field: "state", expected: "a new engagement to start as idea", found: engagement.state.rawValue)
        }
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

    private func checkTasks(_ added: [AdvanceTask]) throws(DeskError) {
        try Self.requireCount(added.count, field: "tasks")
        var batch: [AdvanceTask.ID: AdvanceTask] = [:]
        for task in added {
            try Self.requireNew(task.id, in: tasks, kind: "advance task")
            guard batch[task.id] == nil else { throw .duplicateID(kind: "advance task", id: task.id.rawValue) }
            batch[task.id] = task
        }
        for task in added {
            try Self.requireName(task.title, field: "title")
            try Self.requireMinutes(task.duration, field: "duration", in: 1...DeskLimits.longestTask.value)
            try Self.requireMinutes(task.leadTime, field: "lead_time", in: 0...DeskLimits.longestTask.value)
            try Self.requireCount(task.dependsOn.count, field: "depends_on")
            // A new task has no progress: it is moved on by updates of its own.
            guard task.status == .pending, task.statusAt == nil else {
                throw .invalidValue(
                    field: "status", expected: "a new task to be pending", found: task.status.rawValue)
            }
            try Self.requireKnown(task.engagement, in: engagements, field: "engagement", kind: "engagement")
            try Self.requireKnown(task.venue, in: venues, field: "venue", kind: "venue")
            for dependency in task.dependsOn where tasks[dependency] == nil && batch[dependency] == nil {
                throw .unknownReference(field: "depends_on", kind: "advance task", id: dependency.rawValue)
            }
        }
        let graph = tasks.merging(batch) { _, new in new }.mapValues(\.dependsOn)
        if let cycle = DependencyCycle.find(in: graph, startingFrom: added.map(\.id)) {
            throw .dependencyCycle(cycle)
        }
    }

    @discardableResult
    private static func requireKnown<Subject, Value>(
        _ id: Identifier<Subject>, in table: [Identifier<Subject>: Value], field: String, kind: String
    ) throws(DeskError) -> Value {
        guard let value = table[id] else { throw .unknownReference(field: field, kind: kind, id: id.rawValue) }
        return value
    }

    private static func requireNew<Subject, Value>(
        _ id: Identifier<Subject>, in table: [Identifier<Subject>: Value], kind: String
    ) throws(DeskError) {
        _ = try Identifier<Subject>.validated(id.rawValue, field: "id")
        guard table[id] == nil else { throw .duplicateID(kind: kind, id: id.rawValue) }
    }

    private static func requireNotBefore(_ time: ZonedTime, _ earlier: ZonedTime, field: String, what: String)
        throws(DeskError)
    {
        guard time.instant >= earlier.instant else {
            throw .invalidValue(
                field: field, expected: "a time no earlier than \(what) (\(earlier.display))", found: time.display)
        }
    }
}
