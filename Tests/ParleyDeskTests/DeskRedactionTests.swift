import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

@Suite("What a reader outside a compartment sees of a desk")
struct DeskRedactionTests {
    @Test(
        "an uncleared reader's desk is the full desk with the compartment's engagement and all it touches cut out",
        arguments: 0..<40)
    func generatedDesksRedacted(seed: UInt64) {
        var generator = DeskGenerator(seed: seed)
        generator.generate(name: "generated")
        let full = DeskState.folding(generator.events)
        var redaction = DeskRedaction(for: .uncompartmented)
        let seen = DeskState.folding(generator.events.compactMap { redaction.pass($0) })
        #expect(full.engagements["engagement-1"] == nil || seen != full, "seed \(seed): something was hidden")
        #expect(seen == Self.expectedView(of: full, hiding: "inner-circle"), "seed \(seed)")
    }

    @Test("a reader cleared for every compartment, or for all, sees every event unchanged", arguments: 0..<20)
    func clearedSeeEverything(seed: UInt64) {
        var generator = DeskGenerator(seed: seed)
        generator.generate(name: "generated")
        for clearance in [Clearance.all, .only(["inner-circle", "another"])] {
            var redaction = DeskRedaction(for: clearance)
            #expect(generator.events.map { redaction.pass($0) } == generator.events, "seed \(seed)")
            #expect(!redaction.hidesAnything)
            #expect(redaction.compartments.isSubset(of: ["inner-circle"]))
        }
    }

    @Test("given a hidden meeting that a visible one clashes with, the planner's reason no longer names it")
    func clashReasonRedacted() {
        var secret = Fixtures.engagement
        secret.id = "back-channel"
        secret.title = "Quiet dinner with the envoy"
        secret.compartment = "quiet"
        let itinerary = Itinerary(
            trip: "asia", plannedAt: Fixtures.opened,
            visits: [
                PlannedVisit(
                    kind: .engagement, ref: "back-channel", venue: "panmunjom", day: 0,
                    start: Fixtures.kst("06-30 09:00"),
                    end: Fixtures.kst("06-30 10:00"))
            ],
            leftOut: [
                LeftOutMeeting(
                    engagement: Fixtures.engagementID,
                    reason: "panmunjom: " + LeftOutMeeting.clash(with: "Quiet dinner with the envoy"))
            ])
        let at = Fixtures.opened.instant
        var redaction = DeskRedaction(for: .only(["elsewhere"]))
        let passed =
            (Fixtures.desk + [
                DeskEvent(at: at, .engagementOpened(secret)),
                DeskEvent(at: at, .itineraryPlanned(itinerary)),
            ]).compactMap { redaction.pass($0) }
        guard case .itineraryPlanned(let seen) = passed.last?.fact else {
            Issue.record("the itinerary was dropped")
            return
        }
        #expect(seen.visits.isEmpty)
        #expect(
            seen.leftOut == [
                LeftOutMeeting(engagement: Fixtures.engagementID, reason: "panmunjom: clashes with another commitment")
            ])
        #expect(passed.count == Fixtures.desk.count + 1)
    }

    /// The oracle: the full state with everything touching a hidden engagement taken away, worked out on
    /// the folded state rather than event by event.
    static func expectedView(of full: DeskState, hiding compartment: Compartment.ID) -> DeskState {
        var view = full
        let hidden = Set(full.engagements.values.filter { $0.compartment == compartment }.map(\.id))
        let hides = { (engagement: Engagement.ID?) in engagement.map(hidden.contains) ?? false }
        view.engagements = view.engagements.filter { !hidden.contains($0.key) }
        view.attempts = view.attempts.filter { !hides($0.value.engagement) }
        view.signals = view.signals.filter { !hides($0.value.engagement) }
        view.deadlines = view.deadlines.filter { !hides($0.value.engagement) }
        view.playbooks = view.playbooks.filter { !hides($0.value.engagement) }
        let hiddenTasks = Set(view.tasks.values.filter { hides($0.engagement) }.map(\.id))
        view.tasks = view.tasks.filter { !hiddenTasks.contains($0.key) }
        for id in view.tasks.keys { view.tasks[id]?.dependsOn.removeAll { hiddenTasks.contains($0) } }
        let titles = full.engagements.values.filter { hidden.contains($0.id) }.map(\.title).sorted {
            $0.count > $1.count
        }
        for trip in view.itineraries.keys {
            view.itineraries[trip]?.visits.removeAll {
                $0.kind == .engagement && hidden.contains(Engagement.ID($0.ref))
            }
            view.itineraries[trip]?.leftOut.removeAll { hidden.contains($0.engagement) }
            for index in view.itineraries[trip]!.leftOut.indices {
                var reason = view.itineraries[trip]!.leftOut[index].reason
                for title in titles {
                    reason = reason.replacingOccurrences(
                        of: "clashes with \(title)", with: "clashes with another commitment")
                }
                view.itineraries[trip]!.leftOut[index].reason = reason
            }
        }
        return view
    }
}
