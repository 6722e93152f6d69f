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
                "Mon 27 Oct 2025, Asia/Tokyo", "Tue 28 Oct 2025, Asia/Tokyo", "Wed 29 Oct 2025, Asia/Tokyo",
                "Thu 30 Oct 2025, Asia/Tokyo",
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
        // The itinerary is a desk event like any other.
        #expect(try state.decide(.recordItinerary(itinerary), now: plannedAt.instant, as: .all).count == 1)
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
}
