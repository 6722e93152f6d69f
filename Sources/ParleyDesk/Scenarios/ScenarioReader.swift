import Foundation
import Yams

/// Reads a scenario file (YAML describing a whole desk) into the events that would create that desk.
///
/// Every command the file implies is decided against the desk as built so far, so the file passes the
/// same rules as anything typed at the desk; the first refusal stops the read and nothing comes of it.
public struct ScenarioReader {
    /// The file's name, for error messages.
    public let file: String
    private var state = DeskState()
    private var events: [DeskEvent] = []
    private var opened = Date(timeIntervalSince1970: 0)
    private var zone = TimeZoneID.utc
    private var reference: ReferenceCase?

    private init(file: String) { self.file = file }

    /// Parses `text` and returns the desk's events in order, or the first error with its place.
    /// - Throws: `ScenarioError` with file, line, column, field, and what was expected and found.
    public static func read(_ text: String, file: String) throws(ScenarioError) -> ScenarioContents {
        var reader = ScenarioReader(file: file)
        let root = try reader.compose(text)
        try reader.readAll(root)
        return ScenarioContents(
            profile: reader.state.profile!, events: reader.events, state: reader.state, reference: reader.reference)
    }

    private func compose(_ text: String) throws(ScenarioError) -> YAMLCursor {
        try YAMLStructureGuard.check(text, file: file)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw located(error)
        } catch {
            throw ScenarioError(file: file, line: 1, column: 1, field: "", reason: "not readable as YAML: \(error)")
        }
        guard let node else {
            throw ScenarioError(file: file, line: 1, column: 1, field: "", reason: "the file is empty")
        }
        return YAMLCursor(node: node, path: "", file: file)
    }

    private func located(_ error: YamlError) -> ScenarioError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            ScenarioError(
                file: file, line: mark.line, column: mark.column, field: "", reason: "YAML syntax: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            ScenarioError(
                file: file, line: context.mark.line, column: context.mark.column, field: "",
                reason: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            ScenarioError(file: file, line: 1, column: 1, field: "", reason: "not readable as YAML: \(error)")
        }
    }

    private mutating func readAll(_ root: YAMLCursor) throws(ScenarioError) {
        try root.requireMapping(allowed: [
            "desk", "parties", "principals", "venues", "trips", "engagements", "channels", "attempts", "playbooks",
            "deadlines", "tasks", "signals", "messages", "travel", "itineraries", "case",
        ])
        try readDesk(try root.required("desk"))
        for item in try root.listIfPresent("parties") {
            try item.requireMapping(allowed: ["id", "name", "amendments"])
            let party = Party(id: try id(item), name: try item.required("name").nonEmptyText())
            try run(.registerParty(party), at: item)
            for (amend, entry) in try amendments(
                of: item,
                { (change) throws(ScenarioError) in
                    try change.requireMapping(allowed: ["at", "reason", "name", "known_at"])
                    var amended = party
                    amended.name = try change.optional("name")?.nonEmptyText() ?? party.name
                    return .party(amended)
                })
            {
                try run(.amendRecord(amend), at: entry)
            }
        }
        for item in try root.listIfPresent("principals") {
            try item.requireMapping(allowed: ["id", "name", "title", "party", "amendments"])
            let principal = Principal(
                id: try id(item), name: try item.required("name").nonEmptyText(),
                title: try item.optional("title")?.text() ?? "", party: try id(item, "party"))
            try run(.registerPrincipal(principal), at: item)
            for (amend, entry) in try amendments(
                of: item,
                { (change) throws(ScenarioError) in
                    try change.requireMapping(allowed: ["at", "reason", "name", "title", "party", "known_at"])
                    var amended = principal
                    amended.name = try change.optional("name")?.nonEmptyText() ?? principal.name
                    amended.title = try change.optional("title")?.text() ?? principal.title
                    if change.optional("party") != nil { amended.party = try id(change, "party") }
                    return .principal(amended)
                })
            {
                try run(.amendRecord(amend), at: entry)
            }
        }
        for item in try root.listIfPresent("venues") {
            try item.requireMapping(allowed: ["id", "name", "city", "latitude", "longitude", "zone", "amendments"])
            let venue = Venue(
                id: try id(item), name: try item.required("name").nonEmptyText(),
                city: try item.optional("city")?.text() ?? "",
                coordinates: Coordinates(
                    latitude: try item.required("latitude").number(), longitude: try item.required("longitude").number()
                ),
                zone: try item.required("zone").parse { (text) throws(DeskError) in
                    try TimeZoneID.validated(text, field: "zone")
                })
            try run(.registerVenue(venue), at: item)
            for (amend, entry) in try amendments(
                of: item,
                { (change) throws(ScenarioError) in
                    try change.requireMapping(allowed: [
                        "at", "reason", "name", "city", "latitude", "longitude", "zone", "known_at",
                    ])
                    var amended = venue
                    amended.name = try change.optional("name")?.nonEmptyText() ?? venue.name
                    amended.city = try change.optional("city")?.text() ?? venue.city
                    amended.coordinates.latitude =
                        try change.optional("latitude")?.number() ?? venue.coordinates.latitude
                    amended.coordinates.longitude =
                        try change.optional("longitude")?.number() ?? venue.coordinates.longitude
                    if let zone = change.optional("zone") {
                        amended.zone = try zone.parse { (text) throws(DeskError) in
                            try TimeZoneID.validated(text, field: "zone")
                        }
                    }
                    return .venue(amended)
                })
            {
                try run(.amendRecord(amend), at: entry)
            }
        }
        for item in try root.listIfPresent("travel") {
            try item.requireMapping(allowed: ["from", "to", "time", "one_way"])
            let from: Venue.ID = try id(item, "from")
            let to: Venue.ID = try id(item, "to")
            let time = try item.required("time").parse { (text) throws(DeskError) in
                try Minutes.parse(text, field: "time")
            }
            let oneWay =
                try item.optional("one_way").map { (cursor) throws(ScenarioError) in try cursor.choice(YesNo.self) }
                ?? .no
            try run(.setTravelTime(TravelOverride(from: from, to: to, time: time)), at: item)
            if oneWay == .no { try run(.setTravelTime(TravelOverride(from: to, to: from, time: time)), at: item) }
        }
        for item in try root.listIfPresent("trips") { try readTrip(item) }
        for item in try root.listIfPresent("engagements") { try readEngagement(item) }
        for item in try root.listIfPresent("channels") { try readChannel(item) }
        for item in try root.listIfPresent("attempts") {
            try item.requireMapping(allowed: [
                "id", "channel", "engagement", "at", "outcome", "note", "known_at", "retracted",
            ])
            let attempt = ContactAttempt(
                id: try id(item), channel: try id(item, "channel"), engagement: try optionalID(item, "engagement"),
                at: try reportedTime(item.required("at")),
                outcome: try item.required("outcome").choice(AttemptOutcome.self),
                note: try item.optional("note")?.text() ?? "")
            try retractIfMarked(item, entries: try run(.recordContactAttempt(attempt), at: item))
        }
        for item in try root.listIfPresent("playbooks") { try readPlaybook(item) }
        for item in try root.listIfPresent("deadlines") { try readDeadline(item) }
        try readTasks(try root.listIfPresent("tasks"))
        for item in try root.listIfPresent("signals") { try readSignal(item) }
        for item in try root.listIfPresent("messages") { try readMessage(item) }
        for item in try root.listIfPresent("itineraries") { try readItinerary(item) }
        if let item = root.optional("case") { reference = try readCase(item) }
        // Last, so every time above is read in the zone the desk was opened with.
        let desk = try root.required("desk")
        for (amend, entry) in try amendments(
            of: desk,
            { (change) throws(ScenarioError) in
                try change.requireMapping(allowed: ["at", "reason", "title", "zone", "webhook", "known_at"])
                let profile = state.profile!
                var webhook = profile.webhook
                if let cursor = change.given("webhook") { webhook = cursor.isNone ? nil : try cursor.text() }
                return .desk(
                    title: try change.optional("title")?.nonEmptyText() ?? profile.title,
                    zone: try change.optional("zone")?.parse { (text) throws(DeskError) in
                        try TimeZoneID.validated(text, field: "zone")
                    } ?? profile.zone, webhook: webhook)
            })
        {
            try run(.amendRecord(amend), at: entry)
        }
    }

    /// A corpus case: the engagement, how it ended and when that was known, the moments to score, the sources.
    private func readCase(_ item: YAMLCursor) throws(ScenarioError) -> ReferenceCase {
        try item.requireMapping(allowed: ["engagement", "outcome", "settled_at", "moments", "sources"])
        let engagement: Engagement.ID = try id(item, "engagement")
        guard state.engagements[engagement] != nil else {
            throw try item.required("engagement").error("no engagement with id '\(engagement)' in this file")
        }
        let settled = try time(item.required("settled_at"))
        var moments: [ReferenceCase.Moment] = []
        for moment in try item.required("moments").list() {
            try moment.requireMapping(allowed: ["at", "why"])
            let at = try time(moment.required("at"))
            guard at.instant < settled.instant else {
                throw try moment.required("at").error(
                    "a moment before the outcome was known (\(settled.display)), found \(at.display)")
            }
            moments.append(ReferenceCase.Moment(at: at, why: try moment.required("why").nonEmptyText()))
        }
        guard ReferenceCase.momentCount.contains(moments.count) else {
            throw try item.required("moments").error(
                "expected \(ReferenceCase.momentCount.lowerBound) to \(ReferenceCase.momentCount.upperBound) moments, found \(moments.count)"
            )
        }
        let sources = try item.required("sources").list().map { (cursor) throws(ScenarioError) in
            try cursor.nonEmptyText()
        }
        guard !sources.isEmpty else { throw try item.required("sources").error("expected at least one source") }
        return ReferenceCase(
            engagement: engagement, outcome: try item.required("outcome").choice(ReferenceCase.Outcome.self),
            settledAt: settled, moments: moments.sorted { $0.at.instant < $1.at.instant }, sources: sources)
    }

    /// Records the retraction an entry's `retracted` (`at`, `reason`) describes, of the entries `item`
    /// recorded (a move and the slot agreed with it), the last first.
    private mutating func retractIfMarked(_ item: YAMLCursor, entries: [Int64]) throws(ScenarioError) {
        guard let marked = item.optional("retracted") else { return }
        try marked.requireMapping(allowed: ["at", "reason", "known_at"])
        let reason = try marked.required("reason").nonEmptyText()
        let at = try time(marked.required("at")).instant
        for entry in entries.reversed() {
            try run(.retractEntry(RetractEntry(entry: entry, reason: reason, at: at)), at: marked)
        }
    }

    private mutating func readDesk(_ item: YAMLCursor) throws(ScenarioError) {
        try item.requireMapping(allowed: ["name", "title", "zone", "opened", "webhook", "amendments"])
        zone = try item.required("zone").parse { (text) throws(DeskError) in
            try TimeZoneID.validated(text, field: "zone")
        }
        let name = try item.required("name").parse { (text) throws(DeskError) in
            try Identifier<DeskProfile>.validated(text, field: "name").rawValue
        }
        let profile = DeskProfile(
            name: name, title: try item.required("title").nonEmptyText(), zone: zone,
            opened: try time(item.required("opened")), webhook: try item.optional("webhook")?.text())
        opened = profile.opened.instant
        try run(.openDesk(profile), at: item)
    }

    private mutating func readTrip(_ item: YAMLCursor) throws(ScenarioError) {
        try item.requireMapping(allowed: ["id", "title", "principal", "stays", "commitments", "amendments"])
        let trip = Trip(
            id: try id(item), title: try item.required("title").nonEmptyText(), principal: try id(item, "principal"),
            stays: try stays(of: item), commitments: try commitments(of: item))
        try run(.planTrip(trip), at: item)
        for change in try item.listIfPresent("amendments") {
            try change.requireMapping(allowed: ["at", "reason", "title", "stays", "commitments"])
            var amend = AmendTrip(
                trip: trip.id, at: try time(change.required("at")), reason: try change.required("reason").nonEmptyText()
            )
            amend.title = try change.optional("title")?.nonEmptyText()
            if change.optional("stays") != nil { amend.stays = try stays(of: change) }
            if change.optional("commitments") != nil { amend.commitments = try commitments(of: change) }
            try run(.amendTrip(amend), at: change)
        }
    }

    private mutating func readEngagement(_ item: YAMLCursor) throws(ScenarioError) {
        try item.requireMapping(allowed: [
            "id", "title", "principals", "counterpart", "purpose", "priority", "trip", "duration", "venues", "windows",
            "opened", "history", "compartment", "agreed_slot", "amendments",
        ])
        var windows: [TimeWindow] = []
        for window in try item.listIfPresent("windows") {
            try window.requireMapping(allowed: ["from", "to"])
            windows.append(TimeWindow(from: try time(window.required("from")), to: try time(window.required("to"))))
        }
        let engagement = Engagement(
            id: try id(item), title: try item.required("title").nonEmptyText(),
            principals: try item.required("principals").list().map { (cursor) throws(ScenarioError) in
                try identifier(cursor)
            },
            counterpart: try id(item, "counterpart"), purpose: try item.optional("purpose")?.text() ?? "",
            priority: try item.optional("priority")?.integer() ?? 3, trip: try optionalID(item, "trip"),
            duration: try item.required("duration").parse { (text) throws(DeskError) in
                try Minutes.parse(text, field: "duration")
            },
            venues: try item.listIfPresent("venues").map { (cursor) throws(ScenarioError) in try identifier(cursor) },
            windows: windows, opened: try time(item.required("opened")),
            compartment: try optionalID(item, "compartment"))
        try run(.openEngagement(OpenEngagement(engagement)), at: item)
        // Moves, amendments and the agreed slot (its latest terms) are recorded in the order they happened;
        // at one instant an amendment comes first, then the move, then the slot agreed with it.
        var timed: [(at: Date, rank: Int, command: DeskCommand, cursor: YAMLCursor)] = []
        for change in try item.listIfPresent("amendments") {
            let amend = try engagementAmendment(change, of: engagement.id)
            timed.append((amend.at.instant, 0, .amendEngagement(amend), change))
        }
        for move in try item.listIfPresent("history") {
            try move.requireMapping(allowed: ["to", "at", "by", "reason", "slot", "known_at", "retracted"])
            let command = MoveEngagement(
                engagement: engagement.id, to: try move.required("to").choice(EngagementState.self),
                at: try reportedTime(move.required("at")), by: try move.required("by").nonEmptyText(),
                reason: try move.required("reason").nonEmptyText(),
                slot: try move.optional("slot").map { (cursor) throws(ScenarioError) in
                    try cursor.requireMapping(allowed: ["start", "duration", "venue"])
                    return try slotTerms(cursor)
                })
            timed.append((command.at.instant, 1, .moveEngagement(command), move))
        }
        if let cursor = item.optional("agreed_slot") {
            try cursor.requireMapping(allowed: ["start", "duration", "venue", "agreed_at"])
            let agreed = AgreeSlot(
                engagement: engagement.id, terms: try slotTerms(cursor), at: try time(cursor.required("agreed_at")))
            timed.append((agreed.at.instant, 2, .agreeSlot(agreed), cursor))
        }
        for entry in timed.enumerated().sorted(by: {
            ($0.element.at, $0.element.rank, $0.offset) < ($1.element.at, $1.element.rank, $1.offset)
        }) {
            let recorded = try run(entry.element.command, at: entry.element.cursor)
            // A move marked retracted (typed in the wrong zone, say) is taken back before the next.
            if entry.element.rank == 1 { try retractIfMarked(entry.element.cursor, entries: recorded) }
        }
    }

    /// The `stays` listed under `item`.
    private func stays(of item: YAMLCursor) throws(ScenarioError) -> [Stay] {
        var stays: [Stay] = []
        for stay in try item.listIfPresent("stays") {
            try stay.requireMapping(allowed: ["venue", "lodging", "from", "to"])
            stays.append(
                Stay(
                    venue: try id(stay, "venue"), lodging: try stay.optional("lodging")?.text() ?? "",
                    period: TimeWindow(from: try time(stay.required("from")), to: try time(stay.required("to")))))
        }
        return stays
    }

    /// The fixed `commitments` listed under `item`.
    private func commitments(of item: YAMLCursor) throws(ScenarioError) -> [FixedCommitment] {
        var commitments: [FixedCommitment] = []
        for commitment in try item.listIfPresent("commitments") {
            try commitment.requireMapping(allowed: ["id", "title", "venue", "start", "end"])
            commitments.append(
                FixedCommitment(
                    id: try id(commitment), title: try commitment.required("title").nonEmptyText(),
                    venue: try id(commitment, "venue"),
                    period: TimeWindow(
                        from: try time(commitment.required("start")), to: try time(commitment.required("end")))))
        }
        return commitments
    }

    private func engagementAmendment(_ change: YAMLCursor, of engagement: Engagement.ID) throws(ScenarioError)
        -> AmendEngagement
    {
        try change.requireMapping(allowed: [
            "at", "reason", "title", "purpose", "priority", "duration", "venues", "windows", "principals", "known_at",
        ])
        var amend = AmendEngagement(
            engagement: engagement, at: try time(change.required("at")),
            reason: try change.required("reason").nonEmptyText())
        amend.title = try change.optional("title")?.nonEmptyText()
        amend.purpose = try change.optional("purpose")?.text()
        amend.priority = try change.optional("priority")?.integer()
        amend.duration = try change.optional("duration")?.parse { (text) throws(DeskError) in
            try Minutes.parse(text, field: "duration")
        }
        if let venues = change.optional("venues") {
            amend.venues = try venues.list().map { (cursor) throws(ScenarioError) in try identifier(cursor) }
        }
        if let windows = change.optional("windows") {
            amend.windows = try windows.list().map { (window) throws(ScenarioError) in
                try window.requireMapping(allowed: ["from", "to"])
                return TimeWindow(from: try time(window.required("from")), to: try time(window.required("to")))
            }
        }
        if let principals = change.optional("principals") {
            amend.principals = try principals.list().map { (cursor) throws(ScenarioError) in try identifier(cursor) }
        }
        return amend
    }

    /// Each of `item`'s `amendments` (each with `at` and `reason`), as the change `change` reads it.
    private func amendments(
        of item: YAMLCursor, _ change: (YAMLCursor) throws(ScenarioError) -> AmendReference
    ) throws(ScenarioError) -> [(AmendRecord, YAMLCursor)] {
        var read: [(AmendRecord, YAMLCursor)] = []
        for entry in try item.listIfPresent("amendments") {
            let amend = AmendRecord(
                try change(entry), at: try time(entry.required("at")),
                reason: try entry.required("reason").nonEmptyText())
            read.append((amend, entry))
        }
        return read
    }

    private func slotTerms(_ cursor: YAMLCursor) throws(ScenarioError) -> SlotTerms {
        SlotTerms(
            start: try time(cursor.required("start")),
            duration: try cursor.optional("duration")?.parse { (text) throws(DeskError) in
                try Minutes.parse(text, field: "duration")
            },
            venue: try optionalID(cursor, "venue"))
    }

    private mutating func readChannel(_ item: YAMLCursor) throws(ScenarioError) {
        try item.requireMapping(allowed: ["id", "name", "kind", "party", "via", "status", "changes", "amendments"])
        let channel = Channel(
            id: try id(item), name: try item.required("name").nonEmptyText(),
            kind: try item.required("kind").choice(ChannelKind.self), party: try id(item, "party"),
            via: try optionalID(item, "via"), status: try item.required("status").choice(ChannelStatus.self))
        try run(.registerChannel(RegisterChannel(channel)), at: item)
        for change in try item.listIfPresent("changes") {
            try change.requireMapping(allowed: ["to", "at", "reason", "known_at", "retracted"])
            let command = ChangeChannelStatus(
                channel: channel.id, to: try change.required("to").choice(ChannelStatus.self),
                at: try time(change.required("at")), reason: try change.required("reason").nonEmptyText())
            try retractIfMarked(change, entries: try run(.changeChannelStatus(command), at: change))
        }
        for (amend, entry) in try amendments(
            of: item,
            { (change) throws(ScenarioError) in
                try change.requireMapping(allowed: ["at", "reason", "name", "via", "known_at"])
                let name = try change.optional("name")?.nonEmptyText() ?? channel.name
                // `via: ""` says the channel no longer runs through anyone.
                var via = channel.via
                if let cursor = change.given("via") {
                    via = cursor.isNone ? nil : try identifier(cursor) as Party.ID
                }
                return .channel(channel.id, name: name, via: via)
            })
        {
            try run(.amendRecord(amend), at: entry)
        }
    }

    private mutating func readPlaybook(_ item: YAMLCursor) throws(ScenarioError) {
        try item.requireMapping(allowed: [
            "id", "name", "engagement", "steps", "started_at", "tries", "stopped", "amendments",
        ])
        let playbook = Playbook(
            id: try id(item), name: try item.required("name").nonEmptyText(), engagement: try id(item, "engagement"),
            steps: try playbookSteps(item.required("steps")))
        try run(.definePlaybook(DefinePlaybook(playbook)), at: item)
        // Changed before it was started.
        for (amend, entry) in try amendments(
            of: item,
            { (change) throws(ScenarioError) in
                try change.requireMapping(allowed: ["at", "reason", "name", "steps", "known_at"])
                return .playbook(
                    playbook.id, name: try change.optional("name")?.nonEmptyText() ?? playbook.name,
                    steps: try change.optional("steps").map { (steps) throws(ScenarioError) in
                        try playbookSteps(steps)
                    } ?? playbook.steps)
            })
        {
            try run(.amendRecord(amend), at: entry)
        }
        if let started = item.optional("started_at") {
            try run(.startPlaybook(playbook.id, at: try time(started)), at: started)
        }
        for entry in try item.listIfPresent("tries") {
            try entry.requireMapping(allowed: ["step", "repetition", "channel", "at"])
            let due = PlaybookTry(
                // Counted from 1 in the file; Int.min cannot be counted down (decide refuses what does not fit).
                step: max(try entry.required("step").integer(), Int.min + 1) - 1,
                repetition: max(try entry.required("repetition").integer(), Int.min + 1) - 1,
                channel: try id(entry, "channel"), at: try time(entry.required("at")).instant)
            try run(.markPlaybookTryDue(playbook.id, due), at: entry)
        }
        if let stopped = item.optional("stopped") {
            try stopped.requireMapping(allowed: ["at", "reason"])
            let stop = PlaybookStop(
                at: try time(stopped.required("at")).instant, reason: try stopped.required("reason").nonEmptyText())
            try run(.stopPlaybook(playbook.id, stop), at: stopped)
        }
    }

    private func playbookSteps(_ list: YAMLCursor) throws(ScenarioError) -> [PlaybookStep] {
        var steps: [PlaybookStep] = []
        for step in try list.list() {
            try step.requireMapping(allowed: ["channel", "wait", "repeat"])
            steps.append(
                PlaybookStep(
                    channel: try id(step, "channel"),
                    wait: try step.required("wait").parse { (text) throws(DeskError) in
                        try Minutes.parse(text, field: "wait")
                    },
                    repeats: try step.optional("repeat")?.integer() ?? 1))
        }
        return steps
    }

    private mutating func readDeadline(_ item: YAMLCursor) throws(ScenarioError) {
        try item.requireMapping(allowed: [
            "id", "title", "engagement", "owed_by", "due", "status", "resolved_at", "note", "alarms", "alarms_raised",
            "set_at", "moves",
        ])
        let minutes = { (cursor: YAMLCursor) throws(ScenarioError) -> Minutes in
            try cursor.parse { (text) throws(DeskError) in try Minutes.parse(text, field: "alarms") }
        }
        let deadline = Deadline(
            id: try id(item), title: try item.required("title").nonEmptyText(),
            engagement: try optionalID(item, "engagement"), owedBy: try id(item, "owed_by"),
            due: try time(item.required("due")), alarms: try item.listIfPresent("alarms").map(minutes))
        // Set when the file says it was asked for; else when the desk was opened.
        let setAt = try item.optional("set_at").map { (cursor) throws(ScenarioError) in try time(cursor) }
        try run(.setDeadline(SetDeadline(deadline)), at: item, now: setAt?.instant)
        for raised in try item.listIfPresent("alarms_raised") {
            let lead = try minutes(raised)
            try run(
                .raiseDeadlineAlarm(
                    deadline.id, lead: lead, at: deadline.due.instant.addingTimeInterval(-lead.seconds)),
                at: raised)
        }
        // Moved (extended, brought forward) while open; `due` above is where it was first set.
        for move in try item.listIfPresent("moves") {
            try move.requireMapping(allowed: ["due", "at", "reason", "alarms"])
            let command = MoveDeadline(
                deadline: deadline.id, due: try time(move.required("due")),
                alarms: try move.optional("alarms").map { (cursor) throws(ScenarioError) in
                    try cursor.list().map(minutes)
                },
                at: try time(move.required("at")), reason: try move.required("reason").nonEmptyText())
            try run(.moveDeadline(command), at: move, now: command.at.instant)
        }
        let status = try item.optional("status")?.choice(DeadlineStatus.self) ?? .open
        let note = try item.optional("note")?.text() ?? ""
        if status == .open {
            if let resolved = item.optional("resolved_at") {
                throw resolved.error("an open deadline has no resolved_at")
            }
            return
        }
        let at = try time(item.required("resolved_at"))
        try run(.resolveDeadline(ResolveDeadline(deadline: deadline.id, status: status, at: at, note: note)), at: item)
    }

    private mutating func readTasks(_ items: [YAMLCursor]) throws(ScenarioError) {
        var tasks: [(task: AdvanceTask, addedAt: Date?, cursor: YAMLCursor)] = []
        var cursors: [String: YAMLCursor] = [:]
        var updates: [(UpdateAdvanceTask, YAMLCursor)] = []
        for item in items {
            try item.requireMapping(allowed: [
                "id", "title", "kind", "engagement", "venue", "duration", "lead_time", "depends_on", "owner", "status",
                "status_at", "progress", "added_at", "amendments",
            ])
            let task = AdvanceTask(
                id: try id(item), title: try item.required("title").nonEmptyText(),
                kind: try item.required("kind").choice(TaskKind.self), engagement: try id(item, "engagement"),
                venue: try id(item, "venue"),
                duration: try item.required("duration").parse { (text) throws(DeskError) in
                    try Minutes.parse(text, field: "duration")
                },
                leadTime: try item.optional("lead_time")?.parse { (text) throws(DeskError) in
                    try Minutes.parse(text, field: "lead_time")
                } ?? Minutes(0),
                dependsOn: try item.listIfPresent("depends_on").map { (cursor) throws(ScenarioError) in
                    try identifier(cursor)
                }, owner: try item.optional("owner")?.nonEmptyText())
            // Added when the file says, else with the desk's opening.
            let addedAt = try item.optional("added_at").map { (cursor) throws(ScenarioError) in try time(cursor) }
            tasks.append((task, addedAt?.instant, item))
            cursors[task.id.rawValue] = item
            // Its progress: each change with its time, then (as files have always said) the latest.
            for step in try item.listIfPresent("progress") {
                try step.requireMapping(allowed: ["status", "at", "known_at"])
                updates.append(
                    (
                        UpdateAdvanceTask(
                            task: task.id, status: try step.required("status").choice(TaskStatus.self),
                            at: try time(step.required("at"))), step
                    ))
            }
            let status = try item.optional("status")?.choice(TaskStatus.self) ?? .pending
            if let statusAt = item.optional("status_at") {
                updates.append((UpdateAdvanceTask(task: task.id, status: status, at: try time(statusAt)), item))
            } else if status != .pending {
                throw item.error("status '\(status.rawValue)' needs status_at: when it changed")
            }
        }
        guard !tasks.isEmpty else { return }
        // Tasks added together are one event; those added later, one event per time, in time order.
        let batches = Dictionary(grouping: tasks, by: \.addedAt).sorted {
            ($0.key ?? .distantPast) < ($1.key ?? .distantPast)
        }
        for (addedAt, batch) in batches {
            try run(
                .addAdvanceTasks(AddAdvanceTasks(batch.map(\.task))), at: batch[0].cursor, items: cursors, now: addedAt)
        }
        for item in items {
            for change in try item.listIfPresent("amendments") {
                try change.requireMapping(allowed: [
                    "at", "reason", "title", "duration", "lead_time", "depends_on", "owner", "known_at",
                ])
                var amend = AmendAdvanceTask(
                    task: try id(item), at: try time(change.required("at")),
                    reason: try change.required("reason").nonEmptyText())
                amend.title = try change.optional("title")?.nonEmptyText()
                amend.duration = try change.optional("duration")?.parse { (text) throws(DeskError) in
                    try Minutes.parse(text, field: "duration")
                }
                amend.leadTime = try change.optional("lead_time")?.parse { (text) throws(DeskError) in
                    try Minutes.parse(text, field: "lead_time")
                }
                // `owner: ""` says nobody does it any more.
                if let owner = change.given("owner") { amend.owner = owner.isNone ? "" : try owner.nonEmptyText() }
                if let dependsOn = change.optional("depends_on") {
                    amend.dependsOn = try dependsOn.list().map { (cursor) throws(ScenarioError) in
                        try identifier(cursor)
                    }
                }
                try run(.amendAdvanceTask(amend), at: change)
            }
        }
        for (update, cursor) in updates.enumerated().sorted(by: {
            ($0.element.0.at.instant, $0.offset) < ($1.element.0.at.instant, $1.offset)
        }).map(\.element) {
            try run(.updateAdvanceTask(update), at: cursor)
        }
    }

    private mutating func readSignal(_ item: YAMLCursor) throws(ScenarioError) {
        try item.requireMapping(allowed: [
            "id", "engagement", "at", "summary", "quote", "attribution", "stance", "grade", "side", "known_at",
            "retracted",
        ])
        let signal = Signal(
            id: try id(item), engagement: try optionalID(item, "engagement"),
            at: try reportedTime(item.required("at")), summary: try item.required("summary").nonEmptyText(),
            quote: try item.optional("quote")?.text(),
            attribution: try item.required("attribution").list().map { (cursor) throws(ScenarioError) in
                try cursor.nonEmptyText()
            },
            stance: try item.required("stance").choice(Stance.self),
            grade: try item.required("grade").parse { (text) throws(DeskError) in try AdmiraltyGrade(parsing: text) },
            side: try item.optional("side")?.choice(SignalSide.self) ?? .counterpart)
        try retractIfMarked(item, entries: try run(.recordSignal(signal), at: item))
    }

    private mutating func readMessage(_ item: YAMLCursor) throws(ScenarioError) {
        try item.requireMapping(allowed: [
            "id", "engagement", "channel", "from", "at", "summary", "quote", "stance", "asks", "known_at", "retracted",
        ])
        let message = InboundMessage(
            id: try id(item), engagement: try optionalID(item, "engagement"), channel: try optionalID(item, "channel"),
            from: try id(item, "from"), at: try reportedTime(item.required("at")),
            summary: try item.required("summary").nonEmptyText(), quote: try item.optional("quote")?.text(),
            stance: try item.required("stance").choice(Stance.self), asks: try item.optional("asks")?.text())
        try retractIfMarked(item, entries: try run(.recordMessage(message), at: item))
    }

    private mutating func readItinerary(_ item: YAMLCursor) throws(ScenarioError) {
        try item.requireMapping(allowed: ["trip", "planned_at", "visits", "left_out"])
        var visits: [PlannedVisit] = []
        for visit in try item.listIfPresent("visits") {
            try visit.requireMapping(allowed: ["kind", "ref", "venue", "day", "start", "end"])
            visits.append(
                PlannedVisit(
                    kind: try visit.required("kind").choice(PlannedVisit.Kind.self),
                    ref: try visit.required("ref").nonEmptyText(),
                    venue: try id(visit, "venue"), day: try visit.required("day").integer(),
                    start: try time(visit.required("start")), end: try time(visit.required("end"))))
        }
        var leftOut: [LeftOutMeeting] = []
        for meeting in try item.listIfPresent("left_out") {
            try meeting.requireMapping(allowed: ["engagement", "reason"])
            leftOut.append(
                LeftOutMeeting(
                    engagement: try id(meeting, "engagement"), reason: try meeting.required("reason").nonEmptyText()))
        }
        let itinerary = Itinerary(
            trip: try id(item, "trip"), plannedAt: try time(item.required("planned_at")), visits: visits,
            leftOut: leftOut)
        try run(.recordItinerary(itinerary), at: item)
    }

    // MARK: - Readers for values

    private func id<Subject>(_ item: YAMLCursor, _ key: String = "id") throws(ScenarioError) -> Identifier<Subject> {
        try item.required(key).parse { (text) throws(DeskError) in try Identifier<Subject>.validated(text, field: key) }
    }

    private func identifier<Subject>(_ cursor: YAMLCursor) throws(ScenarioError) -> Identifier<Subject> {
        try cursor.parse { (text) throws(DeskError) in try Identifier<Subject>.validated(text, field: "id") }
    }

    private func optionalID<Subject>(_ item: YAMLCursor, _ key: String) throws(ScenarioError) -> Identifier<Subject>? {
        guard let value = item.optional(key) else { return nil }
        return try identifier(value)
    }

    private func time(_ cursor: YAMLCursor) throws(ScenarioError) -> ZonedTime {
        let zone = self.zone
        return try cursor.parse { (text) throws(DeskError) in
            try ZonedTime.parse(text, field: cursor.path, defaultZone: zone)
        }
    }

    /// When something was said, tried or moved: a time, or a day or a span of days.
    private func reportedTime(_ cursor: YAMLCursor) throws(ScenarioError) -> ZonedTime {
        let zone = self.zone
        return try cursor.parse { (text) throws(DeskError) in
            try ZonedTime.parseReported(text, field: cursor.path, defaultZone: zone)
        }
    }

    /// Decides `command` on the desk read so far and folds in what it yields; answers the numbers of
    /// the entries it recorded.
    @discardableResult
    private mutating func run(
        _ command: DeskCommand, at cursor: YAMLCursor, items: [String: YAMLCursor] = [:], now: Date? = nil
    ) throws(ScenarioError) -> [Int64] {
        let first = state.log.nextNumber
        // `known_at`: when the desk learned of it, if later than it happened (a visit reported weeks on).
        let known = try cursor.optional("known_at").map { (known) throws(ScenarioError) in try time(known) }
        do {
            var decided = try state.decide(command, now: now ?? opened, as: .all)  // a file holds the whole desk
            if let known {
                for index in decided.indices {
                    decided[index] = DeskEvent(at: decided[index].at, decided[index].fact, known: known.instant)
                }
            }
            for event in decided { state.apply(event) }
            events += decided
            return (0..<decided.count).map { first + Int64($0) }
        } catch {
            var base = cursor
            if let itemID = error.itemID, let item = items[itemID] { base = item }
            guard let field = error.field else { throw base.error(error.reason) }
            let target = base.locate(field)
            let path = base.path.isEmpty ? field : "\(base.path).\(field)"
            throw ScenarioError(file: file, line: target.line, column: target.column, field: path, reason: error.reason)
        }
    }
}

/// What a scenario file describes: the desk's profile, the events that build it, and the resulting state.
public struct ScenarioContents: Sendable {
    /// The desk's name, title, zone and opening time.
    public var profile: DeskProfile
    /// The events, in the order they were decided.
    public var events: [DeskEvent]
    /// The desk after all of them.
    public var state: DeskState
    /// For a file of the reference-class corpus, its outcome and the moments to score (`case:`).
    public var reference: ReferenceCase? = nil
}

/// `yes` or `no`, for flags in scenario files.
private enum YesNo: String, CaseIterable {
    case yes
    case no
}
