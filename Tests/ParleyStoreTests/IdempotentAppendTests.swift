import Foundation
import ParleyDesk
import ParleyStore
import ParleyTestSupport
import Testing

/// What idempotency keys rest on, on every engine: event ids are unique across the store, a second
/// append of an id already held writes nothing, and an event is found by its id (docs/adr/0014).
@Suite("Idempotent appends")
struct IdempotentAppendTests {
    private static func signal(_ id: String) -> DeskEvent {
        DeskEvent(at: Fixtures.opened.instant, .signalRecorded(Fixtures.signal(id)))
    }

    private static func ledger(_ store: any EventStore) -> DeskLedger {
        DeskLedger(store: store, environment: DeskEnvironment(now: { Fixtures.opened.instant }, newID: { UUID() }))
    }

    @Test(
        "an append carrying an event id the store already holds is a conflict and writes nothing",
        arguments: StoreEngine.available)
    func duplicateID(engine: StoreEngine) async throws {
        try await engine.with { store, _ in
            let id = UUID()
            let first = try PendingEvent(
                Self.signal("a"), id: id, actor: "officer", recordedAt: Fixtures.opened.instant)
            _ = try await store.append([first], to: "dmz-2019", expectedVersion: 0)
            let again = try PendingEvent(
                Self.signal("b"), id: id, actor: "officer", recordedAt: Fixtures.opened.instant)
            await #expect(throws: StoreError.self) {
                try await store.append([again], to: "dmz-2019", expectedVersion: 1)
            }
            #expect(try await store.version(of: "dmz-2019") == 1)
            #expect(try await store.event(id: id, desk: "dmz-2019")?.sequence == 1)
            #expect(try await store.event(id: id, desk: "elsewhere") == nil)
            #expect(try await store.event(id: UUID(), desk: "dmz-2019") == nil)
        }
    }

    @Test(
        "a keyed command decided twice is recorded once; the ledger finds its events by key, writer and desk",
        arguments: StoreEngine.available)
    func keyedLedgerWrites(engine: StoreEngine) async throws {
        try await engine.with { store, _ in
            let ledger = Self.ledger(store)
            for event in Fixtures.desk {
                _ = try await store.append(
                    [try PendingEvent(event, id: UUID(), actor: "test", recordedAt: Fixtures.opened.instant)],
                    to: "dmz-2019", expectedVersion: try await store.version(of: "dmz-2019"))
            }
            let key = try IdempotencyKey("retry-me")
            let (state, version) = try await ledger.load("dmz-2019")
            let command = DeskCommand.recordSignal(Fixtures.signal("keyed"))
            let stored = try await ledger.execute(
                command, on: "dmz-2019", actor: "officer", decidingOn: state, at: version, idempotencyKey: key)
            // The repeat raced the first on the same version: the unique id refuses it.
            await #expect(throws: StoreError.self) {
                try await ledger.execute(
                    command, on: "dmz-2019", actor: "officer", decidingOn: state, at: version + 1, idempotencyKey: key)
            }
            #expect(try await ledger.events(appendedWith: key, on: "dmz-2019", actor: "officer") == stored)
            #expect(try await ledger.events(appendedWith: key, on: "dmz-2019", actor: "viewer") == nil)
            #expect(
                try await ledger.events(appendedWith: try IdempotencyKey("other"), on: "dmz-2019", actor: "officer")
                    == nil)
            #expect(try await store.version(of: "dmz-2019") == version + 1)
            if case .broken(let sequence, let reason) = ChainVerification.verify(
                try await store.read(desk: "dmz-2019", from: 1))
            {
                Issue.record("chain broken at \(sequence): \(reason)")
            }
        }
    }

    @Test(
        "keys are 1 to 200 visible ASCII characters",
        arguments: [
            ("0b9e7c1e-5a4f-4d43-9c33-2f6c8f0d7a11", true), ("a", true), (String(repeating: "k", count: 200), true),
            ("", false), (String(repeating: "k", count: 201), false), ("has space", false), ("é", false),
            ("tab\t", false),
        ])
    func keyShapes(text: String, valid: Bool) {
        #expect(((try? IdempotencyKey(text)) != nil) == valid)
    }
}
