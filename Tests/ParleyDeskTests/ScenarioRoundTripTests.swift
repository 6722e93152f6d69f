import Foundation
import ParleyDesk
import ParleyScenarios
import ParleyTestSupport
import Testing

@Suite("Scenario export and import")
struct ScenarioRoundTripTests {
    @Test("importing an export of each demo reproduces the same desk", arguments: DemoScenarios.fileNames)
    func demoRoundTrip(fileName: String) throws {
        let text = try #require(try DemoScenarios.all().first { $0.fileName == fileName }?.text)
        let imported = try ScenarioReader.read(text, file: fileName)
        let exported = ScenarioWriter.write(imported.state)
        let reimported = try ScenarioReader.read(exported, file: "export.yaml")
        #expect(reimported.state == imported.state)
        #expect(ScenarioWriter.write(reimported.state) == exported)
    }

    @Test("importing an export of a generated desk reproduces the same desk", arguments: 0..<60)
    func generatedRoundTrip(seed: UInt64) throws {
        let state = DeskGenerator.desk(seed: seed)
        let exported = ScenarioWriter.write(state)
        let reimported: ScenarioContents
        do {
            reimported = try ScenarioReader.read(exported, file: "generated-\(seed).yaml")
        } catch {
            Issue.record("seed \(seed): \(error.message)\n\(exported)")
            return
        }
        #expect(reimported.state == state, "seed \(seed)")
    }

    @Test("every generated desk is different and non-trivial, so the round trip covers something")
    func generatorCoverage() {
        let desks = (0..<20).map { DeskGenerator.desk(seed: UInt64($0)) }
        #expect(Set(desks.map { ScenarioWriter.write($0) }).count == 20)
        #expect(desks.contains { !$0.tasks.isEmpty && !$0.signals.isEmpty && !$0.deadlines.isEmpty })
        #expect(desks.contains { $0.engagements.values.contains { $0.history.count >= 3 } })
        #expect(desks.contains { !$0.itineraries.isEmpty && !$0.travelOverrides.isEmpty })
        #expect(desks.contains { $0.playbooks.values.contains { !$0.due.isEmpty } })
        #expect(desks.contains { $0.deadlines.values.contains { !$0.alarmsRaised.isEmpty } })
    }
}
