import Foundation
import ParleyDesk

/// Something a staff adds to a desk from the browser (`/desks/{desk}/new/{item}`): its form's fields,
/// examples taken from the desk, and the input it makes — the same input the API reads.
enum NewItem: String, CaseIterable, Sendable {
    case party, principal, venue, travel, trip, engagement, channel, task, playbook

    /// The page's heading.
    var title: String {
        switch self {
        case .party: "Add a party"
        case .principal: "Add a principal"
        case .venue: "Add a venue"
        case .travel: "Set a travel time"
        case .trip: "Plan a trip"
        case .engagement: "Open an engagement"
        case .channel: "Add a channel"
        case .task: "Add an advance task"
        case .playbook: "Define an escalation playbook"
        }
    }

    /// What it is, in a line.
    var intro: String {
        switch self {
        case .party: "A country, organisation or side: the counterpart of an engagement, or whom a channel reaches."
        case .principal: "A leader whose meetings this desk arranges."
        case .venue: "A place a meeting or stay can happen. Its zone sets local times; its coordinates estimate travel."
        case .travel:
            "How long the drive or flight between two venues really takes, when the staff know better than the estimate."
        case .trip: "A principal's journey: where they sleep and what is already fixed. Meetings are planned into it."
        case .engagement: "A meeting we want. It starts as an idea; move it on from its page."
        case .channel: "A way of reaching a party: a hotline, a letter, an envoy, an intermediary."
        case .task: "Work that must be done at a venue before the meeting (a site survey, a sweep)."
        case .playbook: "Whom to try next, and when, if nobody answers. Start it from the engagement's page."
        }
    }

    /// What the desk must hold before this can be added, as a sentence, or nil when nothing is missing.
    func missing(in state: DeskState) -> String? {
        switch self {
        case .principal where state.parties.isEmpty: "Add a party first: a principal represents one."
        case .travel where state.venues.count < 2: "Add at least two venues first."
        case .trip where state.principals.isEmpty: "Add a principal first: a trip is theirs."
        case .engagement where state.parties.isEmpty || state.principals.isEmpty:
            "Add a party (the counterpart) and a principal first."
        case .channel where state.parties.isEmpty: "Add a party first: a channel reaches one."
        case .task where state.engagements.isEmpty || state.venues.isEmpty:
            "Open an engagement and add a venue first."
        case .playbook where state.engagements.isEmpty || state.channels.isEmpty:
            "Open an engagement and add a channel first."
        default: nil
        }
    }

    /// The single fields, with examples from `state` at `now`; `preset` fills fields a link chose (the
    /// engagement a task prepares).
    func fields(on state: DeskState, now: Date, preset: [String: String]) -> [FormField] {
        let zone = state.zone.identifier
        let parties = Self.options(state.parties.values.map { ($0.id.rawValue, $0.name) })
        let principals = Self.options(state.principals.values.map { ($0.id.rawValue, "\($0.name), \($0.title)") })
        let venues = Self.options(state.venues.values.map { ($0.id.rawValue, "\($0.name) (\($0.zone))") })
        let engagements = Self.options(state.engagements.values.map { ($0.id.rawValue, $0.title) })
        let named: Set<NewItem> = [.party, .principal, .venue, .channel, .playbook]
        let id = FormField(
            name: "id", label: "Id", placeholder: named.contains(self) ? "made from the name" : "made from the title",
            hint: "lower-case letters, digits and '-'")
        let someVenue = state.venues.values.map(\.name).min() ?? "the venue"
        let someParty = state.parties.values.map(\.name).min()
        switch self {
        case .party:
            return [
                FormField(
                    name: "name", label: "Name", placeholder: "a country, an organisation, a side", required: true), id,
            ]
        case .principal:
            return [
                FormField(name: "name", label: "Name", placeholder: "the leader's name", required: true),
                FormField(name: "title", label: "Office", placeholder: "President, Prime Minister"),
                FormField(name: "party", label: "Party", kind: .choice(parties), required: true), id,
            ]
        case .venue:
            return [
                FormField(name: "name", label: "Name", placeholder: "a building, a hotel, a site", required: true),
                FormField(name: "city", label: "City"),
                FormField(
                    name: "zone", label: "Time zone", kind: .zone, placeholder: zone,
                    hint: "an IANA zone such as \(zone); start typing to search", required: true, initial: zone),
                FormField(
                    name: "latitude", label: "Latitude", placeholder: "e.g. 46.2044",
                    hint:
                        "degrees, north positive; with the longitude it estimates travel. Not known? Leave both "
                        + "empty and set travel times to and from it"),
                FormField(
                    name: "longitude", label: "Longitude", placeholder: "e.g. 6.1432", hint: "degrees, east positive"),
                id,
            ]
        case .travel:
            return [
                FormField(name: "from", label: "From", kind: .choice(venues), required: true),
                FormField(name: "to", label: "To", kind: .choice(venues), required: true),
                FormField(
                    name: "time", label: "Takes", placeholder: "1h30m", hint: "door to door: 45m, 2h, 1h30m",
                    required: true),
                FormField(name: "one_way", label: "One way only", kind: .check, hint: "otherwise both ways"),
            ]
        case .trip:
            return [
                FormField(name: "title", label: "Title", placeholder: "where and when, in a few words", required: true),
                FormField(name: "principal", label: "Principal", kind: .choice(principals), required: true), id,
            ]
        case .engagement:
            let trips =
                [FormField.Option(value: "", label: "—")]
                + Self.options(
                    state.trips.values.map { ($0.id.rawValue, $0.title) })
            let priorities = (1...5).map {
                FormField.Option(value: "\($0)", label: $0 == 1 ? "1 (highest)" : $0 == 5 ? "5 (lowest)" : "\($0)")
            }
            return [
                FormField(name: "title", label: "Title", placeholder: "Meeting at \(someVenue)", required: true),
                FormField(name: "counterpart", label: "Counterpart", kind: .choice(parties), required: true),
                FormField(
                    name: "principals", label: "Our principals", kind: .choices(principals),
                    hint: "choose one or more (Ctrl or ⌘ for several)", required: true),
                FormField(name: "purpose", label: "Purpose", placeholder: "what it is for"),
                FormField(name: "priority", label: "Priority", kind: .choice(priorities), initial: "3"),
                FormField(name: "duration", label: "Length", placeholder: "1h", hint: "45m, 1h30m", required: true),
                FormField(
                    name: "venues", label: "Candidate venues", kind: .choices(venues), hint: "preferred first"),
                FormField(name: "trip", label: "Trip", kind: .choice(trips), initial: preset["trip"] ?? ""),
                FormField(
                    name: "compartment", label: "Compartment", placeholder: "none",
                    hint: "only its members will see this engagement; you must be one"),
                FormField(
                    name: "opened", label: "Opened",
                    placeholder: "now (\(FormFields.example(now, hours: 0, in: state.zone)))",
                    hint: "in \(zone) unless you name a zone"),
                id,
            ]
        case .channel:
            let none = [FormField.Option(value: "", label: "— (direct)")]
            return [
                FormField(
                    name: "name", label: "Name",
                    placeholder: someParty.map { "line to \($0)" } ?? "a line, an envoy, a letter",
                    required: true),
                FormField(
                    name: "kind", label: "Kind", kind: .choice(Self.options(ChannelKind.allCases.map(\.rawValue))),
                    required: true),
                FormField(name: "party", label: "Reaches", kind: .choice(parties), required: true),
                FormField(
                    name: "via", label: "Through", kind: .choice(none + parties), hint: "an intermediary, if any"),
                FormField(
                    name: "status", label: "Works today?",
                    kind: .choice(Self.options(ChannelStatus.allCases.map(\.rawValue))), initial: "unknown"),
                id,
            ]
        case .task:
            let tasks = Self.options(state.tasks.values.map { ($0.id.rawValue, $0.title) })
            return [
                FormField(name: "title", label: "What is to be done", placeholder: "Site survey", required: true),
                FormField(
                    name: "kind", label: "Kind", kind: .choice(Self.options(TaskKind.allCases.map(\.rawValue))),
                    required: true),
                FormField(
                    name: "engagement", label: "For", kind: .choice(engagements), required: true,
                    initial: preset["engagement"] ?? ""),
                FormField(name: "venue", label: "Where", kind: .choice(venues), required: true),
                FormField(name: "duration", label: "Takes", placeholder: "4h", hint: "30m, 2h, 1h30m", required: true),
                FormField(
                    name: "lead_time", label: "Done before the meeting by", placeholder: "2h",
                    hint: "how long before it starts"),
                FormField(
                    name: "depends_on", label: "After", kind: .choices(tasks), hint: "tasks that must be done first"),
                FormField(name: "owner", label: "Owner", placeholder: "advance team"), id,
            ]
        case .playbook:
            return [
                FormField(name: "name", label: "Name", placeholder: "if nobody answers", required: true),
                FormField(
                    name: "engagement", label: "For", kind: .choice(engagements), required: true,
                    initial: preset["engagement"] ?? ""),
                id,
            ]
        }
    }

    /// The repeated rows, with examples from `state` at `now`.
    func rows(on state: DeskState, now: Date) -> [FormRows] {
        let zone = state.zone
        let venues =
            [FormField.Option(value: "", label: "—")]
            + Self.options(
                state.venues.values.map { ($0.id.rawValue, "\($0.name) (\($0.zone))") })
        let hint = "in \(zone.identifier) unless you name a zone"
        switch self {
        case .trip:
            return [
                FormRows(
                    name: "stays", legend: "Stays, in order", count: 4,
                    fields: [
                        FormField(name: "venue", label: "Where", kind: .choice(venues)),
                        FormField(name: "lodging", label: "Lodging", placeholder: "hotel"),
                        FormField(
                            name: "from", label: "Arrives", placeholder: FormFields.example(now, hours: 24, in: zone),
                            hint: hint),
                        FormField(
                            name: "to", label: "Leaves", placeholder: FormFields.example(now, hours: 72, in: zone)),
                    ]),
                FormRows(
                    name: "commitments", legend: "Fixed commitments", count: 4,
                    fields: [
                        FormField(name: "title", label: "What", placeholder: "Summit opening"),
                        FormField(name: "venue", label: "Where", kind: .choice(venues)),
                        FormField(
                            name: "start", label: "Starts", placeholder: FormFields.example(now, hours: 48, in: zone),
                            hint: hint),
                        FormField(
                            name: "end", label: "Ends", placeholder: FormFields.example(now, hours: 50, in: zone)),
                    ]),
            ]
        case .engagement:
            return [
                FormRows(
                    name: "windows", legend: "When it could happen", count: 3,
                    fields: [
                        FormField(
                            name: "from", label: "From", placeholder: FormFields.example(now, hours: 24, in: zone),
                            hint: hint),
                        FormField(name: "to", label: "To", placeholder: FormFields.example(now, hours: 96, in: zone)),
                    ])
            ]
        case .playbook:
            let channels =
                [FormField.Option(value: "", label: "—")]
                + Self.options(
                    state.channels.values.map { ($0.id.rawValue, "\($0.name) (\($0.kind.rawValue))") })
            return [
                FormRows(
                    name: "steps", legend: "Steps, in order", count: 4,
                    fields: [
                        FormField(name: "channel", label: "Try", kind: .choice(channels)),
                        FormField(name: "wait", label: "Then wait", placeholder: "2h", hint: "for an answer: 30m, 2h"),
                        FormField(name: "repeat", label: "Times", placeholder: "1"),
                    ])
            ]
        default:
            return []
        }
    }

    /// The commands `form` asks for on `state` at `now`, read through the same inputs as the API.
    /// - Throws: `DeskError` naming the field that cannot be read.
    func commands(_ form: FormBody, on state: DeskState, now: Date) throws(DeskError) -> [DeskCommand] {
        let groups = Dictionary(uniqueKeysWithValues: self.rows(on: state, now: now).map { ($0.name, $0) })
        func filled(_ name: String) -> [[String: String]] { groups[name]?.filled(in: form) ?? [] }
        func optional(_ field: String) -> String? { InputText.optional(form[field]) }
        switch self {
        case .party:
            return [try PartyInput(id: optional("id"), name: form["name"]).command(on: state)]
        case .principal:
            return [
                try PrincipalInput(id: optional("id"), name: form["name"], title: form["title"], party: form["party"])
                    .command(on: state)
            ]
        case .venue:
            let latitude = try InputText.decimal(form["latitude"], field: "latitude", expected: "degrees, -90 to 90")
            let longitude = try InputText.decimal(
                form["longitude"], field: "longitude", expected: "degrees, -180 to 180")
            return [
                try VenueInput(
                    id: optional("id"), name: form["name"], city: form["city"], latitude: latitude,
                    longitude: longitude, zone: form["zone"]
                ).command(on: state)
            ]
        case .travel:
            return try TravelTimeInput(
                from: form["from"], to: form["to"], time: form["time"], oneWay: form["one_way"] == "yes"
            ).commands()
        case .trip:
            return [
                try TripInput(
                    id: optional("id"), title: form["title"], principal: form["principal"],
                    stays: filled("stays").map {
                        StayInput(
                            venue: $0["venue"] ?? "", lodging: $0["lodging"], from: $0["from"] ?? "", to: $0["to"] ?? ""
                        )
                    },
                    commitments: filled("commitments").map {
                        CommitmentInput(
                            title: $0["title"] ?? "", venue: $0["venue"] ?? "", start: $0["start"] ?? "",
                            end: $0["end"] ?? "")
                    }
                ).command(on: state)
            ]
        case .engagement:
            let priority = try InputText.integer(form["priority"], field: "priority", expected: "1 (highest) to 5")
            return [
                try EngagementInput(
                    id: optional("id"), title: form["title"], principals: form.all("principals"),
                    counterpart: form["counterpart"], purpose: form["purpose"], priority: priority,
                    trip: optional("trip"), duration: form["duration"], venues: form.all("venues"),
                    windows: filled("windows").map { WindowInput(from: $0["from"] ?? "", to: $0["to"] ?? "") },
                    compartment: optional("compartment"), opened: optional("opened")
                ).command(on: state, now: now)
            ]
        case .channel:
            return [
                try ChannelInput(
                    id: optional("id"), name: form["name"], kind: form["kind"], party: form["party"],
                    via: optional("via"), status: optional("status")
                ).command(on: state)
            ]
        case .task:
            return [
                try TaskInput(
                    id: optional("id"), title: form["title"], kind: form["kind"], engagement: form["engagement"],
                    venue: form["venue"], duration: form["duration"], leadTime: optional("lead_time"),
                    dependsOn: form.all("depends_on"), owner: optional("owner")
                ).command(on: state)
            ]
        case .playbook:
            let steps = try groups["steps"]?.playbookSteps(in: form) ?? []
            return [
                try PlaybookInput(id: optional("id"), name: form["name"], engagement: form["engagement"], steps: steps)
                    .command(on: state)
            ]
        }
    }

    /// Where the browser goes once `fact` is recorded on `desk`: the new thing's page, or the part of the
    /// dashboard that lists it.
    static func destination(of fact: DeskEvent.Fact, desk: String) -> String {
        switch fact {
        case .engagementOpened(let engagement): "/desks/\(desk)/engagements/\(engagement.id)"
        case .tripPlanned(let trip): "/desks/\(desk)/trips/\(trip.id)"
        case .advanceTasksAdded(let added):
            "/desks/\(desk)/engagements/\(added.first?.engagement.rawValue ?? "")#tasks"
        case .playbookDefined(let playbook): "/desks/\(desk)/engagements/\(playbook.engagement)#playbooks"
        case .channelRegistered: "/desks/\(desk)#channels"
        default: "/desks/\(desk)#setup"
        }
    }

    private static func options(_ pairs: [(String, String)]) -> [FormField.Option] {
        pairs.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map { FormField.Option(value: $0.0, label: $0.1) }
    }

    private static func options(_ values: [String]) -> [FormField.Option] {
        values.map { FormField.Option(value: $0, label: $0) }
    }
}
