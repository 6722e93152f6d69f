import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ParleyDesk
import ParleyServer
import ParleyTestSupport
import Testing
import Yams

/// The document's schemas, `#/components/schemas/NAME` by name, read from the served `/openapi.yaml`.
private struct Schemas {
    let all: [String: Any]

    init(yaml: String) throws {
        let document = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let components = try #require(document["components"] as? [String: Any])
        all = try #require(components["schemas"] as? [String: Any])
    }

    /// `schema` with a `$ref` followed.
    func resolved(_ schema: Any?) -> [String: Any]? {
        guard let schema = schema as? [String: Any] else { return nil }
        guard let reference = schema["$ref"] as? String else { return schema }
        return resolved(all[String(reference.split(separator: "/").last ?? "")])
    }

    /// Where the document and the JSON the server wrote disagree, as sentences; `minimal` has every
    /// optional value left out (and one element in each list), `full` every optional value set.
    func disagreements(_ name: String, minimal: Any?, full: Any?) -> [String] {
        disagreements(resolved(all[name]), minimal: minimal, full: full, at: name)
    }

    private func disagreements(_ schema: [String: Any]?, minimal: Any?, full: Any?, at path: String) -> [String] {
        guard let schema else { return [] }
        if let items = schema["items"] {
            return disagreements(
                resolved(items), minimal: (minimal as? [Any])?.first, full: (full as? [Any])?.first, at: path + "[]")
        }
        guard let properties = schema["properties"] as? [String: Any] else { return [] }
        let required = Set(schema["required"] as? [String] ?? [])
        var found: [String] = []
        if let minimal = minimal as? [String: Any], Set(minimal.keys) != required {
            found.append(
                "\(path): the server always writes \(Set(minimal.keys).sorted()), the document requires \(required.sorted())"
            )
        }
        if let full = full as? [String: Any], Set(full.keys) != Set(properties.keys) {
            found.append(
                "\(path): the server can write \(Set(full.keys).sorted()), the document has \(properties.keys.sorted())"
            )
        }
        for (key, property) in properties {
            found += disagreements(
                resolved(property), minimal: (minimal as? [String: Any])?[key], full: (full as? [String: Any])?[key],
                at: "\(path).\(key)")
        }
        return found
    }

    /// The required fields of `name`.
    func required(_ name: String) -> Set<String> { Set(resolved(all[name])?["required"] as? [String] ?? []) }
}

/// JSON as the server writes it: snake_case keys (the values do not matter here).
private func encoded(_ value: some Encodable) throws -> Any {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    return try JSONSerialization.jsonObject(with: try encoder.encode(value))
}

/// The served document.
private func schemas() async throws -> Schemas {
    let yaml = try await demoApplication().test(.router) { client in
        String(buffer: try await client.execute(uri: "/openapi.yaml", method: .get).body)
    }
    return try Schemas(yaml: yaml)
}

private let zone = try! TimeZoneID.validated("Asia/Seoul", field: "zone")
private let at = ZonedTime(Date(timeIntervalSince1970: 1_761_000_000), zone: zone)
private let window = TimeWindow(from: at, to: at)
/// A reported time known only to a span of days: the most a `ReportedTime` can write.
private let span = ZonedTime(
    Date(timeIntervalSince1970: 1_760_972_400), zone: zone,
    precision: .span(until: Date(timeIntervalSince1970: 1_761_145_200)))

/// Each model the API writes, with every optional value left out and with every one set.
private func models() throws -> [(name: String, minimal: Any, full: Any)] {
    let engagement = Engagement(
        id: "e", title: "t", principals: ["p"], counterpart: "c", purpose: "", priority: 1, trip: nil,
        duration: Minutes(60), venues: ["v"], windows: [window], opened: at)
    var engagements = (engagement, engagement)
    engagements.0.history = [EngagementTransition(from: .idea, to: .exploring, at: at, by: "b", reason: "r")]
    engagements.1.history = [EngagementTransition(from: .idea, to: .exploring, at: span, by: "b", reason: "r")]
    engagements.1.trip = "t"
    engagements.1.compartment = "c"
    engagements.1.agreedSlot = AgreedSlot(start: at, duration: Minutes(60), venue: "v", agreedAt: at)
    let channel = Channel(id: "h", name: "n", kind: .hotline, party: "p", status: .dormant)
    var channels = (channel, channel)
    channels.0.changes = [ChannelStatusChange(from: .dormant, to: .active, at: at, reason: "r")]
    channels.1.changes = channels.0.changes
    channels.1.via = "v"
    let attempt = ContactAttempt(id: "a", channel: "h", engagement: nil, at: at, outcome: .unanswered, note: "")
    var attempts = (attempt, attempt)
    attempts.1.engagement = "e"
    attempts.1.at = span
    let playbook = Playbook(id: "pb", name: "n", engagement: "e", steps: [PlaybookStep(channel: "h", wait: Minutes(5))])
    var playbooks = (playbook, playbook)
    playbooks.0.due = [PlaybookTry(step: 0, repetition: 0, channel: "h", at: at.instant)]
    playbooks.1.due = playbooks.0.due
    playbooks.1.startedAt = at
    playbooks.1.stopped = PlaybookStop(at: at.instant, reason: "r")
    let deadline = Deadline(id: "d", title: "t", engagement: nil, owedBy: "p", due: at, alarms: [Minutes(30)])
    var deadlines = (deadline, deadline)
    deadlines.0.alarmsRaised = [Minutes(30)]
    deadlines.1.alarmsRaised = [Minutes(30)]
    deadlines.1.engagement = "e"
    deadlines.1.resolvedAt = at
    deadlines.1.setAt = at
    let task = AdvanceTask(
        id: "k", title: "t", kind: .siteSurvey, engagement: "e", venue: "v", duration: Minutes(5),
        leadTime: Minutes(5), dependsOn: ["j"])
    var tasks = (task, task)
    tasks.1.statusAt = at
    tasks.1.owner = "o"
    let signal = Signal(
        id: "s", engagement: nil, at: at, summary: "s", quote: nil, attribution: ["a"], stance: .open,
        grade: try AdmiraltyGrade(parsing: "B2"))
    var signals = (signal, signal)
    signals.1.engagement = "e"
    signals.1.quote = "q"
    signals.1.at = span
    let message = InboundMessage(
        id: "m", engagement: nil, channel: nil, from: "p", at: at, summary: "s", quote: nil, stance: .open, asks: nil)
    var messages = (message, message)
    messages.1.engagement = "e"
    messages.1.channel = "h"
    messages.1.quote = "q"
    messages.1.asks = "a"
    messages.1.at = span
    let trip = Trip(
        id: "t", title: "t", principal: "p", stays: [Stay(venue: "v", lodging: "l", period: window)],
        commitments: [FixedCommitment(id: "c", title: "t", venue: "v", period: window)])
    let itinerary = Itinerary(
        trip: "t", plannedAt: at,
        visits: [PlannedVisit(kind: .engagement, ref: "e", venue: "v", day: 0, start: at, end: at)],
        leftOut: [LeftOutMeeting(engagement: "e", reason: "r")])
    var proven = itinerary
    proven.provenBest = true
    let venue = Venue(
        id: "v", name: "n", city: "c", coordinates: Coordinates(latitude: 1, longitude: 2), zone: zone)
    func both(_ value: some Encodable) throws -> (Any, Any) { (try encoded(value), try encoded(value)) }
    func pair(_ values: (some Encodable, some Encodable)) throws -> (Any, Any) {
        (try encoded(values.0), try encoded(values.1))
    }
    let rows: [(String, (Any, Any))] = [
        ("Party", try both(Party(id: "p", name: "n"))),
        ("Principal", try both(Principal(id: "p", name: "n", title: "t", party: "q"))),
        (
            "Venue",
            try pair((Venue(id: "v", name: "n", city: "c", coordinates: nil, zone: zone), venue))
        ), ("Trip", try both(trip)), ("Engagement", try pair(engagements)),
        ("Channel", try pair(channels)), ("ContactAttempt", try pair(attempts)), ("Playbook", try pair(playbooks)),
        ("Deadline", try pair(deadlines)), ("AdvanceTask", try pair(tasks)), ("Signal", try pair(signals)),
        ("Message", try pair(messages)),
        ("AgreedSlot", try both(AgreedSlot(start: at, duration: Minutes(60), venue: "v", agreedAt: at))),
        ("Itinerary", (try encoded(itinerary), try encoded(proven))), ("ZonedTime", try both(at)),
        ("Window", try both(window)),
        ("ReportedTime", (try encoded(at), try encoded(span))),
    ]
    return rows.map { ($0.0, $0.1.0, $0.1.1) }
}

@Suite("OpenAPI document against the server")
struct OpenAPIConformanceTests {
    @Test("every model schema requires exactly what the server always writes and lists all it can write")
    func responseSchemas() async throws {
        let schemas = try await schemas()
        for model in try models() {
            let found = schemas.disagreements(model.name, minimal: model.minimal, full: model.full)
            #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
        }
    }

    @Test("every request schema requires exactly the fields whose absence the server refuses as missing")
    func requestSchemas() async throws {
        let schemas = try await schemas()
        let names =
            [
                "NewParty", "NewPrincipal", "NewVenue", "NewTrip", "NewEngagement", "NewChannel", "NewTask",
                "NewPlaybook",
            ]
            + ["NewTravel"]
            + ["NewAttempt", "NewSignal", "NewDeadline", "Move", "Resolve", "TaskProgress"]
        let requirements = Dictionary(uniqueKeysWithValues: names.map { ($0, schemas.required($0)) })
        try await demoApplication().test(.router) { anonymous in
            let client = SignedInClient(anonymous, as: "admin")
            // Bodies that decode; each is posted again without one field at a time.
            var bodies: [(schema: String, path: String, body: [String: Any])] = [
                ("NewParty", "parties", ["id": "c-party", "name": "n", "expected_version": 1_000_000]),
                (
                    "NewPrincipal", "principals",
                    ["id": "c-principal", "name": "n", "title": "t", "party": "us", "expected_version": 1_000_000]
                ),
                (
                    "NewVenue", "venues",
                    [
                        "id": "c-venue", "name": "n", "city": "c", "latitude": 1.0, "longitude": 2.0, "zone": "UTC",
                        "expected_version": 1_000_000,
                    ]
                ),
                (
                    "NewTrip", "trips",
                    [
                        "id": "c-trip", "title": "t", "principal": "trump",
                        "stays": [["venue": "busan", "from": "2025-10-29 09:00", "to": "2025-10-30 09:00"]],
                        "commitments": [Any](), "expected_version": 1_000_000,
                    ]
                ),
                (
                    "NewEngagement", "engagements",
                    [
                        "id": "c-engagement", "title": "t", "principals": ["trump"], "counterpart": "dprk",
                        "purpose": "p", "priority": 2, "trip": "asia-2025", "duration": "1h", "venues": ["busan"],
                        "windows": [["from": "2025-10-29 09:00", "to": "2025-10-29 18:00"]],
                        "opened": "2025-10-20 09:00",
                        "expected_version": 1_000_000,
                    ]
                ),
                (
                    "NewChannel", "channels",
                    [
                        "id": "c-channel", "name": "n", "kind": "fax", "party": "dprk", "via": "us",
                        "expected_version": 1_000_000,
                    ]
                ),
                (
                    "NewTask", "tasks",
                    [
                        "id": "c-task", "title": "t", "kind": "logistics", "engagement": "kim-meeting",
                        "venue": "busan",
                        "duration": "1h", "lead_time": "2h", "depends_on": [Any](), "owner": "o",
                        "expected_version": 1_000_000,
                    ]
                ),
                (
                    "NewPlaybook", "playbooks",
                    [
                        "id": "c-playbook", "name": "n", "engagement": "kim-meeting",
                        "steps": [["channel": "dmz-hotline", "wait": "30m", "repeat": 1]],
                        "expected_version": 1_000_000,
                    ]
                ),
                (
                    "NewTravel", "travel",
                    ["from": "busan", "to": "tokyo", "time": "2h", "one_way": true, "expected_version": 1_000_000]
                ),
            ]
            let version = 1_000_000  // never the desk's: a body that decodes is answered 409, nothing is written
            bodies += [
                (
                    "NewAttempt", "attempts",
                    [
                        "id": "x", "channel": "dmz-hotline", "engagement": "kim-meeting", "at": "2025-10-21 09:00",
                        "outcome": "unanswered", "note": "n", "expected_version": version,
                    ]
                ),
                (
                    "NewSignal", "signals",
                    [
                        "id": "x", "engagement": "kim-meeting", "at": "2025-10-21 09:00", "summary": "s", "quote": "q",
                        "attribution": ["a"], "stance": "open", "grade": "B2", "expected_version": version,
                    ]
                ),
                (
                    "NewDeadline", "deadlines",
                    [
                        "id": "x", "title": "t", "engagement": "kim-meeting", "owed_by": "dprk",
                        "due": "2025-10-30 09:00", "alarms": ["2h"], "expected_version": version,
                    ]
                ),
                (
                    "Move", "engagements/kim-meeting/move",
                    [
                        "to": "abandoned", "at": "2025-10-21 09:00", "by": "b", "reason": "r",
                        "expected_version": version,
                    ]
                ),
                (
                    "Resolve", "deadlines/panmunjom-survey-decision/resolve",
                    ["status": "met", "at": "2025-10-21 09:00", "note": "n", "expected_version": version]
                ),
                (
                    "TaskProgress", "tasks/jsa-site-survey/status",
                    ["status": "done", "at": "2025-10-21 09:00", "expected_version": version]
                ),
            ]
            for (schema, path, body) in bodies {
                var refusedAsMissing: Set<String> = []
                for key in body.keys {
                    var shorter = body
                    shorter[key] = nil
                    let response = try await client.execute(
                        uri: "/api/v1/desks/asia-trip/\(path)", method: .post,
                        headers: [.contentType: "application/json"],
                        body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: shorter)))
                    if response.status == .badRequest, String(buffer: response.body).contains("missing field '\(key)'")
                    {
                        refusedAsMissing.insert(key)
                    }
                }
                let required = requirements[schema] ?? []
                #expect(
                    refusedAsMissing == required,
                    "\(schema): the server refuses bodies without \(refusedAsMissing.sorted()), the document requires \(required.sorted())"
                )
            }
        }
    }
}
