import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

/// The inputs that add things to a desk, shared by the browser's forms and the API: names as in scenario
/// files, ids made from titles, times as text, every refusal naming its field.
@Suite("Creation inputs")
struct CreationInputTests {
    static let now = Fixtures.kst("06-29 09:00").instant
    static var desk: DeskState { DeskState.folding(Fixtures.desk) }

    @Test(
        "an id is made from the title, folded to a slug, and numbered when taken",
        arguments: [
            ("Peace House, Panmunjom", [], "peace-house-panmunjom"),
            ("Hôtel Métropole — Zürich", [], "hotel-metropole-zurich"),
            ("Panmunjom", ["panmunjom"], "panmunjom-2"),
            ("Panmunjom", ["panmunjom", "panmunjom-2"], "panmunjom-3"),
            ("판문점", [], "item"),
            ("  --Blue House--  ", [], "blue-house"),
        ])
    func idsFromTitles(title: String, taken: [String], expected: String) throws {
        #expect(try InputText.newID(nil, from: title, taken: { taken.contains($0) }) == expected)
        #expect(try InputText.newID("", from: title, taken: { taken.contains($0) }) == expected)
    }

    @Test("a given id is kept as typed, and refused by name when it is not a slug")
    func givenIDs() throws {
        #expect(try InputText.newID("blue-house", from: "Anything", taken: { _ in false }) == "blue-house")
        let error = #expect(throws: DeskError.self) {
            try InputText.newID("Blue House", from: "x", field: "id", taken: { _ in false })
        }
        #expect(error?.field == "id")
    }

    @Test("a venue, a principal, a party and a channel become the records the desk registers")
    func referenceRecords() throws {
        let state = Self.desk
        let venue = try VenueInput(
            name: "Freedom House", city: "Panmunjom", latitude: 37.956, longitude: 126.677, zone: "Asia/Seoul"
        ).command(on: state)
        #expect(
            venue
                == .registerVenue(
                    Venue(
                        id: "freedom-house", name: "Freedom House", city: "Panmunjom",
                        coordinates: Coordinates(latitude: 37.956, longitude: 126.677), zone: Fixtures.seoul)))
        let principal = try PrincipalInput(name: "Moon Jae-in", title: "President", party: "rok").command(on: state)
        #expect(
            principal
                == .registerPrincipal(
                    Principal(id: "moon-jae-in", name: "Moon Jae-in", title: "President", party: "rok")))
        #expect(try PartyInput(name: "DPRK").command(on: state) == .registerParty(Party(id: "dprk-2", name: "DPRK")))
        let channel = try ChannelInput(name: "Swedish embassy", kind: "intermediary", party: "dprk", via: "")
            .command(on: state)
        #expect(
            channel
                == .registerChannel(
                    RegisterChannel(
                        Channel(
                            id: "swedish-embassy", name: "Swedish embassy", kind: .intermediary, party: "dprk",
                            status: .unknown))))
    }

    @Test(
        "each refusal names the field a form shows it beside",
        arguments: [
            ("venue without coordinates", "latitude"),
            ("venue in no zone", "zone"),
            ("channel of no kind", "kind"),
            ("engagement of no length", "duration"),
            ("engagement window not a time", "windows[1].to"),
            ("task with a bad lead time", "lead_time"),
            ("playbook step with a bad wait", "steps[0].wait"),
            ("trip stay not a time", "stays[0].from"),
            ("trip commitment not a time", "commitments[0].end"),
            ("travel not a length", "time"),
            ("desk in no zone", "zone"),
            ("desk named like a rehearsal", "name"),
        ])
    func refusals(name: String, field: String) {
        let state = Self.desk
        let window = WindowInput(from: "2019-06-30 08:00", to: "2019-06-30 18:00")
        let error = #expect(throws: DeskError.self) {
            switch name {
            case "venue without coordinates":
                _ = try VenueInput(name: "X", latitude: nil, longitude: 1, zone: "UTC").command(on: state)
            case "venue in no zone":
                _ = try VenueInput(name: "X", latitude: 1, longitude: 1, zone: "KST").command(on: state)
            case "channel of no kind":
                _ = try ChannelInput(name: "X", kind: "pigeon", party: "dprk").command(on: state)
            case "engagement of no length":
                _ = try EngagementInput(title: "X", principals: ["trump"], counterpart: "dprk", duration: "soon")
                    .command(on: state, now: Self.now)
            case "engagement window not a time":
                _ = try EngagementInput(
                    title: "X", principals: ["trump"], counterpart: "dprk", duration: "1h",
                    windows: [window, WindowInput(from: "2019-07-01 08:00", to: "tomorrow")]
                ).command(on: state, now: Self.now)
            case "task with a bad lead time":
                _ = try TaskInput(
                    title: "Survey", kind: "site-survey", engagement: "dmz-handshake", venue: "panmunjom",
                    duration: "2h", leadTime: "a while"
                ).command(on: state)
            case "playbook step with a bad wait":
                _ = try PlaybookInput(
                    name: "P", engagement: "dmz-handshake",
                    steps: [PlaybookStepInput(channel: "dmz-hotline", wait: "?")]
                ).command(on: state)
            case "trip stay not a time":
                _ = try TripInput(
                    title: "T", principal: "trump", stays: [StayInput(venue: "panmunjom", from: "x", to: "y")]
                ).command(on: state)
            case "trip commitment not a time":
                _ = try TripInput(
                    title: "T", principal: "trump",
                    commitments: [
                        CommitmentInput(title: "Summit", venue: "panmunjom", start: "2019-06-30 10:00", end: "noonish")
                    ]
                ).command(on: state)
            case "travel not a length":
                _ = try TravelTimeInput(from: "a", to: "b", time: "far").commands()
            case "desk named like a rehearsal":
                // Only a rehearsal's desk is named rehearsal-…: pages mark such desks as practice.
                _ = try DeskInput(title: "Rehearsal dinner", zone: "Asia/Seoul").command(now: Self.now) { _ in false }
            default:
                _ = try DeskInput(title: "New desk", zone: "Mars/Olympus").command(now: Self.now) { _ in false }
            }
        }
        #expect(error?.field == field, "\(name): \(String(describing: error))")
    }

    @Test("a venue whose place is not known has no coordinates: travel to it comes only from times the staff set")
    func venueWithoutCoordinates() throws {
        var state = Self.desk
        let command = try VenueInput(name: "Somewhere quiet", latitude: nil, longitude: nil, zone: "Asia/Seoul")
            .command(on: state)
        for event in try #require(Given.on(state).when(command).events) { state.apply(event) }
        let venue = try #require(state.venues["somewhere-quiet"])
        #expect(venue.coordinates == nil)
        let longest = DeskLimits.longestTravel.value
        #expect(TravelModel.standard.minutes(from: Fixtures.panmunjom, to: venue, in: state) == longest)
        let travel = TravelOverride(from: "panmunjom", to: "somewhere-quiet", time: Minutes(40))
        for event in try #require(Given.on(state).when(.setTravelTime(travel)).events) { state.apply(event) }
        #expect(TravelModel.standard.minutes(from: Fixtures.panmunjom, to: venue, in: state) == 40)
        // A scenario file leaves the coordinates out, and reads back the same.
        let exported = ScenarioWriter.write(state)
        #expect(!exported.contains("latitude: nan"))
        #expect(try ScenarioReader.read(exported, file: "export.yaml").state == state)
        // One alone is refused by the name of the other.
        let error = #expect(throws: DeskError.self) {
            try VenueInput(name: "X", latitude: 1, longitude: nil, zone: "UTC").command(on: state)
        }
        #expect(error?.field == "longitude")
    }

    @Test("an engagement typed with windows in the desk's zone opens as an idea the desk accepts")
    func engagement() throws {
        let state = Self.desk
        let command = try EngagementInput(
            title: "Lunch at Freedom House", principals: ["trump", "kim"], counterpart: "dprk", priority: 2,
            duration: "1h30m", venues: ["panmunjom"],
            windows: [WindowInput(from: "2019-06-30 11:00", to: "2019-06-30 14:00 Asia/Tokyo")]
        ).command(on: state, now: Self.now)
        guard case .openEngagement(let opened) = command else {
            Issue.record("not an opening: \(command)")
            return
        }
        #expect(opened.id == "lunch-at-freedom-house")
        #expect(opened.duration == Minutes(90))
        #expect(opened.windows[0].from == Fixtures.kst("06-30 11:00"))
        #expect(opened.windows[0].to.zone.identifier == "Asia/Tokyo")
        #expect(opened.opened == ZonedTime(Self.now, zone: Fixtures.seoul))
        #expect(Given.on(state).when(command, now: Self.now).events?.count == 1)
    }

    @Test("a task keeps its owner through the decision into the event (it was dropped before)")
    func taskOwner() throws {
        let command = try TaskInput(
            title: "Site survey", kind: "site-survey", engagement: "dmz-handshake", venue: "panmunjom",
            duration: "2h", leadTime: "30m", owner: "Advance team"
        ).command(on: Self.desk)
        let events = try #require(Given(Fixtures.desk).when(command).events)
        guard case .advanceTasksAdded(let tasks) = events.first?.fact else {
            Issue.record("not tasks added: \(events)")
            return
        }
        #expect(tasks.map(\.owner) == ["Advance team"])
        #expect(tasks.map(\.leadTime) == [Minutes(30)])
    }

    @Test("a playbook's steps, a travel time both ways or one, and a trip with its stays")
    func workAndTrips() throws {
        let state = Self.desk
        let playbook = try PlaybookInput(
            name: "If the hotline is silent", engagement: "dmz-handshake",
            steps: [PlaybookStepInput(channel: "dmz-hotline", wait: "2h", repeat: 3)]
        ).command(on: state)
        #expect(
            playbook
                == .definePlaybook(
                    DefinePlaybook(
                        Playbook(
                            id: "if-the-hotline-is-silent", name: "If the hotline is silent",
                            engagement: "dmz-handshake",
                            steps: [PlaybookStep(channel: "dmz-hotline", wait: Minutes(120), repeats: 3)]))))
        #expect(try TravelTimeInput(from: "a", to: "b", time: "45m").commands().count == 2)
        #expect(try TravelTimeInput(from: "a", to: "b", time: "45m", oneWay: true).commands().count == 1)
        let trip = try TripInput(
            title: "Korea, June", principal: "trump",
            stays: [
                StayInput(venue: "panmunjom", lodging: "Grand Hyatt", from: "2019-06-29 18:00", to: "2019-06-30 20:00")
            ],
            commitments: [
                CommitmentInput(title: "Troops", venue: "panmunjom", start: "2019-06-30 17:00", end: "2019-06-30 18:00")
            ]
        ).command(on: state)
        guard case .planTrip(let planned) = trip else {
            Issue.record("not a trip: \(trip)")
            return
        }
        #expect(planned.id == "korea-june")
        #expect(planned.commitments.map(\.id) == ["troops"])
        #expect(planned.stays.first?.period.from == Fixtures.kst("06-29 18:00"))
        #expect(Given.on(state).when(trip).events?.count == 1)
    }

    @Test("a new desk is named from its title in its own zone, and a taken name gets a number")
    func desk() throws {
        let command = try DeskInput(title: "Seoul, spring", zone: "Asia/Seoul").command(now: Self.now) {
            $0 == "seoul-spring"
        }
        #expect(
            command
                == .openDesk(
                    DeskProfile(
                        name: "seoul-spring-2", title: "Seoul, spring", zone: Fixtures.seoul,
                        opened: ZonedTime(Self.now, zone: Fixtures.seoul))))
    }
}
