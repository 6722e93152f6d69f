import Foundation
import ParleyDesk

/// One fixed event of every desk event type and stored version: the values the golden files in
/// Tests/Fixtures/golden/desk hold, written out so a change to a payload's bytes or meaning fails a test.
enum GoldenEvents {
    static let seoul = try! TimeZoneID.validated("Asia/Seoul", field: "zone")
    static let newYork = try! TimeZoneID.validated("America/New_York", field: "zone")

    /// An instant given as seconds since 1970 (UTC), to the millisecond.
    static func instant(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

    static let opened = ZonedTime(instant(1_561_719_600), zone: seoul, approximate: true)
    static let evening = ZonedTime(instant(1_561_806_000.25), zone: seoul)
    static let window = TimeWindow(
        from: ZonedTime(instant(1_561_874_400), zone: seoul), to: ZonedTime(instant(1_561_892_400), zone: seoul))

    static var engagement: Engagement {
        Engagement(
            id: "dmz-handshake", title: "A handshake at the DMZ", principals: ["trump", "kim"], counterpart: "dprk",
            purpose: "Meet at the line \"just to shake hands\"", priority: 1, trip: "seoul-2019",
            duration: Minutes(60), venues: ["panmunjom"], windows: [window], opened: opened,
            compartment: "quiet-channel")
    }

    static var channel: Channel {
        Channel(
            id: "dmz-hotline", name: "Panmunjom hotline", kind: .hotline, party: "dprk", via: "rok", status: .dormant)
    }

    static var deadline: Deadline {
        var deadline = Deadline(
            id: "proposal-by-midnight", title: "Detailed proposal", engagement: "dmz-handshake", owedBy: "us",
            due: ZonedTime(instant(1_561_820_400), zone: seoul), alarms: [Minutes(120), Minutes(30)])
        deadline.note = "Asked for by the DPRK side."
        return deadline
    }

    static var playbook: Playbook {
        Playbook(
            id: "dmz-escalation", name: "Reach the DPRK side", engagement: "dmz-handshake",
            steps: [
                PlaybookStep(channel: "dmz-hotline", wait: Minutes(30), repeats: 2),
                PlaybookStep(channel: "border-bullhorn", wait: Minutes(45), repeats: 1),
            ])
    }

    /// The tasks, the first with an owner (what version 3 of `AdvanceTasksAdded` adds).
    static var ownedTasks: [AdvanceTask] {
        var owned = tasks
        owned[0].owner = "Secret Service advance team"
        return owned
    }

    static var tasks: [AdvanceTask] {
        [
            AdvanceTask(
                id: "jsa-site-survey", title: "Site survey at the JSA", kind: .siteSurvey, engagement: "dmz-handshake",
                venue: "panmunjom", duration: Minutes(240), leadTime: Minutes(720), dependsOn: []),
            AdvanceTask(
                id: "jsa-security", title: "Security sweep", kind: .securitySweep, engagement: "dmz-handshake",
                venue: "panmunjom", duration: Minutes(360), leadTime: Minutes(120), dependsOn: ["jsa-site-survey"]),
        ]
    }

    static let tryDue = PlaybookTry(step: 1, repetition: 0, channel: "border-bullhorn", at: instant(1_561_813_200.5))

    /// The current version of every event type, by type.
    static var current: [String: DeskEvent] {
        let at = instant(1_561_719_600)
        let events: [DeskEvent] = [
            DeskEvent(
                at: at,
                .deskOpened(
                    DeskProfile(
                        name: "dmz-2019", title: "The DMZ meeting, 30 June 2019", zone: seoul, opened: opened,
                        webhook: "https://example.org/hook"))),
            DeskEvent(at: at, .partyRegistered(Party(id: "dprk", name: "Democratic People's Republic of Korea"))),
            DeskEvent(
                at: at,
                .principalRegistered(
                    Principal(id: "kim", name: "Kim Jong Un", title: "Chairman, DPRK", party: "dprk"))),
            DeskEvent(
                at: at,
                .venueRegistered(
                    Venue(
                        id: "panmunjom", name: "Panmunjom, JSA", city: "Panmunjom",
                        coordinates: Coordinates(latitude: 37.9558, longitude: 126.6769), zone: seoul))),
            DeskEvent(
                at: at,
                .tripPlanned(
                    Trip(
                        id: "seoul-2019", title: "G20 and Seoul", principal: "trump",
                        stays: [
                            Stay(
                                venue: "seoul", lodging: "Grand Hyatt, Seoul",
                                period: TimeWindow(
                                    from: ZonedTime(instant(1_561_795_200), zone: seoul),
                                    to: ZonedTime(instant(1_561_903_200), zone: seoul)))
                        ],
                        commitments: [
                            FixedCommitment(
                                id: "moon-summit", title: "Summit with President Moon", venue: "seoul", period: window)
                        ]))),
            DeskEvent(at: opened.instant, .engagementOpened(engagement)),
            DeskEvent(
                at: evening.instant,
                .engagementMoved(
                    "dmz-handshake",
                    EngagementTransition(
                        from: .idea, to: .exploring, at: evening, by: "White House", reason: "The public post."))),
            DeskEvent(at: at, .channelRegistered(channel)),
            DeskEvent(
                at: evening.instant,
                .channelStatusChanged(
                    "dmz-hotline",
                    ChannelStatusChange(from: .dormant, to: .active, at: evening, reason: "It rings from the north."))),
            DeskEvent(
                at: evening.instant,
                .contactAttemptRecorded(
                    ContactAttempt(
                        id: "hotline-1", channel: "dmz-hotline", engagement: "dmz-handshake", at: evening,
                        outcome: .acknowledged, note: "Picked up; no answer yet."))),
            DeskEvent(at: at, .playbookDefined(playbook)),
            DeskEvent(at: at, .deadlineSet(deadline)),
            DeskEvent(
                at: evening.instant,
                .deadlineResolved("proposal-by-midnight", .met, at: evening, note: "Sent by fax.")),
            DeskEvent(at: at, .advanceTasksAdded(ownedTasks)),
            DeskEvent(at: evening.instant, .advanceTaskUpdated("jsa-site-survey", .inProgress, at: evening)),
            DeskEvent(
                at: evening.instant,
                .signalRecorded(
                    Signal(
                        id: "first-reply", engagement: "dmz-handshake", at: evening,
                        summary: "The DPRK side calls it an interesting suggestion.",
                        quote: "a very interesting suggestion",
                        attribution: ["Choe Son Hui", "KCNA"], stance: .open, grade: try! AdmiraltyGrade(parsing: "B2"),
                        side: .thirdParty)
                )),
            DeskEvent(
                at: evening.instant,
                .messageReceived(
                    InboundMessage(
                        id: "kcna-reply", engagement: "dmz-handshake", channel: "dmz-hotline", from: "dprk",
                        at: evening,
                        summary: "They would welcome a meeting at the line.", quote: "a very interesting suggestion",
                        stance: .open, asks: "An official proposal by midnight."))),
            DeskEvent(
                at: evening.instant,
                .engagementSlotAgreed(
                    "dmz-handshake",
                    AgreedSlot(start: window.from, duration: Minutes(50), venue: "panmunjom", agreedAt: evening))),
            DeskEvent(
                at: evening.instant,
                .engagementAmended(
                    "dmz-handshake",
                    EngagementTerms(
                        title: "Handshake at the line", purpose: "Shake hands and say hello", priority: 2,
                        duration: Minutes(50), venues: ["panmunjom", "freedom-house"], windows: [window],
                        principals: ["trump", "kim", "moon"]),
                    Amendment(at: evening, reason: "The ROK president joins.", changed: ["principals", "venues"]))),
            DeskEvent(
                at: evening.instant,
                .tripAmended(
                    "seoul-2019", title: "Osaka and Seoul",
                    stays: [Stay(venue: "seoul", lodging: "Grand Hyatt", period: window)],
                    commitments: [
                        FixedCommitment(
                            id: "moon-summit", title: "Summit with President Moon", venue: "seoul", period: window)
                    ],
                    Amendment(at: evening, reason: "The summit slips an hour.", changed: ["commitments"]))),
            DeskEvent(
                at: evening.instant,
                .advanceTaskAmended(
                    "jsa-site-survey",
                    TaskTerms(
                        title: "Survey the JSA", duration: Minutes(150), leadTime: Minutes(60), dependsOn: [],
                        owner: "Secret Service advance team"),
                    Amendment(at: evening, reason: "The site is larger.", changed: ["duration", "owner"]))),
            DeskEvent(
                at: evening.instant,
                .deadlineMoved(
                    "proposal-by-midnight", due: ZonedTime(instant(1_561_820_400), zone: seoul),
                    alarms: [Minutes(60)],
                    Amendment(at: evening, reason: "They give us until one.", changed: ["due", "alarms"]))),
            DeskEvent(
                at: evening.instant,
                .partyAmended(
                    Party(id: "dprk", name: "DPR Korea"),
                    Amendment(at: evening, reason: "The name they use.", changed: ["name"]))),
            DeskEvent(
                at: evening.instant,
                .principalAmended(
                    Principal(id: "kim", name: "Kim Jong Un", title: "Chairman of State Affairs", party: "dprk"),
                    Amendment(at: evening, reason: "His title.", changed: ["title"]))),
            DeskEvent(
                at: evening.instant,
                .venueAmended(
                    Venue(
                        id: "panmunjom", name: "Panmunjom (JSA)", city: "Paju",
                        coordinates: Coordinates(latitude: 37.9559, longitude: 126.6773), zone: seoul),
                    Amendment(at: evening, reason: "Surveyed.", changed: ["name", "city", "coordinates"]))),
            DeskEvent(
                at: evening.instant,
                .channelAmended(
                    "dmz-hotline", name: "Panmunjom hotline (UNC)", via: nil,
                    Amendment(at: evening, reason: "Direct now.", changed: ["name", "via"]))),
            DeskEvent(
                at: evening.instant,
                .deskAmended(
                    title: "DMZ meeting, June 2019", zone: seoul, webhook: "https://hooks.example/parley",
                    Amendment(at: evening, reason: "A shorter title.", changed: ["title", "webhook"]))),
            DeskEvent(
                at: evening.instant,
                .playbookAmended(
                    "dmz-escalation", name: "Reach the Chairman",
                    steps: [PlaybookStep(channel: "dmz-hotline", wait: Minutes(90), repeats: 2)],
                    Amendment(at: evening, reason: "One channel left.", changed: ["name", "steps"]))),
            DeskEvent(
                at: evening.instant,
                .entryRetracted(
                    Retraction(entry: 12, type: "ContactAttemptRecorded", reason: "Typed in the wrong zone."))),
            DeskEvent(at: at, .travelTimeSet(TravelOverride(from: "seoul", to: "panmunjom", time: Minutes(55)))),
            DeskEvent(
                at: evening.instant,
                .itineraryPlanned(
                    Itinerary(
                        trip: "seoul-2019", plannedAt: evening,
                        visits: [
                            PlannedVisit(
                                kind: .commitment, ref: "moon-summit", venue: "seoul", day: 2, start: window.from,
                                end: window.to)
                        ],
                        leftOut: [LeftOutMeeting(engagement: "dmz-handshake", reason: "clashes with the summit")],
                        provenBest: true))),
            DeskEvent(at: evening.instant, .playbookStarted("dmz-escalation", at: evening)),
            DeskEvent(at: tryDue.at, .playbookTryDue("dmz-escalation", tryDue)),
            DeskEvent(
                at: instant(1_561_820_000),
                .playbookStopped(
                    "dmz-escalation", PlaybookStop(at: instant(1_561_820_000), reason: "answered on dmz-hotline"))),
            DeskEvent(at: instant(1_561_813_200), .deadlineAlarmRaised("proposal-by-midnight", lead: Minutes(120))),
        ]
        return Dictionary(uniqueKeysWithValues: events.map { ($0.type, $0) })
    }

    /// The golden itinerary as version 1 wrote it: whether it was proven best was never said.
    static var itinerary: Itinerary {
        Itinerary(
            trip: "seoul-2019", plannedAt: evening,
            visits: [
                PlannedVisit(
                    kind: .commitment, ref: "moon-summit", venue: "seoul", day: 2, start: window.from, end: window.to)
            ],
            leftOut: [LeftOutMeeting(engagement: "dmz-handshake", reason: "clashes with the summit")])
    }

    /// The golden signal as version 1 wrote it: every signal then carried the counterpart's stance.
    static var counterpartSignal: Signal {
        Signal(
            id: "first-reply", engagement: "dmz-handshake", at: evening,
            summary: "The DPRK side calls it an interesting suggestion.", quote: "a very interesting suggestion",
            attribution: ["Choe Son Hui", "KCNA"], stance: .open, grade: try! AdmiraltyGrade(parsing: "B2"))
    }

    /// Every version older than the current one that a log may hold, by type and version, with the event
    /// each must read as.
    static var legacy: [String: [Int: DeskEvent]] {
        let at = instant(1_561_719_600)
        var ranPlaybook = playbook
        ranPlaybook.startedAt = evening
        ranPlaybook.due = [tryDue]
        ranPlaybook.stopped = PlaybookStop(at: instant(1_561_820_000), reason: "stopped by hand")
        var progressed = tasks
        progressed[0].status = .done
        progressed[0].statusAt = evening
        return [
            "EngagementOpened": [1: DeskEvent(at: opened.instant, .engagementOpened(engagement))],
            "ChannelRegistered": [1: DeskEvent(at: at, .channelRegistered(channel))],
            "ItineraryPlanned": [1: DeskEvent(at: evening.instant, .itineraryPlanned(itinerary))],
            "DeadlineSet": [1: DeskEvent(at: at, .deadlineSet(deadline))],
            "PlaybookDefined": [1: DeskEvent(at: at, .playbookDefined(ranPlaybook))],
            "AdvanceTasksAdded": [
                1: DeskEvent(at: at, .advanceTasksAdded(progressed)), 2: DeskEvent(at: at, .advanceTasksAdded(tasks)),
            ],
            "AdvanceTaskAmended": [
                1: DeskEvent(
                    at: evening.instant,
                    .advanceTaskAmended(
                        "jsa-site-survey",
                        TaskTerms(
                            title: "Survey the JSA", duration: Minutes(150), leadTime: Minutes(60), dependsOn: []),
                        Amendment(at: evening, reason: "The site is larger.", changed: ["duration"])))
            ],
            "SignalRecorded": [1: DeskEvent(at: evening.instant, .signalRecorded(counterpartSignal))],
            "VenueRegistered": [
                1: DeskEvent(
                    at: at,
                    .venueRegistered(
                        Venue(
                            id: "panmunjom", name: "Panmunjom, JSA", city: "Panmunjom",
                            coordinates: Coordinates(latitude: 37.9558, longitude: 126.6769), zone: seoul)))
            ],
            "VenueAmended": [
                1: DeskEvent(
                    at: evening.instant,
                    .venueAmended(
                        Venue(
                            id: "panmunjom", name: "Panmunjom (JSA)", city: "Paju",
                            coordinates: Coordinates(latitude: 37.9559, longitude: 126.6773), zone: seoul),
                        Amendment(at: evening, reason: "Surveyed.", changed: ["name", "city", "coordinates"])))
            ],
        ]
    }
}
