import Foundation
import ParleyDesk

/// Desks built from hostile values: by commands that go through decide (refusals are expected and
/// counted), or by events folded directly, as a log written before decide refused such values holds them.
public enum HostileDesk {
    /// The outcome of a run of commands: what was accepted and the desk it made.
    public struct Run: Sendable {
        /// Every event decide accepted, in order.
        public var events: [DeskEvent] = []
        /// The fold of `events`.
        public var state = DeskState()
        /// How many commands decide refused.
        public var refused = 0
        /// How many commands decide accepted.
        public var accepted = 0
    }

    /// The instant the hostile desks treat as now.
    public static let now = Date(timeIntervalSince1970: 1_561_852_800)  // 2019-06-30T00:00:00Z

    /// `count` generated commands with hostile values in every field, each decided against the desk as it
    /// stands and folded when accepted; the desk's timers are run at a few moments in between.
    ///
    /// The seed also sets how hostile the run is, from every other value to one in eight, so that some
    /// runs build a desk deep enough for the hostile values in later commands to matter.
    public static func decided(seed: UInt64, count: Int) -> Run {
        var values = HostileValues(seed: seed, hostility: 2 + Int(seed % 7))
        var run = Run()
        func apply(_ command: DeskCommand, now: Date = now) {
            do {
                let events = try run.state.decide(command, now: now, as: .all)
                for event in events { run.state.apply(event) }
                run.events += events
                run.accepted += 1
            } catch {
                run.refused += 1
            }
        }
        apply(.openDesk(hostileProfile(&values)))
        if run.state.profile == nil {
            let opened = ZonedTime(now, zone: values.zone())
            apply(.openDesk(DeskProfile(name: "hostile", title: "Hostile desk", zone: opened.zone, opened: opened)))
        }
        for index in 0..<count {
            let next = command(&values, state: run.state)
            let before = run.accepted
            apply(next)
            // Follow a new playbook with its start now and then, so the timers have escalations to run.
            if case .definePlaybook(let playbook) = next, run.accepted > before, values.chance(2) {
                apply(.startPlaybook(playbook.id, at: values.time()))
            }
            if index % 10 == 9 {
                let moment = values.instant()
                for timer in DeskTimers.due(in: run.state, now: moment) { apply(timer, now: moment) }
            }
        }
        return run
    }

    /// A log holding values decide refuses, folded without decide: tasks of `Int.max` minutes and in
    /// cycles, stays of 500 years and from year 1 to 9999, playbooks waiting `Int.max` minutes with 1000
    /// repeats, unknown references, duplicate ids, and the rest of `HostileValues` in every field.
    public static func folded(seed: UInt64) -> [DeskEvent] {
        var values = HostileValues(seed: seed)
        return loggedEvents(&values)
    }

    /// The probe's desk: the DMZ fixture with two advance tasks of `Int.max` minutes and a trip with a
    /// stay of 500 years, as an officer could post them before decide bounded them.
    public static var probe: [DeskEvent] {
        let at = Fixtures.opened.instant
        var first = Fixtures.task("survey-forever")
        first.duration = Minutes(.max)
        var second = Fixtures.task("sweep-forever")
        second.duration = Minutes(.max)
        let arrival = Fixtures.kst("06-29 09:00")
        let stay = Stay(
            venue: Fixtures.panmunjom.id, lodging: "Freedom House",
            period: TimeWindow(
                from: arrival,
                to: ZonedTime(arrival.instant.addingTimeInterval(500 * 365.25 * 86_400), zone: arrival.zone)))
        let trip = Trip(id: "forever", title: "A trip of 500 years", principal: "trump", stays: [stay], commitments: [])
        var engagement = Fixtures.engagement
        engagement.id = "forever-meeting"
        engagement.trip = trip.id
        return Fixtures.desk + [
            DeskEvent(at: at, .advanceTasksAdded([first, second])),
            DeskEvent(at: at, .tripPlanned(trip)),
            DeskEvent(at: at, .engagementOpened(engagement)),
        ]
    }

    private static func hostileProfile(_ values: inout HostileValues) -> DeskProfile {
        DeskProfile(
            name: values.pick(["hostile", "", "~accounts", "Bad Name", String(repeating: "d", count: 300)]),
            title: values.text(), zone: values.zone(), opened: values.time(),
            webhook: values.maybe(["http://127.0.0.1:1/", "ftp://x", "", "http://", "javascript:alert(1)"]))
    }

    // MARK: Commands

    // One generated command of a random kind, its ids drawn from what `state` holds, its values hostile.
    private static func command(_ v: inout HostileValues, state: DeskState) -> DeskCommand {
        let parties = state.parties.keys.sorted()
        let principals = state.principals.keys.sorted()
        let venues = state.venues.keys.sorted()
        let engagements = state.engagements.keys.sorted()
        let channels = state.channels.keys.sorted()
        let playbooks = state.playbooks.keys.sorted()
        let deadlines = state.deadlines.keys.sorted()
        let tasks = state.tasks.keys.sorted()
        // The registrations come first more often, so that later commands have something to name.
        let kind = state.engagements.count < 3 && v.chance(2) ? v.int(in: 0...5) : v.int(in: 0...31)
        switch kind {
        case 0:
            return .registerParty(Party(id: v.newID("party", parties), name: v.text()))
        case 1:
            return .registerPrincipal(
                Principal(
                    id: v.newID("principal", principals), name: v.text(), title: v.text(), party: v.reference(parties)))
        case 2:
            return .registerVenue(
                Venue(
                    id: v.newID("venue", venues), name: v.text(), city: v.text(), coordinates: v.coordinates(),
                    zone: v.zone()))
        case 3:
            return .planTrip(trip(&v, state: state))
        case 4, 5:
            return .openEngagement(OpenEngagement(engagement(&v, state: state)))
        case 6:
            return .moveEngagement(
                MoveEngagement(
                    engagement: v.reference(engagements), to: v.pick(EngagementState.allCases), at: v.time(),
                    by: v.text(), reason: v.text()))
        case 7:
            return .registerChannel(
                RegisterChannel(
                    Channel(
                        id: v.newID("channel", channels), name: v.text(), kind: v.pick(ChannelKind.allCases),
                        party: v.reference(parties), via: v.maybe(parties), status: v.pick(ChannelStatus.allCases))))
        case 8:
            return .changeChannelStatus(
                ChangeChannelStatus(
                    channel: v.reference(channels), to: v.pick(ChannelStatus.allCases), at: v.time(), reason: v.text()))
        case 9:
            return .recordContactAttempt(
                ContactAttempt(
                    id: v.newID("attempt", state.attempts.keys.sorted()), channel: v.reference(channels),
                    engagement: v.maybe(engagements), at: v.time(), outcome: v.pick(AttemptOutcome.allCases),
                    note: v.text()))
        case 10:
            return .definePlaybook(DefinePlaybook(playbook(&v, state: state)))
        case 11:
            var deadline = Deadline(
                id: v.newID("deadline", deadlines), title: v.text(), engagement: v.maybe(engagements),
                owedBy: v.reference(parties), due: v.time(), alarms: (0..<v.count()).map { _ in v.minutes() })
            if v.chance(8) { deadline.alarmsRaised = [v.minutes()] }
            return .setDeadline(SetDeadline(deadline))
        case 12:
            return .resolveDeadline(
                ResolveDeadline(
                    deadline: v.reference(deadlines), status: v.pick([.open, .met, .missed]), at: v.time(),
                    note: v.text()))
        case 13, 14:
            return .addAdvanceTasks(AddAdvanceTasks(advanceTasks(&v, state: state)))
        case 15:
            return .updateAdvanceTask(
                UpdateAdvanceTask(task: v.reference(tasks), status: v.pick(TaskStatus.allCases), at: v.time()))
        case 16:
            return .recordSignal(signal(&v, state: state))
        case 17:
            return .setTravelTime(
                TravelOverride(from: v.reference(venues), to: v.reference(venues), time: v.minutes()))
        case 18:
            return .recordItinerary(itinerary(&v, state: state))
        case 19:
            return .startPlaybook(v.reference(playbooks), at: v.time())
        case 20:
            return .markPlaybookTryDue(
                v.reference(playbooks),
                PlaybookTry(
                    step: v.int(ordinary: 0...3), repetition: v.int(ordinary: 0...3), channel: v.reference(channels),
                    at: v.instant()))
        case 21:
            return .stopPlaybook(v.reference(playbooks), PlaybookStop(at: v.instant(), reason: v.text()))
        case 22:
            return .raiseDeadlineAlarm(v.reference(deadlines), lead: v.minutes(), at: v.instant())
        default:
            return laterCommand(kind, &v, state: state)
        }
    }

    // The commands of the living desk (issue 14): messages, agreed slots, amendments, retractions and
    // times reported as days or spans, with the same hostile values.
    private static func laterCommand(_ kind: Int, _ v: inout HostileValues, state: DeskState) -> DeskCommand {
        let engagements = state.engagements.keys.sorted()
        let venues = state.venues.keys.sorted()
        switch kind {
        case 23:
            return .recordMessage(
                InboundMessage(
                    id: v.newID("message", state.messages.keys.sorted()), engagement: v.maybe(engagements),
                    channel: v.maybe(state.channels.keys.sorted()), from: v.reference(state.parties.keys.sorted()),
                    at: v.reportedTime(), summary: v.text(), quote: v.chance(2) ? v.text() : nil,
                    stance: v.pick(Stance.allCases), asks: v.chance(2) ? v.text() : nil))
        case 24:
            return .agreeSlot(
                AgreeSlot(
                    engagement: v.reference(engagements),
                    terms: SlotTerms(
                        start: v.time(), duration: v.chance(2) ? v.minutes() : nil, venue: v.maybe(venues)),
                    at: v.time()))
        case 25:
            var amend = AmendEngagement(engagement: v.reference(engagements), at: v.time(), reason: v.text())
            if v.chance(2) { amend.title = v.text() }
            if v.chance(2) { amend.duration = v.minutes() }
            if v.chance(2) { amend.priority = v.int(ordinary: 1...5) }
            if v.chance(2) { amend.windows = (0..<v.count()).map { _ in v.window() } }
            if v.chance(3) { amend.venues = (0..<v.count()).map { _ in v.reference(venues) } }
            return .amendEngagement(amend)
        case 26:
            var amend = AmendTrip(trip: v.reference(state.trips.keys.sorted()), at: v.time(), reason: v.text())
            let replacement = trip(&v, state: state)
            if v.chance(2) { amend.stays = replacement.stays }
            if v.chance(2) { amend.commitments = replacement.commitments }
            if v.chance(3) { amend.title = v.text() }
            return .amendTrip(amend)
        case 27:
            var amend = AmendAdvanceTask(task: v.reference(state.tasks.keys.sorted()), at: v.time(), reason: v.text())
            if v.chance(2) { amend.duration = v.minutes() }
            if v.chance(2) { amend.leadTime = v.minutes() }
            if v.chance(2) { amend.dependsOn = (0..<v.count()).map { _ in v.reference(state.tasks.keys.sorted()) } }
            if v.chance(2) { amend.owner = v.text() }
            return .amendAdvanceTask(amend)
        case 28:
            return .moveDeadline(
                MoveDeadline(
                    deadline: v.reference(state.deadlines.keys.sorted()), due: v.time(),
                    alarms: v.chance(2) ? (0..<v.count()).map { _ in v.minutes() } : nil, at: v.time(),
                    reason: v.text()))
        case 29:
            let change: AmendReference
            switch v.int(in: 0...4) {
            case 0:
                change = .party(Party(id: v.reference(state.parties.keys.sorted()), name: v.text()))
            case 1:
                change = .venue(
                    Venue(
                        id: v.reference(venues), name: v.text(), city: v.text(), coordinates: v.coordinates(),
                        zone: v.zone()))
            case 2:
                change = .channel(
                    v.reference(state.channels.keys.sorted()), name: v.text(), via: v.maybe(state.parties.keys.sorted())
                )
            case 3:
                change = .desk(title: v.text(), zone: v.zone(), webhook: v.maybe(["http://127.0.0.1:1/", "ftp://x"]))
            default:
                change = .playbook(
                    v.reference(state.playbooks.keys.sorted()), name: v.text(), steps: playbook(&v, state: state).steps)
            }
            return .amendRecord(AmendRecord(change, at: v.time(), reason: v.text()))
        case 30:
            let entries = Int64(state.log.events.count)
            return .retractEntry(
                RetractEntry(
                    entry: v.pick([0, -1, entries, entries + 1, Int64(v.int(in: 1...max(1, Int(entries))))]),
                    reason: v.text(), at: v.instant()))
        default:
            var signal = signal(&v, state: state)
            signal.at = v.reportedTime()
            return .recordSignal(signal)
        }
    }

    private static func trip(_ v: inout HostileValues, state: DeskState) -> Trip {
        let venues = state.venues.keys.sorted()
        let stays = (0..<v.count()).map { _ in Stay(venue: v.reference(venues), lodging: v.text(), period: v.window()) }
        // Commitment ids repeat on purpose: "c0" twice is a duplicate a trip must refuse.
        let commitments = (0..<v.count()).map { _ in
            FixedCommitment(
                id: FixedCommitment.ID(v.pick(["c0", "c1", "c2", "", "Bad Id"])), title: v.text(),
                venue: v.reference(venues), period: v.window())
        }
        return Trip(
            id: v.newID("trip", state.trips.keys.sorted()), title: v.text(),
            principal: v.reference(state.principals.keys.sorted()), stays: stays, commitments: commitments)
    }

    private static func engagement(_ v: inout HostileValues, state: DeskState) -> Engagement {
        let principals = state.principals.keys.sorted()
        var engagement = Engagement(
            id: v.newID("engagement", state.engagements.keys.sorted()), title: v.text(),
            principals: (0..<v.int(in: 0...2)).map { _ in v.reference(principals) },
            counterpart: v.reference(state.parties.keys.sorted()), purpose: v.text(),
            priority: v.int(ordinary: 1...5), trip: v.maybe(state.trips.keys.sorted()), duration: v.minutes(),
            venues: (0..<v.count()).map { _ in v.reference(state.venues.keys.sorted()) },
            windows: (0..<v.count()).map { _ in v.window() }, opened: v.time(),
            compartment: v.maybe(["inner-circle", "", "Bad Compartment"]))
        // A create that carries state or history: decide must refuse it.
        if v.chance(10) { engagement.state = v.pick(EngagementState.allCases) }
        return engagement
    }

    private static func playbook(_ v: inout HostileValues, state: DeskState) -> Playbook {
        let channels = state.channels.keys.sorted()
        let steps = (0..<(v.chance(10) ? 25 : v.int(in: 0...3))).map { _ in
            PlaybookStep(channel: v.reference(channels), wait: v.minutes(), repeats: v.int(ordinary: 1...3))
        }
        var playbook = Playbook(
            id: v.newID("playbook", state.playbooks.keys.sorted()), name: v.text(),
            engagement: v.reference(state.engagements.keys.sorted()), steps: steps)
        // A create that carries a made-up history: decide must refuse it.
        if v.chance(8) {
            playbook.startedAt = v.time()
            playbook.due = [PlaybookTry(step: 7, repetition: 0, channel: "unknown", at: v.instant())]
        }
        return playbook
    }

    private static func advanceTasks(_ v: inout HostileValues, state: DeskState) -> [AdvanceTask] {
        let known = state.tasks.keys.sorted()
        let ids = (0..<max(1, v.count())).map { _ in v.newID("task", known) }
        return ids.map { id in
            // Dependencies on tasks of this batch (cycles included), on known tasks, on itself, on nothing.
            let dependsOn = (0..<v.int(in: 0...3)).map { _ in v.pick(ids + [id, v.reference(known)]) }
            var task = AdvanceTask(
                id: id, title: v.text(), kind: v.pick(TaskKind.allCases),
                engagement: v.reference(state.engagements.keys.sorted()),
                venue: v.reference(state.venues.keys.sorted()), duration: v.minutes(), leadTime: v.minutes(),
                dependsOn: dependsOn)
            if v.chance(10) { task.status = .done }
            return task
        }
    }

    private static func signal(_ v: inout HostileValues, state: DeskState) -> Signal {
        let grade = v.pick(["A1", "F6", "C3"])
        return Signal(
            id: v.newID("signal", state.signals.keys.sorted()), engagement: v.maybe(state.engagements.keys.sorted()),
            at: v.time(), summary: v.text(), quote: v.maybe([v.text()]),
            attribution: (0..<v.count()).map { _ in v.text() }, stance: v.pick(Stance.allCases),
            grade: (try? AdmiraltyGrade(parsing: grade)) ?? (try! AdmiraltyGrade(parsing: "B2")))
    }

    private static func itinerary(_ v: inout HostileValues, state: DeskState) -> Itinerary {
        let engagements = state.engagements.keys.sorted()
        let trip = v.reference(state.trips.keys.sorted())
        let commitments = state.trips[trip]?.commitments.map(\.id.rawValue) ?? []
        let visits = (0..<v.count()).map { _ in
            let kind = v.pick(PlannedVisit.Kind.allCases)
            let window = v.window()
            return PlannedVisit(
                kind: kind,
                ref: kind == .commitment ? v.pick(commitments + ["unknown"]) : v.reference(engagements).rawValue,
                venue: v.reference(state.venues.keys.sorted()), day: v.int(ordinary: 0...3), start: window.from,
                end: window.to)
        }
        let leftOut = (0..<v.count()).map { _ in
            LeftOutMeeting(engagement: v.reference(engagements), reason: v.text())
        }
        return Itinerary(trip: trip, plannedAt: v.time(), visits: visits, leftOut: leftOut)
    }

    // MARK: Events folded directly

    private static func loggedEvents(_ v: inout HostileValues) -> [DeskEvent] {
        var events: [DeskEvent] = []
        func log(_ fact: DeskEvent.Fact) { events.append(DeskEvent(at: v.instant(), fact)) }
        let zone = v.zone()
        log(.deskOpened(DeskProfile(name: "old-log", title: v.text(), zone: zone, opened: v.time())))
        let parties: [Party.ID] = ["us", "dprk", "unknown-party"]
        for id in parties.prefix(2) { log(.partyRegistered(Party(id: id, name: v.text()))) }
        log(.principalRegistered(Principal(id: "leader", name: v.text(), title: v.text(), party: "us")))
        // Venues: one sane, the rest anywhere (NaN and infinite degrees included); one id registered twice.
        let venues: [Venue.ID] = ["seoul", "nowhere", "twice", "twice"]
        for (index, id) in venues.enumerated() {
            let coordinates = index == 0 ? Coordinates(latitude: 37.5, longitude: 127) : v.coordinates()
            log(
                .venueRegistered(
                    Venue(id: id, name: v.text(), city: v.text(), coordinates: coordinates, zone: v.zone())))
        }
        let places = venues + ["unregistered"]
        for _ in 0..<3 {
            log(.travelTimeSet(TravelOverride(from: v.pick(places), to: v.pick(places), time: v.minutes())))
        }
        // Trips: 500-year stays, year 1 to 9999, inverted, unknown venues, hundreds of stays.
        let forever = ZonedTime(HostileDesk.now, zone: zone)
        let trips: [Trip.ID] = ["long-trip", "old-trip"]
        for id in trips {
            var stays = [
                Stay(
                    venue: "seoul", lodging: v.text(),
                    period: TimeWindow(
                        from: forever, to: ZonedTime(forever.instant.addingTimeInterval(500 * 365 * 86_400), zone: zone)
                    ))
            ]
            stays += (0..<(v.chance(4) ? 300 : v.int(in: 0...4))).map { _ in
                Stay(venue: v.pick(places), lodging: v.text(), period: v.window())
            }
            let commitments = (0..<v.int(in: 0...6)).map { index in
                FixedCommitment(
                    id: FixedCommitment.ID(v.pick(["c0", "c1", "c\(index)"])), title: v.text(), venue: v.pick(places),
                    period: v.window())
            }
            log(
                .tripPlanned(Trip(id: id, title: v.text(), principal: "leader", stays: stays, commitments: commitments))
            )
        }
        // Engagements: every priority and duration, windows of any span, unknown venues and trips.
        let engagements: [Engagement.ID] = ["meeting", "summit", "side-talk"]
        for id in engagements {
            var engagement = Engagement(
                id: id, title: v.text(), principals: ["leader", "unknown"], counterpart: v.pick(parties),
                purpose: v.text(), priority: v.int(ordinary: 1...5), trip: v.pick(trips + ["no-trip"]),
                duration: v.minutes(), venues: (0..<v.int(in: 0...4)).map { _ in v.pick(places) },
                windows: (0..<v.int(in: 0...4)).map { _ in v.window() }, opened: v.time(),
                compartment: v.maybe(["inner-circle"]))
            engagement.state = v.pick(EngagementState.allCases)
            log(.engagementOpened(engagement))
            log(
                .engagementMoved(
                    id,
                    EngagementTransition(
                        from: v.pick(EngagementState.allCases), to: v.pick(EngagementState.allCases), at: v.time(),
                        by: v.text(), reason: v.text())))
        }
        // Channels and attempts at any time.
        let channels: [Channel.ID] = ["hotline", "letter"]
        for id in channels {
            log(
                .channelRegistered(
                    Channel(id: id, name: v.text(), kind: v.pick(ChannelKind.allCases), party: "dprk", status: .active))
            )
            log(
                .channelStatusChanged(
                    id,
                    ChannelStatusChange(
                        from: .active, to: v.pick(ChannelStatus.allCases), at: v.time(), reason: v.text())))
        }
        for index in 0..<v.int(in: 0...6) {
            log(
                .contactAttemptRecorded(
                    ContactAttempt(
                        id: ContactAttempt.ID("attempt-\(index)"), channel: v.pick(channels + ["gone"]),
                        engagement: v.maybe(engagements), at: v.time(), outcome: v.pick(AttemptOutcome.allCases),
                        note: v.text())))
        }
        // Playbooks: waits of Int.max minutes with 1000 repeats, no steps, a hundred steps; started in year 1.
        let playbooks: [Playbook.ID] = ["escalate", "forever"]
        for id in playbooks {
            let steps = (0..<v.pick([0, 1, 3, 100])).map { _ in
                PlaybookStep(
                    channel: v.pick(channels + ["gone"]),
                    wait: v.pick([Minutes(.max), Minutes(.min), Minutes(0), v.minutes()]),
                    repeats: v.pick([1_000, .max, .min, 0, v.int()]))
            }
            log(.playbookDefined(Playbook(id: id, name: v.text(), engagement: v.pick(engagements), steps: steps)))
            log(.playbookStarted(id, at: v.time()))
            log(
                .playbookTryDue(
                    id, PlaybookTry(step: v.int(), repetition: v.int(), channel: v.pick(channels), at: v.instant())))
            if v.chance(3) { log(.playbookStopped(id, PlaybookStop(at: v.instant(), reason: v.text()))) }
        }
        // Deadlines: alarms of any lead, raised or not, due at any time.
        for index in 0..<3 {
            let id = Deadline.ID("deadline-\(index)")
            log(
                .deadlineSet(
                    Deadline(
                        id: id, title: v.text(), engagement: v.maybe(engagements), owedBy: "dprk", due: v.time(),
                        alarms: [Minutes(.max), Minutes(.min), Minutes(0), v.minutes()])))
            log(.deadlineAlarmRaised(id, lead: v.minutes()))
            if v.chance(3) { log(.deadlineResolved(id, v.pick(DeadlineStatus.allCases), at: v.time(), note: v.text())) }
        }
        // Tasks: Int.max durations, negative lead times, self-dependencies, cycles, a long chain, one id twice.
        var tasks = (0..<8).map { index in
            AdvanceTask(
                id: AdvanceTask.ID("task-\(index)"), title: v.text(), kind: v.pick(TaskKind.allCases),
                engagement: v.pick(engagements), venue: v.pick(places), duration: v.minutes(), leadTime: v.minutes(),
                dependsOn: (0..<v.int(in: 0...3)).map { _ in AdvanceTask.ID("task-\(v.int(in: 0...9))") })
        }
        tasks[0].duration = Minutes(.max)
        tasks[1].duration = Minutes(.max)
        tasks[2].dependsOn = ["task-2"]
        tasks[3].dependsOn = ["task-4"]
        tasks[4].dependsOn = ["task-3"]
        tasks += (0..<300).map { index in
            AdvanceTask(
                id: AdvanceTask.ID("chain-\(index)"), title: "link", kind: .logistics, engagement: "meeting",
                venue: "seoul", duration: Minutes(60), leadTime: Minutes(0),
                dependsOn: index == 0 ? [] : [AdvanceTask.ID("chain-\(index - 1)")])
        }
        log(.advanceTasksAdded(tasks))
        log(.advanceTasksAdded([tasks[5]]))
        log(.advanceTaskUpdated("task-0", .done, at: v.time()))
        log(.advanceTaskUpdated("no-such-task", .done, at: v.time()))
        // Signals and itineraries with any values.
        for index in 0..<3 {
            log(
                .signalRecorded(
                    Signal(
                        id: Signal.ID("signal-\(index)"), engagement: v.maybe(engagements), at: v.time(),
                        summary: v.text(), quote: v.maybe([v.text()]), attribution: [v.text()],
                        stance: v.pick(Stance.allCases), grade: try! AdmiraltyGrade(parsing: "C3"))))
        }
        for trip in trips + ["no-trip"] {
            let visits = (0..<v.int(in: 0...4)).map { _ in
                let window = v.window()
                return PlannedVisit(
                    kind: v.pick(PlannedVisit.Kind.allCases), ref: v.pick(["c0", "meeting", "unknown"]),
                    venue: v.pick(places), day: v.int(), start: window.from, end: window.to)
            }
            log(
                .itineraryPlanned(
                    Itinerary(
                        trip: trip, plannedAt: v.time(), visits: visits,
                        leftOut: [LeftOutMeeting(engagement: v.pick(engagements), reason: v.text())])))
        }
        return events
    }
}
