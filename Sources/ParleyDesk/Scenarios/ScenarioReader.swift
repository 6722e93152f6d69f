import Foundation
import Yams

/// Reads a scenario file (YAML describing a whole desk) into the events that would create that desk.
///
/// Every command the file implies is decided against the desk as built so far, so the file passes the
/// same rules as anything typed at the desk; the first refusal stops the read and nothing comes of it.
public struct ScenarioReader {
    /// The file's name, for error messages.
    public let file: String
    var state = DeskState()
    var events: [DeskEvent] = []
    var opened = Date(timeIntervalSince1970: 0)
    var zone = TimeZoneID.utc
    var reference: ReferenceCase?

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

    func compose(_ text: String) throws(ScenarioError) -> YAMLCursor {
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

    func located(_ error: YamlError) -> ScenarioError {
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

    mutating func readAll(_ root: YAMLCursor) throws(ScenarioError) {
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
                coordinates: try coordinates(of: item, otherwise: nil),
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
                    amended.coordinates = try coordinates(of: change, otherwise: venue.coordinates)
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
    func readCase(_ item: YAMLCursor) throws(ScenarioError) -> ReferenceCase {
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
    mutating func retractIfMarked(_ item: YAMLCursor, entries: [Int64]) throws(ScenarioError) {
        guard let marked = item.optional("retracted") else { return }
        try marked.requireMapping(allowed: ["at", "reason", "known_at"])
        let reason = try marked.required("reason").nonEmptyText()
        let at = try time(marked.required("at")).instant
        for entry in entries.reversed() {
            try run(.retractEntry(RetractEntry(entry: entry, reason: reason, at: at)), at: marked)
        }
    }

    /// A venue's `latitude` and `longitude`: both, or neither (then `otherwise`); one alone is kept with
    /// the other of `otherwise`, and refused when there is none.
    func coordinates(of item: YAMLCursor, otherwise: Coordinates?) throws(ScenarioError) -> Coordinates? {
        let latitude = try item.optional("latitude")?.number()
        let longitude = try item.optional("longitude")?.number()
        switch (latitude ?? otherwise?.latitude, longitude ?? otherwise?.longitude) {
        case (let latitude?, let longitude?): return Coordinates(latitude: latitude, longitude: longitude)
        case (nil, nil): return nil
        case (nil, _): throw item.error("latitude: expected it with the longitude (or neither, when not known)")
        case (_, nil): throw item.error("longitude: expected it with the latitude (or neither, when not known)")
        }
    }

    mutating func readDesk(_ item: YAMLCursor) throws(ScenarioError) {
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

    mutating func readTrip(_ item: YAMLCursor) throws(ScenarioError) {
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

    mutating func readEngagement(_ item: YAMLCursor) throws(ScenarioError) {
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
    func stays(of item: YAMLCursor) throws(ScenarioError) -> [Stay] {
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
    func commitments(of item: YAMLCursor) throws(ScenarioError) -> [FixedCommitment] {
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

    func engagementAmendment(_ change: YAMLCursor, of engagement: Engagement.ID) throws(ScenarioError)
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
    func amendments(
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

    func slotTerms(_ cursor: YAMLCursor) throws(ScenarioError) -> SlotTerms {
        SlotTerms(
            start: try time(cursor.required("start")),
            duration: try cursor.optional("duration")?.parse { (text) throws(DeskError) in
                try Minutes.parse(text, field: "duration")
            },
            venue: try optionalID(cursor, "venue"))
    }

    mutating func readChannel(_ item: YAMLCursor) throws(ScenarioError) {
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

    mutating func readSignal(_ item: YAMLCursor) throws(ScenarioError) {
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

    mutating func readMessage(_ item: YAMLCursor) throws(ScenarioError) {
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

    mutating func readItinerary(_ item: YAMLCursor) throws(ScenarioError) {
        try item.requireMapping(allowed: ["trip", "planned_at", "visits", "left_out", "proven_best"])
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
            leftOut: leftOut,
            provenBest: try item.optional("proven_best").map { (cursor) throws(ScenarioError) in
                try cursor.choice(YesNo.self) == .yes
            })
        try run(.recordItinerary(itinerary), at: item)
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
