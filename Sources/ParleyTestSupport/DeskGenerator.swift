import Foundation
import ParleyDesk

/// Builds random but valid desks from a seed, by deciding random commands: every noun, legal histories,
/// acyclic task graphs, awkward text and times in zones with daylight saving.
public struct DeskGenerator {
    private var random: SeededRandom
    private var state = DeskState()
    /// The events decided so far.
    public private(set) var events: [DeskEvent] = []

    private static let zoneNames = [
        "Asia/Seoul", "Asia/Tokyo", "America/New_York", "Europe/London", "UTC", "Australia/Sydney",
    ]
    private static let awkwardText = [
        "plain", "with: a colon", "a \"quote\"", "# not a comment", "line\nbreak", "ünïcode — 판문점", "- dash", "yes",
        "~",
        "null", "123", "{braces}", "[brackets]", "tab\there", "back\\slash", " leading space",
    ]

    /// A generator for `seed`.
    public init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// A whole desk: its final state after every generated command.
    public static func desk(seed: UInt64, name: String = "generated") -> DeskState {
        var generator = DeskGenerator(seed: seed)
        generator.generate(name: name)
        return generator.state
    }

    /// Decides a random desk's worth of commands.
    public mutating func generate(name: String) {
        let zone = pickZone()
        let opened = time(from: Date(timeIntervalSince1970: 1_700_000_000), in: zone)
        apply(.openDesk(DeskProfile(name: name, title: oneLine(), zone: zone, opened: opened)))
        let parties = (0..<int(2...4)).map { Party.ID("party-\($0)") }
        for id in parties { apply(.registerParty(Party(id: id, name: oneLine()))) }
        let principals = (0..<int(2...4)).map { Principal.ID("principal-\($0)") }
        for id in principals {
            apply(
                .registerPrincipal(
                    Principal(id: id, name: oneLine(), title: pick(["", oneLine()]), party: pick(parties))))
        }
        let venues = (0..<int(1...4)).map { Venue.ID("venue-\($0)") }
        for id in venues {
            let coordinates = Coordinates(
                latitude: Double(int(-900...900)) / 10, longitude: Double(int(-1800...1800)) / 10)
            apply(
                .registerVenue(
                    Venue(
                        id: id, name: oneLine(), city: pick(["", oneLine()]), coordinates: coordinates, zone: pickZone()
                    )))
        }
        for _ in 0..<int(0...3) where venues.count > 1 {
            let from = pick(venues)
            let to = pick(venues.filter { $0 != from })
            apply(.setTravelTime(TravelOverride(from: from, to: to, time: Minutes(int(5...900)))))
        }
        let trips = (0..<int(0...2)).map { Trip.ID("trip-\($0)") }
        for id in trips {
            // A trip lasts weeks: its stays and commitments start within 200 days of its first day.
            let start = time().instant
            let stays = (0..<int(0...3)).map { _ in
                Stay(venue: pick(venues), lodging: oneLine(), period: window(near: start))
            }
            let commitments = (0..<int(0...3)).map {
                FixedCommitment(
                    id: FixedCommitment.ID("c\($0)"), title: oneLine(), venue: pick(venues), period: window(near: start)
                )
            }
            apply(
                .planTrip(
                    Trip(id: id, title: oneLine(), principal: pick(principals), stays: stays, commitments: commitments))
            )
        }
        let engagements = (0..<int(1...4)).map { Engagement.ID("engagement-\($0)") }
        for id in engagements {
            let opened = time()
            apply(
                .openEngagement(
                    OpenEngagement(
                        Engagement(
                            id: id, title: oneLine(), principals: Array(principals.prefix(int(1...2))),
                            counterpart: pick(parties),
                            purpose: text(), priority: int(1...5), trip: trips.isEmpty ? nil : pick(trips + [nil]),
                            duration: Minutes(int(15...240)), venues: Array(venues.prefix(int(0...venues.count))),
                            windows: (0..<int(0...2)).map { _ in window() }, opened: opened,
                            // Without drawing a number, so seeds keep generating the desks they did.
                            compartment: id.rawValue.hasSuffix("-1") ? "inner-circle" : nil))))
            var at = opened
            for _ in 0..<int(0...8) {
                // Mostly forward along the path, sometimes out through an exit.
                guard let targets = state.engagements[id]?.state.allowedTargets, !targets.isEmpty else { break }
                let target = int(0...4) > 0 ? targets[0] : pick(targets)
                at = later(than: at)
                apply(
                    .moveEngagement(MoveEngagement(engagement: id, to: target, at: at, by: oneLine(), reason: text())))
            }
        }
        let channels = (0..<int(1...4)).map { Channel.ID("channel-\($0)") }
        for id in channels {
            let kind = pick(ChannelKind.allCases)
            apply(
                .registerChannel(
                    RegisterChannel(
                        Channel(
                            id: id, name: oneLine(), kind: kind, party: pick(parties),
                            via: kind == .intermediary ? pick(parties) : nil, status: pick(ChannelStatus.allCases)))))
            var at = time()
            for _ in 0..<int(0...3) {
                at = later(than: at)
                apply(
                    .changeChannelStatus(
                        ChangeChannelStatus(channel: id, to: pick(ChannelStatus.allCases), at: at, reason: text())))
            }
        }
        for index in 0..<int(0...6) {
            apply(
                .recordContactAttempt(
                    ContactAttempt(
                        id: ContactAttempt.ID("attempt-\(index)"), channel: pick(channels),
                        engagement: pick(engagements + [nil]), at: time(), outcome: pick(AttemptOutcome.allCases),
                        note: text())))
        }
        for index in 0..<int(0...2) {
            let steps = (0..<int(1...3)).map { _ in
                PlaybookStep(channel: pick(channels), wait: Minutes(int(1...600)), repeats: int(1...3))
            }
            apply(
                .definePlaybook(
                    DefinePlaybook(
                        Playbook(
                            id: Playbook.ID("playbook-\(index)"), name: oneLine(), engagement: pick(engagements),
                            steps: steps)
                    )))
            if int(0...1) == 1 { apply(.startPlaybook(Playbook.ID("playbook-\(index)"), at: time())) }
        }
        for index in 0..<int(0...4) {
            let id = Deadline.ID("deadline-\(index)")
            apply(
                .setDeadline(
                    SetDeadline(
                        Deadline(
                            id: id, title: oneLine(), engagement: pick(engagements + [nil]), owedBy: pick(parties),
                            due: time(),
                            alarms: int(0...1) == 1 ? [Minutes(int(10...600))] : []))))
            if int(0...2) == 2 {
                apply(
                    .resolveDeadline(
                        ResolveDeadline(deadline: id, status: pick([.met, .missed]), at: time(), note: text())))
            }
        }
        var tasks: [AdvanceTask] = []
        for index in 0..<int(0...6) {
            let earlier = tasks.map(\.id)
            let dependsOn = earlier.isEmpty ? [] : Array(Set((0..<int(0...2)).map { _ in pick(earlier) })).sorted()
            tasks.append(
                AdvanceTask(
                    id: AdvanceTask.ID("task-\(index)"), title: oneLine(), kind: pick(TaskKind.allCases),
                    engagement: pick(engagements), venue: pick(venues), duration: Minutes(int(10...3000)),
                    leadTime: Minutes(int(0...3000)), dependsOn: dependsOn))
        }
        if !tasks.isEmpty {
            apply(.addAdvanceTasks(AddAdvanceTasks(tasks.shuffled(using: &random))))
            for task in tasks where int(0...1) == 1 {
                apply(
                    .updateAdvanceTask(UpdateAdvanceTask(task: task.id, status: pick(TaskStatus.allCases), at: time())))
            }
        }
        for tripID in trips where int(0...1) == 1 {
            let trip = state.trips[tripID]!
            var visits = trip.commitments.map {
                PlannedVisit(
                    kind: .commitment, ref: $0.id.rawValue, venue: $0.venue, day: int(0...3), start: $0.period.from,
                    end: $0.period.to)
            }
            let meeting = pick(engagements)
            let window = window()
            visits.append(
                PlannedVisit(
                    kind: .engagement, ref: meeting.rawValue, venue: pick(venues), day: 0, start: window.from,
                    end: window.to))
            let leftOut = [LeftOutMeeting(engagement: pick(engagements), reason: text())]
            apply(.recordItinerary(Itinerary(trip: tripID, plannedAt: time(), visits: visits, leftOut: leftOut)))
        }
        // Let the timers run up to a random moment: tries, stops, alarms and missed deadlines.
        let now = time().instant
        for command in DeskTimers.due(in: state, now: now) { apply(command, now: now) }
        for index in 0..<int(0...6) {
            apply(
                .recordSignal(
                    Signal(
                        id: Signal.ID("signal-\(index)"), engagement: pick(engagements + [nil]), at: time(),
                        summary: text(),
                        quote: pick([nil, text()]), attribution: (0..<int(1...4)).map { _ in text() },
                        stance: pick(Stance.allCases),
                        grade: try! AdmiraltyGrade(parsing: "\(pick(Array("ABCDEF")))\(int(1...6))"))))
        }
    }

    private mutating func apply(_ command: DeskCommand, now: Date? = nil) {
        let now = now ?? state.profile?.opened.instant ?? Date(timeIntervalSince1970: 1_700_000_000)
        let decided = try! state.decide(command, now: now, as: .all)
        for event in decided { state.apply(event) }
        events += decided
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func pick<T>(_ items: [T]) -> T { items.randomElement(using: &random)! }
    private mutating func pickZone() -> TimeZoneID { try! TimeZoneID.validated(pick(Self.zoneNames), field: "zone") }

    /// A name or title: awkward, but one line (names refuse control characters).
    private mutating func oneLine() -> String {
        (0..<int(1...3)).map { _ in pick(Self.awkwardText.filter { !$0.contains("\n") && !$0.contains("\t") }) }
            .joined(separator: " ")
    }

    private mutating func text() -> String {
        (0..<int(1...3)).map { _ in pick(Self.awkwardText) }.joined(separator: " ")
    }

    private mutating func time(from base: Date = Date(timeIntervalSince1970: 1_700_000_000), in zone: TimeZoneID? = nil)
        -> ZonedTime
    {
        // Whole minutes within about two years, some of them seconds, so both forms are written.
        let offset = Double(int(0...1_000_000)) * 60 + (int(0...3) == 0 ? Double(int(1...59)) : 0)
        return ZonedTime(base.addingTimeInterval(offset), zone: zone ?? pickZone(), approximate: int(0...3) == 0)
    }

    private mutating func later(than time: ZonedTime) -> ZonedTime {
        ZonedTime(
            time.instant.addingTimeInterval(Double(int(1...5000)) * 60), zone: pickZone(), approximate: int(0...1) == 0)
    }

    private mutating func window(near start: Date? = nil) -> TimeWindow {
        let from =
            start.map { ZonedTime($0.addingTimeInterval(Double(int(0...288_000)) * 60), zone: pickZone()) } ?? time()
        return TimeWindow(from: from, to: later(than: from))
    }
}
