import Foundation

extension DeskState {
    /// Changing an engagement's terms: the new values pass the same checks as a new engagement's, and
    /// a change that changes nothing is refused (it would only clutter the record).
    func decide(amendEngagement command: AmendEngagement) throws(DeskError) -> [DeskEvent] {
        let engagement = try Self.requireKnown(
            command.engagement, in: engagements, field: "engagement", kind: "engagement")
        try Self.requireTime(command.at, field: "at")
        try Self.requireNotBefore(command.at, engagement.opened, field: "at", what: "the engagement's opening")
        try Self.requireNote(command.reason, field: "reason", required: true)
        let before = EngagementTerms(of: engagement)
        var after = before
        after.title = command.title ?? before.title
        after.purpose = command.purpose ?? before.purpose
        after.priority = command.priority ?? before.priority
        after.duration = command.duration ?? before.duration
        after.venues = command.venues ?? before.venues
        after.windows = command.windows ?? before.windows
        after.principals = command.principals ?? before.principals
        try Self.requireName(after.title, field: "title")
        try Self.requireNote(after.purpose, field: "purpose")
        guard (1...5).contains(after.priority) else {
            throw .invalidValue(field: "priority", expected: "1 (highest) to 5 (lowest)", found: "\(after.priority)")
        }
        try Self.requireMinutes(after.duration, field: "duration", in: 1...DeskLimits.longestMeeting.value)
        try Self.requireCount(after.venues.count, field: "venues")
        try Self.requireCount(after.windows.count, field: "windows")
        try Self.requireCount(after.principals.count, field: "principals")
        for venue in after.venues { try Self.requireKnown(venue, in: venues, field: "venues", kind: "venue") }
        for (index, window) in after.windows.enumerated() { try Self.requireRange(window, field: "windows[\(index)]") }
        guard !after.principals.isEmpty else {
            throw .invalidValue(field: "principals", expected: "at least one principal", found: "none")
        }
        for principal in after.principals {
            try Self.requireKnown(principal, in: principals, field: "principals", kind: "principal")
        }
        let changed = [
            before.title != after.title ? "title" : nil, before.purpose != after.purpose ? "purpose" : nil,
            before.priority != after.priority ? "priority" : nil, before.duration != after.duration ? "duration" : nil,
            before.venues != after.venues ? "venues" : nil, before.windows != after.windows ? "windows" : nil,
            before.principals != after.principals ? "principals" : nil,
        ].compactMap { $0 }
        try Self.requireChange(changed)
        return [
            DeskEvent(
                at: command.at.instant,
                .engagementAmended(
                    engagement.id, after, Amendment(at: command.at, reason: command.reason, changed: changed)))
        ]
    }

    /// Changing a trip's title, stays or commitments, under the same checks as a new trip's.
    func decide(amendTrip command: AmendTrip) throws(DeskError) -> [DeskEvent] {
        let trip = try Self.requireKnown(command.trip, in: trips, field: "trip", kind: "trip")
        try Self.requireTime(command.at, field: "at")
        try Self.requireNote(command.reason, field: "reason", required: true)
        var after = trip
        after.title = command.title ?? trip.title
        after.stays = command.stays ?? trip.stays
        after.commitments = command.commitments ?? trip.commitments
        try checkTripContents(after)
        let changed = [
            trip.title != after.title ? "title" : nil, trip.stays != after.stays ? "stays" : nil,
            trip.commitments != after.commitments ? "commitments" : nil,
        ].compactMap { $0 }
        try Self.requireChange(changed)
        return [
            DeskEvent(
                at: command.at.instant,
                .tripAmended(
                    trip.id, title: after.title, stays: after.stays, commitments: after.commitments,
                    Amendment(at: command.at, reason: command.reason, changed: changed)))
        ]
    }

    /// Changing an advance task's title, duration, lead time or dependencies; a dependency must be a
    /// known task, and none may close a cycle.
    func decide(amendAdvanceTask command: AmendAdvanceTask) throws(DeskError) -> [DeskEvent] {
        let task = try Self.requireKnown(command.task, in: tasks, field: "task", kind: "advance task")
        try Self.requireTime(command.at, field: "at")
        try Self.requireNote(command.reason, field: "reason", required: true)
        let before = TaskTerms(of: task)
        var after = before
        after.title = command.title ?? before.title
        after.duration = command.duration ?? before.duration
        after.leadTime = command.leadTime ?? before.leadTime
        after.dependsOn = command.dependsOn ?? before.dependsOn
        if let owner = command.owner { after.owner = owner.isBlank ? nil : owner }
        try Self.requireName(after.title, field: "title")
        try Self.requireLine(after.owner ?? "", field: "owner")
        try Self.requireMinutes(after.duration, field: "duration", in: 1...DeskLimits.longestTask.value)
        try Self.requireMinutes(after.leadTime, field: "lead_time", in: 0...DeskLimits.longestTask.value)
        try Self.requireCount(after.dependsOn.count, field: "depends_on")
        for dependency in after.dependsOn where tasks[dependency] == nil {
            throw .unknownReference(field: "depends_on", kind: "advance task", id: dependency.rawValue)
        }
        var graph = tasks.mapValues(\.dependsOn)
        graph[task.id] = after.dependsOn
        if let cycle = DependencyCycle.find(in: graph, startingFrom: [task.id]) { throw .dependencyCycle(cycle) }
        let changed = [
            before.title != after.title ? "title" : nil, before.duration != after.duration ? "duration" : nil,
            before.leadTime != after.leadTime ? "lead_time" : nil,
            before.dependsOn != after.dependsOn ? "depends_on" : nil, before.owner != after.owner ? "owner" : nil,
        ].compactMap { $0 }
        try Self.requireChange(changed)
        return [
            DeskEvent(
                at: command.at.instant,
                .advanceTaskAmended(task.id, after, Amendment(at: command.at, reason: command.reason, changed: changed))
            )
        ]
    }

    /// Moving an open deadline (a met, missed or waived one is history).
    func decide(moveDeadline command: MoveDeadline) throws(DeskError) -> [DeskEvent] {
        let deadline = try Self.requireKnown(command.deadline, in: deadlines, field: "deadline", kind: "deadline")
        guard deadline.status == .open else { throw .deadlineAlreadyResolved(deadline.id, deadline.status) }
        try Self.requireTime(command.at, field: "at")
        try Self.requireTime(command.due, field: "due")
        try Self.requireNotBefore(command.due, command.at, field: "due", what: "the time of the move")
        try Self.requireNote(command.reason, field: "reason", required: true)
        let alarms = command.alarms ?? deadline.alarms
        try Self.requireCount(alarms.count, field: "alarms", atMost: DeskLimits.maxAlarms)
        guard alarms.allSatisfy({ (1...DeskLimits.longestWait.value).contains($0.value) }),
            Set(alarms).count == alarms.count
        else {
            throw .invalidValue(
                field: "alarms", expected: "distinct lead times longer than 0m and at most \(DeskLimits.longestWait)",
                found: alarms.map(\.description).joined(separator: ", "))
        }
        let changed = [
            deadline.due.instant != command.due.instant || deadline.due.zone != command.due.zone ? "due" : nil,
            deadline.alarms != alarms ? "alarms" : nil,
        ].compactMap { $0 }
        try Self.requireChange(changed)
        return [
            DeskEvent(
                at: command.at.instant,
                .deadlineMoved(
                    deadline.id, due: command.due, alarms: alarms,
                    Amendment(at: command.at, reason: command.reason, changed: changed)))
        ]
    }

    /// Changing a party, a principal, a venue or a channel, under the same checks as adding one.
    func decide(amendRecord command: AmendRecord) throws(DeskError) -> [DeskEvent] {
        try Self.requireTime(command.at, field: "at")
        try Self.requireNote(command.reason, field: "reason", required: true)
        func amendment(_ changed: [String?]) throws(DeskError) -> Amendment {
            let changed = changed.compactMap { $0 }
            try Self.requireChange(changed)
            return Amendment(at: command.at, reason: command.reason, changed: changed)
        }
        let fact: DeskEvent.Fact
        switch command.change {
        case .party(let party):
            let before = try Self.requireKnown(party.id, in: parties, field: "party", kind: "party")
            try Self.requireName(party.name, field: "name")
            fact = .partyAmended(party, try amendment([before.name != party.name ? "name" : nil]))
        case .principal(let principal):
            let before = try Self.requireKnown(principal.id, in: principals, field: "principal", kind: "principal")
            try Self.requireName(principal.name, field: "name")
            try Self.requireLine(principal.title, field: "title")
            try Self.requireKnown(principal.party, in: parties, field: "party", kind: "party")
            fact = .principalAmended(
                principal,
                try amendment([
                    before.name != principal.name ? "name" : nil, before.title != principal.title ? "title" : nil,
                    before.party != principal.party ? "party" : nil,
                ]))
        case .venue(let venue):
            let before = try Self.requireKnown(venue.id, in: venues, field: "venue", kind: "venue")
            try Self.requireName(venue.name, field: "name")
            try Self.requireLine(venue.city, field: "city")
            try venue.coordinates?.validate()
            fact = .venueAmended(
                venue,
                try amendment([
                    before.name != venue.name ? "name" : nil, before.city != venue.city ? "city" : nil,
                    before.coordinates != venue.coordinates ? "coordinates" : nil,
                    before.zone != venue.zone ? "zone" : nil,
                ]))
        case .channel(let id, let name, let via):
            let before = try Self.requireKnown(id, in: channels, field: "channel", kind: "channel")
            try Self.requireName(name, field: "name")
            if let via { try Self.requireKnown(via, in: parties, field: "via", kind: "party") }
            fact = .channelAmended(
                id, name: name, via: via,
                try amendment([before.name != name ? "name" : nil, before.via != via ? "via" : nil]))
        case .desk(let title, let zone, let webhook):
            guard let before = profile else { throw .deskNotOpened }
            try Self.requireName(title, field: "title")
            try Self.requireWebhook(webhook)
            fact = .deskAmended(
                title: title, zone: zone, webhook: webhook,
                try amendment([
                    before.title != title ? "title" : nil, before.zone != zone ? "zone" : nil,
                    before.webhook != webhook ? "webhook" : nil,
                ]))
        case .playbook(let id, let name, let steps):
            let before = try Self.requireKnown(id, in: playbooks, field: "playbook", kind: "playbook")
            // A running playbook's tries are already scheduled from its steps: stop it and define another.
            guard before.startedAt == nil else {
                throw .invalidValue(
                    field: "playbook", expected: "a playbook not yet started (stop this one and define another)",
                    found: id.rawValue)
            }
            try Self.requireName(name, field: "name")
            try requireSteps(steps)
            fact = .playbookAmended(
                id, name: name, steps: steps,
                try amendment([before.name != name ? "name" : nil, before.steps != steps ? "steps" : nil]))
        }
        return [DeskEvent(at: command.at.instant, fact)]
    }

    /// Refuses an amendment that changes nothing.
    private static func requireChange(_ changed: [String]) throws(DeskError) {
        guard !changed.isEmpty else {
            throw .invalidValue(
                field: "", expected: "at least one field that differs from what is recorded", found: "no change")
        }
    }
}
