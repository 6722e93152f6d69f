import Foundation
import ParleyDesk
import ParleyScenarios
import ParleyStore
import ParleyTestSupport
import Testing

@Suite("Desk ledger")
struct DeskLedgerTests {
    @Test(
        "a command is decided on the stored desk and its events appended with actor, time and id",
        arguments: StoreEngine.available)
    func execute(engine: StoreEngine) async throws {
        try await withLedger(engine) { ledger in
            let profile = DeskProfile(name: "dmz-2019", title: "DMZ", zone: Fixtures.seoul, opened: Fixtures.opened)
            _ = try await ledger.execute(.openDesk(profile), on: "dmz-2019", actor: "officer")
            let stored = try await ledger.execute(
                .registerParty(Party(id: "us", name: "US")), on: "dmz-2019", actor: "analyst")
            #expect(stored.map(\.sequence) == [2])
            #expect(stored[0].actor == "analyst")
            #expect(stored[0].id == UUID(uuidString: "00000000-0000-0000-0000-000000000002"))
            #expect(stored[0].recordedAt == Date(timeIntervalSince1970: 1_561_766_401))
            #expect(try await ledger.load("dmz-2019").state.parties["us"]?.name == "US")
            // A refused command writes nothing.
            await #expect(throws: DeskError.duplicateID(kind: "party", id: "us")) {
                try await ledger.execute(
                    .registerParty(Party(id: "us", name: "Again")), on: "dmz-2019", actor: "analyst")
            }
            #expect(try await ledger.store.version(of: "dmz-2019") == 2)
        }
    }

    @Test(
        "a scenario imports as one append, and a second import of the same desk is refused",
        arguments: StoreEngine.available)
    func importScenario(engine: StoreEngine) async throws {
        try await withLedger(engine) { ledger in
            let (fileName, text) = try DemoScenarios.all()[0]
            let contents = try ScenarioReader.read(text, file: fileName)
            let stored = try await ledger.importScenario(contents, actor: "importer")
            #expect(stored.count == contents.events.count)
            #expect(try await ledger.load(contents.profile.name).state == contents.state)
            await #expect(throws: DeskError.deskAlreadyOpened(contents.profile.name)) {
                try await ledger.importScenario(contents, actor: "importer")
            }
            #expect(
                try await ledger.verify(contents.profile.name) == .intact(count: stored.count, head: stored.last!.hash))
        }
    }
}

/// Runs `body` with a ledger over a fresh store of `engine` on a fixed clock and counted ids.
private func withLedger(_ engine: StoreEngine, _ body: (DeskLedger) async throws -> Void) async throws {
    try await engine.with { store, _ in try await body(DeskLedger(store: store, environment: .fixed())) }
}
