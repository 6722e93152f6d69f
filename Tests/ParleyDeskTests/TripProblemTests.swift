import Foundation
import ParleyDesk
import ParleyPlanner
import ParleyScenarios
import Testing

private func asiaTrip() throws -> DeskState {
    let (fileName, text) = try #require(try DemoScenarios.all().first { $0.fileName == "asia-trip.yaml" })
    return try ScenarioReader.read(text, file: fileName).state
}

@Suite("Trip planning")
struct TripProblemTests {
    @Test("a trip becomes one tour per day, commitments pinned, candidate meetings as items per venue")
    func translation() throws {
        let state = try asiaTrip()
        let trip = try TripProblem(trip: "asia-2025", in: state)
        #expect(
            trip.days.map(\.label) == [
                // Each day in the zone the principal wakes in: the first day in Korea is a Korean day.
                "Mon 27 Oct 2025, Asia/Tokyo (JST)", "Tue 28 Oct 2025, Asia/Tokyo (JST)",
                "Wed 29 Oct 2025, Asia/Tokyo (JST)", "Thu 30 Oct 2025, Asia/Seoul (KST)",
            ])
        #expect(trip.days[2].startVenue == "tokyo")
        #expect(trip.days[2].endVenue == "gyeongju")
        // The first day starts when the stay does (18:00 JST) and ends at 23:00.
        #expect(
            trip.days[0].span.from.display == "~2025-10-27 18:00 JST"
                || trip.days[0].span.from.display == "2025-10-27 18:00 JST")
        let commitments = trip.problem.items.enumerated().filter { trip.items[$0.offset].kind == .commitment }
        #expect(commitments.count == 2)
        #expect(commitments.allSatisfy { $0.element.pin?.tour == 2 })
        let meetings = trip.items.filter { $0.kind == .engagement }.map(\.ref)
        #expect(meetings.sorted() == ["kim-meeting", "xi-meeting"])
        // The confirmed meeting is mandatory; the exploratory one is not.
        let xi = try #require(trip.items.firstIndex { $0.ref == "xi-meeting" })
        let kim = try #require(trip.items.firstIndex { $0.ref == "kim-meeting" })
        #expect(trip.problem.items[xi].mandatory)
        #expect(!trip.problem.items[kim].mandatory)
    }

    @Test("the travel model: road within a city, air between cities, and a set time wins")
    func travel() throws {
        var state = try asiaTrip()
        let model = TravelModel.standard
        let gyeongju = try #require(state.venues["gyeongju"])
        let busan = try #require(state.venues["busan"])
        let tokyo = try #require(state.venues["tokyo"])
        let road = model.minutes(from: gyeongju, to: busan, in: state)
        let distance = TravelModel.kilometres(
            try #require(gyeongju.coordinates), try #require(busan.coordinates))
        #expect(distance > 50 && distance < 80)
        #expect(road == Int((distance / 60 * 60).rounded(.up)) + 15)
        let flight = model.minutes(from: tokyo, to: gyeongju, in: state)
        #expect(flight > 120 + 60 && flight < 120 + 120)
        state.apply(
            DeskEvent(at: Date(), .travelTimeSet(TravelOverride(from: "gyeongju", to: "busan", time: Minutes(50)))))
        #expect(model.minutes(from: gyeongju, to: busan, in: state) == 50)
        #expect(model.minutes(from: busan, to: gyeongju, in: state) == road)
    }

    @Test(
        "planning asia-trip places the fixed commitments and the China meeting, and says why the DPRK meeting does not fit"
    )
    func plansAsiaTrip() throws {
        let state = try asiaTrip()
        let trip = try TripProblem(trip: "asia-2025", in: state)
        let solution = try trip.solve(options: PlannerOptions(seed: 1, iterationLimit: 500))
        let plannedAt = try ZonedTime.parse("2025-10-20 09:00 Asia/Seoul", field: "at", defaultZone: nil)
        let itinerary = trip.itinerary(from: solution, plannedAt: plannedAt, in: state)
        #expect(Set(itinerary.visits.map(\.ref)) == ["apec-address", "rok-summit", "xi-meeting"])
        let apec = try #require(itinerary.visits.first { $0.ref == "apec-address" })
        #expect(apec.start.display == "2025-10-29 14:00 KST")
        #expect(itinerary.leftOut.map(\.engagement) == ["kim-meeting"])
        #expect(itinerary.leftOut[0].reason.hasPrefix("Panmunjom, Joint Security Area: "))
        // Four days and two candidate meetings: searched exhaustively, and said so.
        #expect(solution.provenBest && itinerary.provenBest == true)
        // The itinerary is a desk event like any other, and a scenario file keeps whether it was proven.
        let events = try state.decide(.recordItinerary(itinerary), now: plannedAt.instant, as: .all)
        #expect(events.count == 1)
        var planned = state
        for event in events { planned.apply(event) }
        let exported = ScenarioWriter.write(planned)
        #expect(exported.contains("proven_best: yes"))
        #expect(try ScenarioReader.read(exported, file: "planned.yaml").state.itineraries["asia-2025"] == itinerary)
    }

    @Test(
        "the journeys follow each day's tour: from the morning's lodging in Tokyo to Gyeongju, and back to the night's lodging"
    )
    func journeysFollowTheTour() throws {
        let state = try asiaTrip()
        let trip = try TripProblem(trip: "asia-2025", in: state)
        let solution = try trip.solve(options: PlannerOptions(seed: 1, iterationLimit: 500))
        let plannedAt = try ZonedTime.parse("2025-10-20 09:00 Asia/Seoul", field: "at", defaultZone: nil)
        let itinerary = trip.itinerary(from: solution, plannedAt: plannedAt, in: state)
        let journeys = Journey.of(itinerary, days: trip.days, in: state)
        let described = journeys.map {
            "\($0.from) → \($0.to), \($0.leaving.display) – \($0.arriving.display) (\($0.minutes)m)"
        }
        // The morning of the 29th is in Tokyo; the address in Gyeongju is the day's first visit.
        let tokyo = try #require(journeys.first { $0.key == "stay-apec-address" }, "\(described)")
        #expect(tokyo.from == "tokyo" && tokyo.to == "gyeongju" && tokyo.arriving.display == "2025-10-29 14:00 KST")
        #expect(tokyo.from == trip.days[tokyo.day].startVenue)
        #expect(tokyo.leaving.zone.identifier == "Asia/Tokyo")
        // On the 30th, the meeting in Busan is followed by the way back to the night's lodging in Gyeongju.
        let back = try #require(journeys.first { $0.key == "xi-meeting-stay" }, "\(described)")
        #expect(back.to == "gyeongju" && back.leaving == itinerary.visits.first { $0.ref == "xi-meeting" }?.end)
        // Every journey of the trip leaves before it arrives, and no day's journey leaves where it did not arrive.
        #expect(journeys.allSatisfy { $0.leaving.instant < $0.arriving.instant && $0.minutes > 0 })
        // Visits belong to the day that holds them, whatever day number a stale itinerary gave them.
        let renumbered = Itinerary(
            trip: itinerary.trip, plannedAt: itinerary.plannedAt,
            visits: itinerary.visits.map {
                PlannedVisit(kind: $0.kind, ref: $0.ref, venue: $0.venue, day: 0, start: $0.start, end: $0.end)
            }, leftOut: [], provenBest: nil)
        #expect(Journey.of(renumbered, days: trip.days, in: state) == journeys)
        // A day with no visit that changes lodging is one journey, leaving as the day opens, in the zone left.
        let empty = Itinerary(
            trip: itinerary.trip, plannedAt: itinerary.plannedAt, visits: [], leftOut: [], provenBest: nil)
        let moves = Journey.of(empty, days: trip.days, in: state)
        #expect(moves.count == trip.days.filter { $0.startVenue != $0.endVenue }.count)
        #expect(
            moves.allSatisfy {
                $0.leaving.instant == trip.days[$0.day].span.from.instant && $0.key.hasSuffix("-move")
                    && $0.leaving.zone == state.venues[$0.from]?.zone
            })
    }

    @Test(
        "an agreed slot that cannot fit is refused naming the conflict and the ways out, each at its new time and checked",
        arguments: [
            // Between the address (ends 15:00) and the summit (16:00), both in Gyeongju. Before the address:
            // an hour's meeting and an hour's flight must end by 14:00, so it starts at 12:00 at the latest
            // (leaving Tokyo at 07:00, 3h35m by air, it is there by 10:35). After the summit (19:00): an
            // hour's flight, so 20:00, and back by 23:00. No single change to the summit is enough.
            (
                "15:30",
                [
                    "Possible meeting with the DPRK leader moves 3h30m earlier, to 2025-10-29 12:00 KST",
                    "Possible meeting with the DPRK leader moves 4h30m later, to 2025-10-29 20:00 KST",
                ]
            ),
            // Half an hour after the summit ends, an hour away: half an hour is missing, and four single
            // changes find it (the summit may start at 15:30, once the address is over).
            (
                "19:30",
                [
                    "Summit with the ROK president moves 30m earlier, to 2025-10-29 15:30 KST",
                    "Summit with the ROK president is 30m shorter",
                    "Possible meeting with the DPRK leader moves 30m later, to 2025-10-29 20:00 KST",
                    "the journey from APEC venue, Gyeongju to Panmunjom, Joint Security Area is 30m shorter",
                ]
            ),
        ])
    func waysOutOfAClash(slot: String, expected: [String]) throws {
        var state = try asiaTrip()
        // A helicopter: an hour each way between the APEC venue and Panmunjom.
        for (from, to) in [("gyeongju", "panmunjom"), ("panmunjom", "gyeongju")] {
            state.apply(
                DeskEvent(
                    at: Date(),
                    .travelTimeSet(TravelOverride(from: Venue.ID(from), to: Venue.ID(to), time: Minutes(60)))))
        }
        let agreedAt = try ZonedTime.parse("2025-10-25 09:00 Asia/Seoul", field: "at", defaultZone: nil)
        let start = try ZonedTime.parse("2025-10-29 \(slot) Asia/Seoul", field: "at", defaultZone: nil)
        state.engagements["kim-meeting"]?.state = .confirmed
        state.engagements["kim-meeting"]?.agreedSlot = AgreedSlot(
            start: start, duration: Minutes(60), venue: "panmunjom", agreedAt: agreedAt)
        let trip = try TripProblem(trip: "asia-2025", in: state)
        let refusal = try #require(throws: TripPlanningError.self) {
            try trip.solve(options: PlannerOptions(seed: 1, iterationLimit: 200))
        }
        #expect(refusal.conflicting == ["rok-summit", "kim-meeting"])
        #expect(refusal.waysOut.map(\.text) == expected)
        #expect(refusal.message.hasSuffix(". It would fit if " + expected.joined(separator: ", or if ")))
    }

    @Test("with a closer venue set by hand, the DPRK meeting fits on the APEC day")
    func fitsWithFasterTravel() throws {
        var state = try asiaTrip()
        for (from, to, minutes) in [("tokyo", "panmunjom", 150), ("panmunjom", "gyeongju", 90)] {
            state.apply(
                DeskEvent(
                    at: Date(),
                    .travelTimeSet(TravelOverride(from: Venue.ID(from), to: Venue.ID(to), time: Minutes(minutes)))))
        }
        let trip = try TripProblem(trip: "asia-2025", in: state)
        let solution = try trip.solve(options: PlannerOptions(seed: 1, iterationLimit: 500))
        let itinerary = trip.itinerary(from: solution, plannedAt: state.profile!.opened, in: state)
        let kim = try #require(itinerary.visits.first { $0.ref == "kim-meeting" })
        #expect(kim.venue == "panmunjom")
        #expect(kim.day == 2)
        #expect(itinerary.leftOut.isEmpty)
    }

    @Test("a trip whose fixed commitments overlap is refused, naming them")
    func overlappingCommitments() throws {
        var state = try asiaTrip()
        var trip = try #require(state.trips["asia-2025"])
        trip.commitments[1].period.from = trip.commitments[0].period.from
        state.trips["asia-2025"] = trip
        let problem = try TripProblem(trip: "asia-2025", in: state)
        #expect {
            try problem.solve(options: PlannerOptions(iterationLimit: 10))
        } throws: { error in
            let message = (error as? TripPlanningError)?.message ?? ""
            return message.contains("apec-address") && message.contains("rok-summit")
        }
    }

    @Test(
        "crossing the date line, each day is in the zone the principal wakes in: westward a date is skipped, eastward one is lived twice, and days never overlap",
        arguments: [
            (
                "Pacific/Honolulu", "Asia/Tokyo",
                [
                    "Mon 3 Nov 2025, Pacific/Honolulu (HST)", "Tue 4 Nov 2025, Pacific/Honolulu (HST)",
                    "Wed 5 Nov 2025, Pacific/Honolulu (HST)", "Fri 7 Nov 2025, Asia/Tokyo (JST)",
                ]
            ),
            (
                "Asia/Tokyo", "Pacific/Honolulu",
                [
                    "Mon 3 Nov 2025, Asia/Tokyo (JST)", "Tue 4 Nov 2025, Asia/Tokyo (JST)",
                    "Wed 5 Nov 2025, Asia/Tokyo (JST)", "Thu 6 Nov 2025, Asia/Tokyo (JST)",
                    "Thu 6 Nov 2025, Pacific/Honolulu (HST)", "Fri 7 Nov 2025, Pacific/Honolulu (HST)",
                ]
            ),
        ])
    func dateLine(from: String, to: String, labels: [String]) throws {
        let text = """
            desk: { name: crossing, title: Crossing, zone: \(from), opened: 2025-10-01 09:00 }
            parties: [{ id: us, name: US }]
            principals: [{ id: p, name: P, party: us }]
            venues:
              - { id: a, name: A, zone: \(from), latitude: 21.3, longitude: -157.8 }
              - { id: b, name: B, zone: \(to), latitude: 35.7, longitude: 139.7 }
            trips:
              - id: t
                title: T
                principal: p
                stays:
                  - { venue: a, from: 2025-11-03 08:00 \(from), to: 2025-11-05 08:00 \(from) }
                  - { venue: b, from: 2025-11-06 12:00 \(to), to: 2025-11-07 20:00 \(to) }
            """
        let state = try ScenarioReader.read(text, file: "crossing.yaml").state
        let days = try TripProblem(trip: "t", in: state).days
        #expect(days.map(\.label) == labels)
        for (day, next) in zip(days, days.dropFirst()) {
            #expect(day.span.from.instant < day.span.to.instant && day.span.to.instant <= next.span.from.instant)
        }
    }
}
