import Foundation
import ParleyDesk
import ParleyScenarios
import ParleyTestSupport
import Testing

@testable import ParleyServer

@Suite("The day-before cache")
struct DayBeforeCacheTests {
    /// The DMZ story, its events learned at shuffled times (some late entries), as a log grows.
    static func log(seed: UInt64) throws -> [DeskEvent] {
        let (fileName, text) = try #require(try DemoScenarios.all().first { $0.fileName == "dmz-2019.yaml" })
        var random = SeededRandom(seed: seed)
        return try ScenarioReader.read(text, file: fileName).events.map { event in
            var event = event
            // A third are learned later than they happened: a report entered hours afterwards.
            if Int.random(in: 0...2, using: &random) == 0 {
                event.known = event.at.addingTimeInterval(Double(Int.random(in: 1...40, using: &random)) * 3_600)
            }
            return event
        }
    }

    @Test(
        "moving forward through time and a growing log, the kept state is always the one a fold from the start gives",
        arguments: (0..<12).map { UInt64($0) })
    func matchesAFullFold(seed: UInt64) async throws {
        let events = try Self.log(seed: seed)
        let cache = DayBeforeCache()
        var random = SeededRandom(seed: seed &+ 99)
        let first = try #require(events.map(\.at).min())
        var moment = first
        var version: Int64 = 10
        while version < Int64(events.count) || moment < first.addingTimeInterval(4 * 86_400) {
            version = min(Int64(events.count), version + Int64(Int.random(in: 0...4, using: &random)))
            moment = moment.addingTimeInterval(Double(Int.random(in: 0...240, using: &random)) * 60)
            let kept = try await cache.state(of: "dmz", version: version, asOf: moment) { from in
                events.enumerated().map { (Int64($0.offset + 1), $0.element) }.filter { $0.0 >= from }
            }
            let folded = DeskState.folding(events.prefix(Int(version)), asOf: moment, .asKnown)
            #expect(kept == folded, "seed \(seed), version \(version), \(moment)")
        }
    }
}
