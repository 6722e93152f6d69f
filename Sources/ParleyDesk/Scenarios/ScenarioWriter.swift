import Foundation

/// Writes a desk as a scenario file that `ScenarioReader` reads back into the same state.
public enum ScenarioWriter {
    /// The YAML text for `state`; ids sort lists of reference data, time sorts attempts and signals.
    public static func write(_ state: DeskState) -> String {
        var out = YAMLLines()
        guard let profile = state.profile else { return "" }
        let learned = LearnedTimes(state.log)
        out.line(0, "# Parley scenario: desk '\(profile.name)'. Times are local, with their zone; ~ marks approximate.")
        out.line(0, "desk:")
        out.field(1, "name", plain: profile.name)
        out.field(1, "title", text: profile.title)
        out.field(1, "zone", plain: profile.zone.identifier)
        out.field(1, "opened", time: profile.opened)
        if let webhook = profile.webhook { out.field(1, "webhook", text: webhook) }

        out.section("parties", state.parties.values.sorted { $0.id < $1.id }) { out, party in
            out.item(2, "id", plain: party.id.rawValue)
            out.field(2, "name", text: party.name)
        }
        out.section("principals", state.principals.values.sorted { $0.id < $1.id }) { out, principal in
            out.item(2, "id", plain: principal.id.rawValue)
            out.field(2, "name", text: principal.name)
            out.field(2, "title", text: principal.title)
            out.field(2, "party", plain: principal.party.rawValue)
        }
        out.section("venues", state.venues.values.sorted { $0.id < $1.id }) { out, venue in
            out.item(2, "id", plain: venue.id.rawValue)
            out.field(2, "name", text: venue.name)
            out.field(2, "city", text: venue.city)
            if let coordinates = venue.coordinates {
                out.field(2, "latitude", plain: "\(coordinates.latitude)")
                out.field(2, "longitude", plain: "\(coordinates.longitude)")
            }
            out.field(2, "zone", plain: venue.zone.identifier)
        }
        out.section("travel", travelEntries(state)) { out, entry in
            out.item(2, "from", plain: entry.override.from.rawValue)
            out.field(2, "to", plain: entry.override.to.rawValue)
            out.field(2, "time", plain: entry.override.time.description)
            if entry.oneWay { out.field(2, "one_way", plain: "yes") }
        }
        out.section("trips", state.trips.values.sorted { $0.id < $1.id }) { out, trip in
            out.item(2, "id", plain: trip.id.rawValue)
            out.field(2, "title", text: trip.title)
            out.field(2, "principal", plain: trip.principal.rawValue)
            out.list(2, "stays", trip.stays) { out, stay in
                out.item(4, "venue", plain: stay.venue.rawValue)
                out.field(4, "lodging", text: stay.lodging)
                out.field(4, "from", time: stay.period.from)
                out.field(4, "to", time: stay.period.to)
            }
            out.list(2, "commitments", trip.commitments) { out, commitment in
                out.item(4, "id", plain: commitment.id.rawValue)
                out.field(4, "title", text: commitment.title)
                out.field(4, "venue", plain: commitment.venue.rawValue)
                out.field(4, "start", time: commitment.period.from)
                out.field(4, "end", time: commitment.period.to)
            }
        }
        out.section("engagements", state.engagements.values.sorted { $0.id < $1.id }) { out, engagement in
            out.item(2, "id", plain: engagement.id.rawValue)
            out.field(2, "title", text: engagement.title)
            out.field(2, "principals", plain: "[" + engagement.principals.map(\.rawValue).joined(separator: ", ") + "]")
            out.field(2, "counterpart", plain: engagement.counterpart.rawValue)
            out.field(2, "purpose", text: engagement.purpose)
            out.field(2, "priority", plain: "\(engagement.priority)")
            if let trip = engagement.trip { out.field(2, "trip", plain: trip.rawValue) }
            if let compartment = engagement.compartment { out.field(2, "compartment", plain: compartment.rawValue) }
            out.field(2, "duration", plain: engagement.duration.description)
            out.field(2, "venues", plain: "[" + engagement.venues.map(\.rawValue).joined(separator: ", ") + "]")
            out.list(2, "windows", engagement.windows) { out, window in
                out.item(4, "from", time: window.from)
                out.field(4, "to", time: window.to)
            }
            out.field(2, "opened", time: engagement.opened)
            out.list(2, "history", engagement.history) { out, move in
                out.item(4, "to", plain: move.to.rawValue)
                out.field(4, "at", time: move.at)
                out.field(4, "by", text: move.by)
                out.field(4, "reason", text: move.reason)
                if let known = learned.move(engagement.id, move) { out.field(4, "known_at", time: known) }
            }
            if let slot = engagement.agreedSlot {
                out.line(2, "agreed_slot:")
                out.field(4, "start", time: slot.start)
                out.field(4, "duration", plain: slot.duration.description)
                out.field(4, "venue", plain: slot.venue.rawValue)
                out.field(4, "agreed_at", time: slot.agreedAt)
            }
        }
        out.section("channels", state.channels.values.sorted { $0.id < $1.id }) { out, channel in
            out.item(2, "id", plain: channel.id.rawValue)
            out.field(2, "name", text: channel.name)
            out.field(2, "kind", plain: channel.kind.rawValue)
            out.field(2, "party", plain: channel.party.rawValue)
            if let via = channel.via { out.field(2, "via", plain: via.rawValue) }
            out.field(2, "status", plain: channel.initialStatus.rawValue)
            out.list(2, "changes", channel.changes) { out, change in
                out.item(4, "to", plain: change.to.rawValue)
                out.field(4, "at", time: change.at)
                out.field(4, "reason", text: change.reason)
            }
        }
        out.section("attempts", state.attempts.values.sorted { ($0.at.instant, $0.id) < ($1.at.instant, $1.id) }) {
            out, attempt in
            out.item(2, "id", plain: attempt.id.rawValue)
            out.field(2, "channel", plain: attempt.channel.rawValue)
            if let engagement = attempt.engagement { out.field(2, "engagement", plain: engagement.rawValue) }
            out.field(2, "at", time: attempt.at)
            out.field(2, "outcome", plain: attempt.outcome.rawValue)
            out.field(2, "note", text: attempt.note)
            if let known = learned.times["attempt:\(attempt.id)"] {
                out.field(2, "known_at", time: ZonedTime(known, zone: attempt.at.zone))
            }
        }
        out.section("playbooks", state.playbooks.values.sorted { $0.id < $1.id }) { out, playbook in
            out.item(2, "id", plain: playbook.id.rawValue)
            out.field(2, "name", text: playbook.name)
            out.field(2, "engagement", plain: playbook.engagement.rawValue)
            out.list(2, "steps", playbook.steps) { out, step in
                out.item(4, "channel", plain: step.channel.rawValue)
                out.field(4, "wait", plain: step.wait.description)
                out.field(4, "repeat", plain: "\(step.repeats)")
            }
            if let started = playbook.startedAt { out.field(2, "started_at", time: started) }
            out.list(2, "tries", playbook.due) { out, due in
                out.item(4, "step", plain: "\(due.step.countedFromOne)")
                out.field(4, "repetition", plain: "\(due.repetition.countedFromOne)")
                out.field(4, "channel", plain: due.channel.rawValue)
                out.field(4, "at", time: ZonedTime(due.at, zone: state.zone))
            }
            if let stop = playbook.stopped {
                out.line(2, "stopped:")
                out.field(3, "at", time: ZonedTime(stop.at, zone: state.zone))
                out.field(3, "reason", text: stop.reason)
            }
        }
        out.section("deadlines", state.deadlines.values.sorted { $0.id < $1.id }) { out, deadline in
            out.item(2, "id", plain: deadline.id.rawValue)
            out.field(2, "title", text: deadline.title)
            if let engagement = deadline.engagement { out.field(2, "engagement", plain: engagement.rawValue) }
            out.field(2, "owed_by", plain: deadline.owedBy.rawValue)
            out.field(2, "due", time: deadline.due)
            if let setAt = deadline.setAt, setAt.instant != state.profile?.opened.instant {
                out.field(2, "set_at", time: setAt)
            }
            out.field(2, "status", plain: deadline.status.rawValue)
            if let resolved = deadline.resolvedAt { out.field(2, "resolved_at", time: resolved) }
            out.field(2, "note", text: deadline.note)
            if !deadline.alarms.isEmpty {
                out.field(2, "alarms", plain: "[" + deadline.alarms.map(\.description).joined(separator: ", ") + "]")
            }
            if !deadline.alarmsRaised.isEmpty {
                out.field(
                    2, "alarms_raised",
                    plain: "[" + deadline.alarmsRaised.map(\.description).joined(separator: ", ") + "]")
            }
        }
        out.section("tasks", state.tasks.values.sorted { $0.id < $1.id }) { out, task in
            out.item(2, "id", plain: task.id.rawValue)
            out.field(2, "title", text: task.title)
            out.field(2, "kind", plain: task.kind.rawValue)
            out.field(2, "engagement", plain: task.engagement.rawValue)
            out.field(2, "venue", plain: task.venue.rawValue)
            out.field(2, "duration", plain: task.duration.description)
            out.field(2, "lead_time", plain: task.leadTime.description)
            out.field(2, "depends_on", plain: "[" + task.dependsOn.map(\.rawValue).joined(separator: ", ") + "]")
            if let owner = task.owner { out.field(2, "owner", text: owner) }
            out.field(2, "status", plain: task.status.rawValue)
            if let at = task.statusAt { out.field(2, "status_at", time: at) }
        }
        out.section("signals", state.signals.values.sorted { ($0.at.instant, $0.id) < ($1.at.instant, $1.id) }) {
            out, signal in
            out.item(2, "id", plain: signal.id.rawValue)
            if let engagement = signal.engagement { out.field(2, "engagement", plain: engagement.rawValue) }
            out.field(2, "at", time: signal.at)
            out.field(2, "summary", text: signal.summary)
            if let quote = signal.quote { out.field(2, "quote", text: quote) }
            out.field(
                2, "attribution", plain: "[" + signal.attribution.map(YAMLLines.quoted).joined(separator: ", ") + "]")
            out.field(2, "stance", plain: signal.stance.rawValue)
            out.field(2, "grade", plain: signal.grade.description)
            if signal.side != .counterpart { out.field(2, "side", plain: signal.side.rawValue) }
            if let known = learned.times["signal:\(signal.id)"] {
                out.field(2, "known_at", time: ZonedTime(known, zone: signal.at.zone))
            }
        }
        out.section("messages", state.messages.values.sorted { ($0.at.instant, $0.id) < ($1.at.instant, $1.id) }) {
            out, message in
            out.item(2, "id", plain: message.id.rawValue)
            if let engagement = message.engagement { out.field(2, "engagement", plain: engagement.rawValue) }
            if let channel = message.channel { out.field(2, "channel", plain: channel.rawValue) }
            out.field(2, "from", plain: message.from.rawValue)
            out.field(2, "at", time: message.at)
            out.field(2, "summary", text: message.summary)
            if let quote = message.quote { out.field(2, "quote", text: quote) }
            out.field(2, "stance", plain: message.stance.rawValue)
            if let asks = message.asks { out.field(2, "asks", text: asks) }
            if let known = learned.times["message:\(message.id)"] {
                out.field(2, "known_at", time: ZonedTime(known, zone: message.at.zone))
            }
        }
        out.section("itineraries", state.itineraries.values.sorted { $0.trip < $1.trip }) { out, itinerary in
            out.item(2, "trip", plain: itinerary.trip.rawValue)
            out.field(2, "planned_at", time: itinerary.plannedAt)
            out.list(2, "visits", itinerary.visits) { out, visit in
                out.item(4, "kind", plain: visit.kind.rawValue)
                out.field(4, "ref", text: visit.ref)
                out.field(4, "venue", plain: visit.venue.rawValue)
                out.field(4, "day", plain: "\(visit.day)")
                out.field(4, "start", time: visit.start)
                out.field(4, "end", time: visit.end)
            }
            out.list(2, "left_out", itinerary.leftOut) { out, meeting in
                out.item(4, "engagement", plain: meeting.engagement.rawValue)
                out.field(4, "reason", text: meeting.reason)
            }
            if let proven = itinerary.provenBest { out.field(2, "proven_best", plain: proven ? "yes" : "no") }
        }
        return out.text
    }

    /// Travel overrides, a symmetric pair written once (from the lower id), the rest one way.
    private static func travelEntries(_ state: DeskState) -> [(override: TravelOverride, oneWay: Bool)] {
        state.travelOverrides.values.sorted { ($0.from, $0.to) < ($1.from, $1.to) }.compactMap { override in
            let reverse = state.travelOverride(from: override.to, to: override.from)
            if reverse == override.time {
                return override.from < override.to ? (override, false) : nil
            }
            return (override, true)
        }
    }
}

/// Accumulates indented YAML lines; free text is always double-quoted so that no value changes type.
private struct YAMLLines {
    var text = ""

    mutating func line(_ indent: Int, _ content: String) {
        text += String(repeating: "  ", count: indent) + content + "\n"
    }

    mutating func field(_ indent: Int, _ key: String, plain: String) { line(indent, "\(key): \(plain)") }
    mutating func field(_ indent: Int, _ key: String, text value: String) {
        line(indent, "\(key): \(Self.quoted(value))")
    }
    mutating func field(_ indent: Int, _ key: String, time: ZonedTime) { field(indent, key, text: time.scenarioText) }

    /// The first field of a list item, behind its dash.
    mutating func item(_ indent: Int, _ key: String, plain: String) { line(indent - 1, "- \(key): \(plain)") }
    mutating func item(_ indent: Int, _ key: String, time: ZonedTime) {
        line(indent - 1, "- \(key): \(Self.quoted(time.scenarioText))")
    }

    mutating func section<Item>(_ key: String, _ items: [Item], _ body: (inout YAMLLines, Item) -> Void) {
        guard !items.isEmpty else { return }
        text += "\n"
        list(0, key, items, body)
    }

    mutating func list<Item>(_ indent: Int, _ key: String, _ items: [Item], _ body: (inout YAMLLines, Item) -> Void) {
        guard !items.isEmpty else { return }
        line(indent, "\(key):")
        for item in items { body(&self, item) }
    }

    static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += String(format: "\\x%02X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

/// When the desk learned of attempts, signals, messages and moves it learned of late, from the log the
/// state was folded from, so an exported file keeps `known_at`.
private struct LearnedTimes {
    /// By `attempt:ID`, `signal:ID`, `message:ID` and `move:ENGAGEMENT:INSTANT:STATE`.
    var times: [String: Date] = [:]

    init(_ log: DeskLog) {
        for event in log.standing {
            guard let known = event.known else { continue }
            switch event.fact {
            case .contactAttemptRecorded(let attempt): times["attempt:\(attempt.id)"] = known
            case .signalRecorded(let signal): times["signal:\(signal.id)"] = known
            case .messageReceived(let message): times["message:\(message.id)"] = known
            case .engagementMoved(let id, let move): times[Self.key(id, move)] = known
            default: break
            }
        }
    }

    func move(_ engagement: Engagement.ID, _ move: EngagementTransition) -> ZonedTime? {
        times[Self.key(engagement, move)].map { ZonedTime($0, zone: move.at.zone) }
    }

    private static func key(_ engagement: Engagement.ID, _ move: EngagementTransition) -> String {
        "move:\(engagement):\(move.at.instant.timeIntervalSince1970):\(move.to.rawValue)"
    }
}
