import ArgumentParser
import Foundation
import ParleyDesk
import ParleyPlanner
import ParleyStore
import ParleyStoreSQLite

/// `parley plan TRIP`: fits the candidate meetings around a trip's fixed commitments and records the itinerary.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract:
            "Plan a trip: place fixed commitments and candidate meetings day by day, and say why any are left out.",
        discussion: "Travel times: great-circle distance, by road below 150 km (60 km/h + 15 min), by air above "
            + "(750 km/h + 2 h), unless the scenario's travel section sets a pair. A previous itinerary is the "
            + "starting point, so a re-plan moves as little as it can.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var deskOption: DeskOption

    @Argument(help: "The trip's id.")
    var trip: String

    @Option(help: "How long the planner may search, in seconds.")
    var seconds: Double = 1

    @Option(help: "Search this many iterations instead of for a time (repeatable results with --seed).")
    var iterations: Int?

    @Option(help: "The search's seed.")
    var seed: UInt64 = 1

    @Flag(name: .customLong("dry-run"), help: "Show the itinerary without recording it.")
    var dryRun = false

    @Option(help: "Who is recorded as having planned it.")
    var actor: String = ProcessInfo.processInfo.environment["USER"] ?? "parley"

    func run() async throws {
        try await store.withLedger { ledger in
            let desk = try await deskOption.resolve(in: ledger.store)
            let state = try await ledger.load(desk).state
            let tripProblem = try TripProblem(trip: Trip.ID(trip), in: state)
            let elapsed = PlannerOptions.monotonicClock()
            let options = PlannerOptions(
                seed: seed, iterationLimit: iterations, timeLimit: iterations == nil ? seconds : nil, clock: elapsed,
                warmStart: state.itineraries[tripProblem.trip.id].map(tripProblem.warmStart(from:)))
            let solution = try tripProblem.solve(options: options)
            let plannedAt = ZonedTime(InstantText.rounded(DeskEnvironment.live.now()), zone: state.zone)
            let itinerary = tripProblem.itinerary(from: solution, plannedAt: plannedAt, in: state)
            print(ItineraryReport(problem: tripProblem, itinerary: itinerary, state: state).text)
            if dryRun {
                print("Not recorded (--dry-run).")
            } else {
                let stored = try await ledger.execute(.recordItinerary(itinerary), on: desk, actor: actor)
                print("Recorded as event #\(stored.last?.sequence ?? 0) on desk '\(desk)'.")
            }
        }
    }
}
