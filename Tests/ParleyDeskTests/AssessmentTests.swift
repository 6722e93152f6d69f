import Foundation
import ParleyDesk
import ParleyScenarios
import ParleyTestSupport
import Testing

private func demo(_ fileName: String) throws -> [DeskEvent] {
    let text = try #require(try DemoScenarios.all().first { $0.fileName == fileName }?.text)
    return try ScenarioReader.read(text, file: fileName).events
}

private func assess(_ events: [DeskEvent], _ id: Engagement.ID, at text: String) throws -> Assessment {
    let instant = try ZonedTime.parse(text, field: "at", defaultZone: nil).instant
    return try Assessment(engagement: id, in: DeskState.folding(events.filter { $0.at <= instant }), asOf: instant)
}

@Suite("Assessment")
struct AssessmentTests {
    @Test("asia-trip: the DPRK meeting comes out unlikely, for the reasons a reader of the report would give")
    func asiaTrip() throws {
        let assessment = try assess(try demo("asia-trip.yaml"), "kim-meeting", at: "2025-10-20 09:00 Asia/Seoul")
        #expect(assessment.probability < 0.25)
        let indicators = Set(assessment.contributions.filter { $0.logOdds < 0 }.map(\.indicator))
        #expect(indicators.isSuperset(of: ["refusals", "site-work", "channel-status"]))
    }

    @Test(
        "dmz-2019 replayed: the probability rises through the evening of 29 June and is above 70 % by the next morning")
    func dmzReplay() throws {
        let events = try demo("dmz-2019.yaml")
        let times = [
            "2019-06-29 06:00", "2019-06-29 08:00", "2019-06-29 21:00", "2019-06-29 22:30", "2019-06-29 23:45",
            "2019-06-30 09:00",
        ]
        let probabilities = try times.map { try assess(events, "dmz-handshake", at: "\($0) Asia/Seoul").probability }
        // Words fade as hours pass with nothing new, by a hair: never by half a point.
        #expect(zip(probabilities, probabilities.dropFirst()).allSatisfy { $0 <= $1 + 0.005 }, "\(probabilities)")
        #expect(probabilities[4] > probabilities[2] && probabilities[5] > probabilities[4])
        #expect(probabilities[2] > probabilities[1])
        #expect(probabilities.last! > 0.7)
    }

    @Test("an answered attempt never lowers the probability, a refusal never raises it", arguments: 0..<40)
    func monotone(seed: UInt64) throws {
        var generator = DeskGenerator(seed: seed)
        generator.generate(name: "generated")
        let state = DeskState.folding(generator.events)
        let asOf = Date(timeIntervalSince1970: 1_700_000_000 + 400 * 86_400)
        for engagement in state.engagements.values where !engagement.state.isFinal {
            guard
                let channel = state.channels.values.first(where: { $0.party == engagement.counterpart })
                    ?? state.channels.values.first
            else { continue }
            let before = try Assessment(engagement: engagement.id, in: state, asOf: asOf).probability
            for (outcome, raises) in [(AttemptOutcome.replied, true), (.acknowledged, true), (.refused, false)] {
                var after = state
                let attempt = ContactAttempt(
                    id: "probe", channel: channel.id, engagement: engagement.id,
                    at: ZonedTime(asOf.addingTimeInterval(-3600), zone: .utc),
                    outcome: outcome, note: "")
                after.apply(DeskEvent(at: attempt.at.instant, .contactAttemptRecorded(attempt)))
                let probability = try Assessment(engagement: engagement.id, in: after, asOf: asOf).probability
                if raises {
                    #expect(probability >= before, "seed \(seed) \(outcome)")
                } else {
                    #expect(probability <= before, "seed \(seed)")
                }
            }
        }
    }

    @Test("held is certain, declined and abandoned are impossible")
    func finalStates() throws {
        let events = try demo("dmz-2019.yaml")
        #expect(try assess(events, "dmz-handshake", at: "2019-06-30 16:00 Asia/Seoul").probability == 1)
    }
}
