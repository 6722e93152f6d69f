import Foundation
import ParleyDesk
import ParleyPlanner
import ParleyTestSupport
import Testing

/// Every read model a page, the API or the command line runs on a desk, with checks that their output
/// stays bounded; a trap anywhere in them ends the test run, which is the failure this suite looks for.
private enum ReadModels {
    /// The most days a trip problem may hold: the longest trip, plus the partial days at its ends.
    static let mostDays = Int(DeskLimits.longestTrip / 86_400) + 2

    static func exercise(_ state: DeskState, events: [DeskEvent], label: String) {
        let moments = [HostileDesk.now, state.profile?.opened.instant ?? HostileDesk.now] + HostileValues.edgeInstants
        for event in events {
            _ = event.summary
            for id in state.engagements.keys { _ = event.concerns(id, in: state) }
        }
        for (id, engagement) in state.engagements.sorted(by: { $0.key < $1.key }) {
            for asOf in moments.prefix(4) {
                if let assessment = try? Assessment(engagement: id, in: state, asOf: asOf) {
                    #expect((0...1).contains(assessment.probability), "\(label): \(id) probability")
                }
            }
            for meeting in engagement.windows.map(\.to.instant) + [HostileDesk.now] {
                guard let readiness = try? Readiness(engagement: id, meeting: meeting, now: HostileDesk.now, in: state)
                else { continue }
                #expect((0...1).contains(readiness.fraction), "\(label): \(id) readiness fraction")
                for task in readiness.tasks {
                    // Finite and within the years a log can write: the API and the pages format these.
                    #expect(abs(task.latestStart.timeIntervalSince1970) < 1e13, "\(label): \(task.task)")
                    #expect(abs(task.earliestStart.timeIntervalSince1970) < 1e13, "\(label): \(task.task)")
                    _ = InstantText.format(task.latestStart)
                    _ = ZonedTime.display(task.earliestStart, in: state.zone)
                }
                if let latest = readiness.latestConfirmation { _ = InstantText.format(latest) }
            }
        }
        for tripID in state.trips.keys.sorted() { plan(tripID, in: state, label: label) }
        for playbook in state.playbooks.values {
            let schedule = playbook.schedule(from: playbook.startedAt?.instant ?? HostileDesk.now)
            #expect(schedule.count <= DeskLimits.maxSteps * DeskLimits.repeats.upperBound, "\(label): schedule")
            for slot in schedule.prefix(3) { _ = InstantText.format(slot.at) }
        }
        for now in moments {
            for command in DeskTimers.due(in: state, now: now).prefix(50) {
                // The timers' commands are decided like any other; what they carry must be storable.
                if let events = try? state.decide(command, now: now, as: .all) {
                    for event in events { _ = try? event.encodedPayload() }
                }
            }
        }
        var redaction = DeskRedaction(for: .uncompartmented)
        let seen = DeskState.folding(events.compactMap { redaction.pass($0) })
        for (id, itinerary) in state.itineraries { _ = redaction.redacted(itinerary).visits.count + id.rawValue.count }
        for id in seen.engagements.keys { _ = try? Assessment(engagement: id, in: seen, asOf: HostileDesk.now) }
        export(state, label: label)
    }

    /// The trip → planner translation, a short plan, its answer back as an itinerary, and a warm start.
    static func plan(_ tripID: Trip.ID, in state: DeskState, label: String) {
        let problem: TripProblem
        do {
            problem = try TripProblem(trip: tripID, in: state)
        } catch {
            return  // A trip with no stay to plan from is refused with an error, which is an answer.
        }
        #expect(problem.days.count <= mostDays, "\(label): trip \(tripID) has \(problem.days.count) days")
        for item in problem.problem.items {
            #expect(item.duration.isFinite && item.windows.allSatisfy { $0.lowerBound.isFinite }, "\(label)")
        }
        if let stored = state.itineraries[tripID] { _ = problem.warmStart(from: stored) }
        do {
            let solution = try problem.solve(options: PlannerOptions(seed: 1, iterationLimit: 20))
            let itinerary = problem.itinerary(
                from: solution, plannedAt: ZonedTime(HostileDesk.now, zone: state.zone), in: state)
            _ = try? state.decide(.recordItinerary(itinerary), now: HostileDesk.now, as: .all)
        } catch {
            // Fixed commitments that cannot all be scheduled are the user's to fix; anything else is a bug.
            #expect(error.category == .user, "\(label): trip \(tripID): \(error.message)")
        }
    }

    /// The scenario export, and its import, which must give a desk or a clean refusal.
    static func export(_ state: DeskState, label: String) {
        let text = ScenarioWriter.write(state)
        _ = try? ScenarioReader.read(text, file: "\(label).yaml")
    }
}

@Suite("Hostile input: no value reaches a trap, in decide or in any read model")
struct HostileInputPropertyTests {
    @Test(
        "commands with extreme values in every field are decided, folded and read without a trap",
        .timeLimit(.minutes(1)), arguments: 0..<40)
    func decidedCommands(seed: UInt64) {
        let run = HostileDesk.decided(seed: seed, count: 100)
        #expect(run.state == DeskState.folding(run.events))
        ReadModels.exercise(run.state, events: run.events, label: "decided seed \(seed)")
    }

    @Test(
        "logs that already hold values decide refuses fold and read without a trap",
        .timeLimit(.minutes(1)), arguments: 0..<20)
    func foldedLogs(seed: UInt64) {
        let events = HostileDesk.folded(seed: seed)
        let state = DeskState.folding(events)
        ReadModels.exercise(state, events: events, label: "folded seed \(seed)")
    }

    @Test("the generator reaches deep: accepted commands of many kinds, and refusals")
    func generatorCoverage() {
        let runs = (0..<24).map { HostileDesk.decided(seed: UInt64($0), count: 80) }
        #expect(runs.allSatisfy { $0.refused > 0 })
        #expect(runs.contains { !$0.state.tasks.isEmpty })
        #expect(runs.contains { !$0.state.trips.isEmpty })
        #expect(runs.contains { $0.state.engagements.count >= 3 })
        #expect(runs.contains { $0.state.trips.values.contains { !$0.stays.isEmpty } })
        #expect(runs.contains { $0.state.playbooks.values.contains { $0.startedAt != nil } })
        #expect(runs.contains { !$0.state.deadlines.isEmpty && !$0.state.signals.isEmpty })
        #expect(runs.contains { $0.state.engagements.values.contains { !$0.history.isEmpty } })
        #expect(
            runs.contains { run in
                run.state.trips.keys.contains {
                    (try? TripProblem(trip: $0, in: run.state))?.problem.items.isEmpty == false
                }
            })
        #expect(
            runs.contains { run in
                run.state.engagements.keys.contains {
                    (try? Readiness(engagement: $0, meeting: HostileDesk.now, now: HostileDesk.now, in: run.state))?
                        .tasks.isEmpty == false
                }
            })
        let accepted = runs.map(\.accepted).reduce(0, +)
        let refused = runs.map(\.refused).reduce(0, +)
        #expect(accepted > refused / 4, "accepted \(accepted), refused \(refused)")
    }

    @Test("two tasks of Int.max minutes: the assessment and readiness name them as invalid and leave them out")
    func intMaxDurations() throws {
        let state = DeskState.folding(HostileDesk.probe)
        let assessment = try Assessment(
            engagement: Fixtures.engagementID, in: state, asOf: Fixtures.kst("06-30 06:00").instant)
        let siteWork = try #require(assessment.contributions.first { $0.indicator == "site-work" })
        #expect(siteWork.reason.contains("task survey-forever has an invalid duration"))
        #expect(siteWork.reason.contains("task sweep-forever has an invalid duration"))
        #expect(siteWork.reason.contains("no advance work planned"))

        let readiness = try Readiness(
            engagement: Fixtures.engagementID, meeting: Fixtures.kst("06-30 15:00").instant,
            now: Fixtures.kst("06-30 06:00").instant, in: state)
        #expect(readiness.ignored.map(\.task) == ["survey-forever", "sweep-forever"])
        #expect(readiness.tasks.isEmpty)
        #expect(readiness.fraction == 1)
        #expect(readiness.latestConfirmation == nil)
    }

    @Test("tasks in a dependency cycle are named and left out; the rest are still scheduled")
    func cycles() throws {
        var tasks = [Fixtures.task("a", dependsOn: ["b"]), Fixtures.task("b", dependsOn: ["a"]), Fixtures.task("c")]
        tasks.append(Fixtures.task("self", dependsOn: ["self"]))
        let state = DeskState.folding(
            Fixtures.desk + [DeskEvent(at: Fixtures.opened.instant, .advanceTasksAdded(tasks))])
        let readiness = try Readiness(
            engagement: Fixtures.engagementID, meeting: Fixtures.kst("06-30 15:00").instant,
            now: Fixtures.kst("06-30 06:00").instant, in: state)
        #expect(readiness.tasks.map(\.task).sorted() == ["c", "self"])
        #expect(readiness.ignored.map(\.task) == ["a", "b"])
        #expect(readiness.ignored.allSatisfy { $0.reason.contains("dependency cycle") })
    }

    @Test("a stay of 500 years plans only the longest trip's days, says so, and takes little time")
    func fiveHundredYearStay() throws {
        let state = DeskState.folding(HostileDesk.probe)
        let clock = ContinuousClock()
        let started = clock.now
        let problem = try TripProblem(trip: "forever", in: state)
        #expect(clock.now - started < .seconds(2))
        #expect(problem.days.count <= ReadModels.mostDays)
        #expect(problem.ignored.contains { $0.contains("an invalid length") && $0.contains("first 366 days") })
    }

    @Test("a playbook waiting Int.max minutes with 1000 repeats has a short schedule of storable times")
    func endlessPlaybook() {
        let steps = [
            PlaybookStep(channel: "dmz-hotline", wait: Minutes(.max), repeats: 1_000),
            PlaybookStep(channel: "dmz-hotline", wait: Minutes(.min), repeats: .min),
        ]
        let playbook = Playbook(id: "endless", name: "Endless", engagement: Fixtures.engagementID, steps: steps)
        let schedule = playbook.schedule(from: Fixtures.opened.instant)
        #expect(schedule.count == DeskLimits.repeats.upperBound + 1)
        #expect(schedule.last.map { InstantText.format($0.at) } != nil)
        #expect(playbook.hasInvalidSteps)
    }

    @Test("a playbook try stored with step Int.max is summarised and exported without a trap")
    func tryAtIntMax() {
        let event = DeskEvent(
            at: Fixtures.opened.instant,
            .playbookTryDue(
                "escalate",
                PlaybookTry(step: .max, repetition: .max, channel: "dmz-hotline", at: Fixtures.opened.instant)))
        #expect(event.summary.contains("step \(Int.max)"))
    }
}
