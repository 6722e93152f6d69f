import Foundation
import ParleyDesk
import ParleyScenarios
import ParleyTestSupport
import Testing

/// The corpus DMZ case: the demo desk with a case section.
private func dmzCase(moments: String? = nil, outcome: String = "held") throws -> ScenarioContents {
    let text = try #require(try DemoScenarios.all().first { $0.fileName == "dmz-2019.yaml" }?.text)
    let section = """

        case:
          engagement: dmz-handshake
          outcome: \(outcome)
          settled_at: 2019-06-30 15:45 Asia/Seoul
          moments:
        \(moments ?? """
            - at: 2019-06-29 08:30 Asia/Seoul
              why: "after the invitation"
            - at: 2019-06-29 15:30 Asia/Seoul
              why: "after their reply"
            - at: 2019-06-30 11:00 Asia/Seoul
              why: "the next morning"
        """)
          sources:
            - "the seed report"
        """
    return try ScenarioReader.read(text + section, file: "dmz.yaml")
}

/// Honest odds: the estimate scored against real cases, weights learned from them (issue 17).
@Suite("Calibration")
struct CalibrationTests {
    @Test("a case file's outcome, moments and sources are read; moments at or after the outcome are refused")
    func caseSection() throws {
        let reference = try #require(try dmzCase().reference)
        #expect(reference.outcome == .held && reference.moments.count == 3 && reference.sources == ["the seed report"])
        let late = """
                - at: 2019-06-29 08:30 Asia/Seoul
                  why: "a"
                - at: 2019-06-29 15:30 Asia/Seoul
                  why: "b"
                - at: 2019-06-30 16:00 Asia/Seoul
                  why: "after the handshake"
            """
        #expect(throws: ScenarioError.self) { try dmzCase(moments: late) }
        let two = """
                - at: 2019-06-29 08:30 Asia/Seoul
                  why: "a"
                - at: 2019-06-29 15:30 Asia/Seoul
                  why: "b"
            """
        #expect(throws: ScenarioError.self) { try dmzCase(moments: two) }
    }

    @Test("a corpus file without a case section fails, naming the file and what is missing")
    func withoutOutcome() throws {
        let text = try #require(try DemoScenarios.all().first { $0.fileName == "asia-trip.yaml" }?.text)
        let contents = try ScenarioReader.read(text, file: "asia-trip.yaml")
        #expect {
            try Calibration([("asia-trip.yaml", contents)])
        } throws: { error in
            (error as? CalibrationError)?.message.hasPrefix("asia-trip.yaml: no case: section") == true
        }
    }

    @Test("the DMZ case scored: the estimate rises from the invitation to the morning; Brier as computed by hand")
    func dmzScores() throws {
        let calibration = try Calibration([("dmz.yaml", try dmzCase())])
        let scored = calibration.scored(with: .handSet)
        #expect(scored.map(\.probability) == scored.map(\.probability).sorted())
        let brier = scored.reduce(0) { $0 + pow(1 - $1.probability, 2) } / 3
        let scores = Calibration.Scores(scored)
        #expect(abs(scores.brier - brier) < 1e-12)
        #expect(scores.outOfBounds == 0)
        #expect(scores.reliability.reduce(0) { $0 + $1.count } == 3)
        // The same moments through `Assessment` with the same weights give the same numbers.
        let events = try dmzCase().events
        let moment = try ZonedTime.parse("2019-06-29 15:30 Asia/Seoul", field: "t", defaultZone: nil).instant
        let direct = try Assessment(
            engagement: "dmz-handshake", in: DeskState.folding(events, asOf: moment, .asKnown), asOf: moment,
            weights: .handSet)
        #expect(abs(direct.probability - scored[1].probability) < 1e-12)
    }

    @Test(
        "held ranked above never held: 1 when every held moment scores higher, a coin when the same evidence ends both ways"
    )
    func discrimination() throws {
        let early = """
                - at: 2019-06-29 07:00 Asia/Seoul
                  why: "before the invitation"
                - at: 2019-06-29 08:00 Asia/Seoul
                  why: "the invitation"
                - at: 2019-06-29 08:30 Asia/Seoul
                  why: "after the invitation"
            """
        let late = """
                - at: 2019-06-29 15:30 Asia/Seoul
                  why: "after their reply"
                - at: 2019-06-29 23:45 Asia/Seoul
                  why: "near midnight"
                - at: 2019-06-30 11:00 Asia/Seoul
                  why: "the next morning"
            """
        let separated = try Calibration([
            ("held.yaml", try dmzCase(moments: late)),
            ("never.yaml", try dmzCase(moments: early, outcome: "never-held")),
        ])
        #expect(Calibration.Scores(separated.scored(with: .handSet)).discrimination == 1)
        let twins = try Calibration([("held.yaml", try dmzCase()), ("never.yaml", try dmzCase(outcome: "never-held"))])
        #expect(Calibration.Scores(twins.scored(with: .handSet)).discrimination == 0.5)
        let oneOutcome = try Calibration([("held.yaml", try dmzCase())])
        #expect(Calibration.Scores(oneOutcome.scored(with: .handSet)).discrimination == nil)
    }

    @Test("the base rate to beat: each case gets the share held among the other cases' moments, within 2–98 %")
    func baseRateOfTheOthers() throws {
        let calibration = try Calibration([
            ("a.yaml", try dmzCase()), ("b.yaml", try dmzCase(outcome: "never-held")), ("c.yaml", try dmzCase()),
        ])
        let byCase = Dictionary(grouping: calibration.baseRateLeftOut(), by: \.name).mapValues { $0.map(\.probability) }
        #expect(byCase["a.yaml"] == [0.5, 0.5, 0.5])
        #expect(byCase["b.yaml"] == [0.98, 0.98, 0.98])
        #expect(byCase["c.yaml"] == [0.5, 0.5, 0.5])
        let brier = Calibration.Scores(calibration.baseRateLeftOut()).brier
        #expect(abs(brier - (6 * 0.25 + 3 * 0.98 * 0.98) / 9) < 1e-12)
    }

    /// `count` rows (1, a value in −2…2, one in −1…1) and outcomes drawn from a logistic model with `truth`.
    private static func sample(truth: [Double], count: Int, seed: UInt64) -> (rows: [[Double]], outcomes: [Double]) {
        var random = SeededRandom(seed: seed)
        var rows: [[Double]] = []
        var outcomes: [Double] = []
        for _ in 0..<count {
            let x = [1, Double.random(in: -2...2, using: &random), Double.random(in: -1...1, using: &random)]
            let p = 1 / (1 + exp(-zip(truth, x).reduce(0) { $0 + $1.0 * $1.1 }))
            rows.append(x)
            outcomes.append(Double.random(in: 0...1, using: &random) < p ? 1 : 0)
        }
        return (rows, outcomes)
    }

    @Test("a shrunk logistic fit finds the weights that made the data, and stays at the prior when told to")
    func logisticFit() {
        let truth = [-0.5, 1.5, -2.0]
        let (rows, outcomes) = Self.sample(truth: truth, count: 4000, seed: 7)
        let loose = LogisticFit(rows: rows, outcomes: outcomes, prior: [0, 0, 0], strength: 0.01)
        for (fitted, real) in zip(loose.weights, truth) { #expect(abs(fitted - real) < 0.2, "\(loose.weights)") }
        #expect(loose.covariance.count == 3 && loose.covariance[1][1] > 0)
        let tight = LogisticFit(rows: rows, outcomes: outcomes, prior: [0, 1, -1], strength: 1e7)
        for (fitted, prior) in zip(tight.weights, [0.0, 1, -1]) { #expect(abs(fitted - prior) < 0.01) }
    }

    @Test("a multiplier's standard error comes from the fit's covariance; hand-set or foreign weights have none")
    func standardErrors() {
        #expect(AssessmentWeights.handSet.standardError("stance") == nil)
        let shipped = AssessmentWeights.shipped
        let expected = AssessmentWeights.indicators.firstIndex(of: "setbacks").map {
            shipped.covariance[$0 + 1][$0 + 1].squareRoot()
        }
        #expect(expected != nil && shipped.standardError("setbacks") == expected)
        #expect(shipped.standardError("no-such-indicator") == nil)
        let foreign = AssessmentWeights(base: 0, multipliers: [:], covariance: [[1, 0], [0, 1]])
        #expect(foreign.standardError("lifecycle") == nil)
    }

    @Test("a multiplier the data would push below 0 stops at 0, and the rest are fitted as if it were not there")
    func nonNegativeFit() {
        let (rows, outcomes) = Self.sample(truth: [-0.5, 1.5, -2.0], count: 2000, seed: 11)
        let bounded = LogisticFit(
            rows: rows, outcomes: outcomes, prior: [0, 1, 1], strength: 0.01, nonNegative: [1, 2])
        #expect(bounded.weights[2] == 0)
        let without = LogisticFit(
            rows: rows.map { [$0[0], $0[1], 0] }, outcomes: outcomes, prior: [0, 1, 1], strength: 0.01)
        #expect(
            abs(bounded.weights[0] - without.weights[0]) < 1e-6 && abs(bounded.weights[1] - without.weights[1]) < 1e-6)
        // A bound the data do not press on changes nothing.
        let free = LogisticFit(rows: rows, outcomes: outcomes, prior: [0, 1, 1], strength: 0.01)
        let loose = LogisticFit(rows: rows, outcomes: outcomes, prior: [0, 1, 1], strength: 0.01, nonNegative: [1])
        #expect(free.weights == loose.weights)
        #expect(free.weights[2] < -1)
    }

    @Test("nothing short of being held gives 0 or 1: a declined or abandoned meeting stays at 2 % or more")
    func bounds() throws {
        for exit in [EngagementState.declined, .abandoned] {
            var events = Fixtures.desk
            let move = EngagementTransition(
                from: .idea, to: exit, at: Fixtures.kst("06-29 10:00"), by: "them", reason: "a letter")
            events.append(DeskEvent(at: move.at.instant, .engagementMoved(Fixtures.engagementID, move)))
            let state = DeskState.folding(events)
            let asOf = Fixtures.kst("06-29 11:00").instant
            let hand = try Assessment(engagement: Fixtures.engagementID, in: state, asOf: asOf, weights: .handSet)
            #expect(hand.probability == Assessment.bounds.lowerBound, "\(exit)")
            #expect(hand.features != nil)
            let shipped = try Assessment(engagement: Fixtures.engagementID, in: state, asOf: asOf)
            #expect(Assessment.bounds.contains(shipped.probability) && shipped.probability < 0.15, "\(exit)")
        }
    }

    @Test(
        "with the shipped weights a setback counts against, by at least one in log-odds, and a confirmation never does",
        arguments: [EngagementState.postponed, .declined, .abandoned])
    func setbacksCount(setback: EngagementState) throws {
        var events = Fixtures.desk
        let confirmed = EngagementTransition(
            from: .idea, to: .confirmed, at: Fixtures.kst("06-29 10:00"), by: "both", reason: "agreed")
        let called = EngagementTransition(
            from: .confirmed, to: setback, at: Fixtures.kst("06-29 10:30"), by: "them", reason: "a letter")
        for move in [confirmed, called] {
            events.append(DeskEvent(at: move.at.instant, .engagementMoved(Fixtures.engagementID, move)))
        }
        let state = DeskState.folding(events)
        let before = try Assessment(
            engagement: Fixtures.engagementID, in: DeskState.folding(Array(events.dropLast())),
            asOf: Fixtures.kst("06-29 10:15").instant)
        let after = try Assessment(
            engagement: Fixtures.engagementID, in: state, asOf: Fixtures.kst("06-29 10:45").instant)
        let logit = { (p: Double) in log(p / (1 - p)) }
        #expect(
            logit(before.probability) - logit(after.probability) >= 1, "\(before.probability) → \(after.probability)")
        #expect(
            after.contributions.contains {
                $0.indicator == "setbacks" && $0.reason == "the engagement is \(setback.label)"
            })
        #expect(before.contributions.allSatisfy { $0.indicator != "lifecycle" || $0.logOdds >= 0 })
    }

    @Test("a refusal on the counterpart's channel with no engagement named still counts, once")
    func untaggedRefusal() throws {
        let refused = ContactAttempt(
            id: "letter", channel: "dmz-hotline", engagement: nil, at: Fixtures.kst("06-29 09:00"), outcome: .refused,
            note: "sent back")
        let state = DeskState.folding(
            Fixtures.desk + [DeskEvent(at: refused.at.instant, .contactAttemptRecorded(refused))])
        let assessment = try Assessment(
            engagement: Fixtures.engagementID, in: state, asOf: Fixtures.kst("06-29 12:00").instant)
        #expect(assessment.features?["refusals"] == -0.8)
        #expect(assessment.features?["channel-answers"] == 0)
    }

    @Test("a refusal in the last 30 days counts once, not again as silence")
    func refusalCountedOnce() throws {
        let refused = ContactAttempt(
            id: "letter", channel: "dmz-hotline", engagement: Fixtures.engagementID, at: Fixtures.kst("06-29 09:00"),
            outcome: .refused, note: "sent back")
        let state = DeskState.folding(
            Fixtures.desk + [DeskEvent(at: refused.at.instant, .contactAttemptRecorded(refused))])
        // With the hand-set weights, so the figure is the table's (the shipped ones scale it by their multiplier).
        let assessment = try Assessment(
            engagement: Fixtures.engagementID, in: state, asOf: Fixtures.kst("06-29 12:00").instant, weights: .handSet)
        #expect(assessment.contributions.first { $0.indicator == "channel-answers" } == nil)
        #expect(assessment.contributions.first { $0.indicator == "refusals" }?.logOdds == -0.8)
    }
}

/// What the estimate makes of stances by their age and their side, and of a "no" sent as a message (issue 17).
@Suite("Stances by age and side")
struct StanceWeightingTests {
    /// A signal about the DMZ engagement.
    private static func signal(
        _ id: String, at: ZonedTime, stance: Stance, side: SignalSide = .counterpart, grade: String = "A1"
    ) -> DeskEvent {
        DeskEvent(
            at: at.instant,
            .signalRecorded(
                Signal(
                    id: Signal.ID(id), engagement: Fixtures.engagementID, at: at, summary: "said so", quote: nil,
                    attribution: ["someone"], stance: stance, grade: try! AdmiraltyGrade(parsing: grade), side: side)))
    }

    /// The hand-set contribution of `indicator` to the DMZ engagement on `events`, as of `asOf`.
    private static func contribution(_ indicator: String, _ events: [DeskEvent], asOf: ZonedTime) throws -> Double {
        let assessment = try Assessment(
            engagement: Fixtures.engagementID, in: DeskState.folding(events), asOf: asOf.instant, weights: .handSet)
        return assessment.features?[indicator] ?? 0
    }

    @Test("a favourable word weighs half as much thirty days on, and a newer doubt outweighs an older welcome")
    func stancesFade() throws {
        let said = Fixtures.kst("06-29 12:00")
        let events = Fixtures.desk + [Self.signal("welcome", at: said, stance: .favourable)]
        let dayAfter = try Self.contribution("stance", events, asOf: Fixtures.kst("06-30 12:00"))
        let monthOn = try Self.contribution(
            "stance", events,
            asOf: ZonedTime(said.instant.addingTimeInterval(30 * 86_400 + 86_400), zone: Fixtures.seoul))
        // Strength w / (w + 1): nearly 1 → 0.5 the day after, half of that a month on.
        #expect(dayAfter > 0.75 && dayAfter < 0.8, "\(dayAfter)")
        #expect(monthOn > 0.5 && monthOn < 0.55, "\(monthOn)")
        let later = ZonedTime(said.instant.addingTimeInterval(60 * 86_400), zone: Fixtures.seoul)
        let turned = events + [Self.signal("cooled", at: later, stance: .skeptical)]
        #expect(try Self.contribution("stance", turned, asOf: later) < 0)
    }

    @Test("our own doubts count against twice as strongly as our own enthusiasm counts for")
    func ourDoubtsWeighMore() throws {
        let at = Fixtures.kst("06-29 12:00")
        let keen = Fixtures.desk + [Self.signal("keen", at: at, stance: .favourable, side: .ours)]
        let doubtful = Fixtures.desk + [Self.signal("doubt", at: at, stance: .opposed, side: .ours)]
        let asOf = Fixtures.kst("06-29 13:00")
        let favour = try Self.contribution("our-stance", keen, asOf: asOf)
        let doubt = try Self.contribution("our-doubts", doubtful, asOf: asOf)
        #expect(favour > 0 && doubt < 0)
        #expect(abs(-doubt / favour - 2) < 1e-9)
        #expect(try Self.contribution("our-doubts", keen, asOf: asOf) == 0)
        #expect(try Self.contribution("our-stance", doubtful, asOf: asOf) == 0)
        // Mixed words: the doubt is not cancelled by an equal welcome.
        let mixed = keen + [Self.signal("doubt", at: at, stance: .opposed, side: .ours)]
        let sum =
            try Self.contribution("our-stance", mixed, asOf: asOf) + Self.contribution("our-doubts", mixed, asOf: asOf)
        #expect(sum < 0)
    }

    @Test("a message from the other side saying no counts once, by its stance: not as an answer, a refusal or silence")
    func aNoByMessageCountsOnce() throws {
        let at = Fixtures.kst("06-29 20:30")
        let no = InboundMessage(
            id: "no", engagement: Fixtures.engagementID, channel: "dmz-hotline", from: "dprk", at: at,
            summary: "Not now.", quote: nil, stance: .opposed, asks: nil)
        // An attempt of ours that got no answer the same evening: their "no" is the answer.
        let unanswered = ContactAttempt(
            id: "call", channel: "dmz-hotline", engagement: Fixtures.engagementID, at: Fixtures.kst("06-29 20:00"),
            outcome: .unanswered, note: "rang out")
        let events =
            Fixtures.desk + [
                DeskEvent(at: unanswered.at.instant, .contactAttemptRecorded(unanswered)),
                DeskEvent(at: at.instant, .messageReceived(no)),
            ]
        let asOf = Fixtures.kst("06-29 21:00")
        #expect(try Self.contribution("refusals", events, asOf: asOf) == 0)
        #expect(try Self.contribution("channel-answers", events, asOf: asOf) == 0)
        #expect(try Self.contribution("stance", events, asOf: asOf) < 0)
        var open = no
        open.stance = .open
        let answered = Fixtures.desk + [DeskEvent(at: at.instant, .messageReceived(open))]
        #expect(try Self.contribution("channel-answers", answered, asOf: asOf) == 1.0)
        #expect(try Self.contribution("stance", answered, asOf: asOf) > 0)
    }
}
