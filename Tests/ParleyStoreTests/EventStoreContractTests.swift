import Foundation
import ParleyDesk
import ParleyStore
import ParleyStoreSQLite
import ParleyTestSupport
import Testing

/// Pending events with ids counted from `first`, each a signal with a recognisable payload.
private func pending(_ count: Int, first: Int = 1, actor: String = "officer") throws -> [PendingEvent] {
    try (first..<(first + count)).map { index in
        let event = DeskEvent(at: Fixtures.opened.instant, .signalRecorded(Fixtures.signal("s\(index)")))
        return try PendingEvent(
            event, id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012x", index))!, actor: actor,
            recordedAt: Date(timeIntervalSince1970: 1_561_766_400 + Double(index)))
    }
}

@Suite("Event store contract")
struct EventStoreContractTests {
    @Test("appends get sequence numbers from 1 in order and read back as written", arguments: StoreEngine.available)
    func orderAndRead(engine: StoreEngine) async throws {
        try await engine.with { store, _ in
            let written = try await store.append(try pending(3), to: "dmz-2019", expectedVersion: 0)
            #expect(written.map(\.sequence) == [1, 2, 3])
            _ = try await store.append(try pending(2, first: 4), to: "dmz-2019", expectedVersion: 3)
            let all = try await store.read(desk: "dmz-2019", from: 1)
            #expect(all.map(\.sequence) == [1, 2, 3, 4, 5])
            #expect(all.prefix(3).map(\.self) == written)
            #expect(try await store.read(desk: "dmz-2019", from: 4).map(\.sequence) == [4, 5])
            #expect(all[0].actor == "officer")
            #expect(all[0].type == "SignalRecorded")
            #expect(
                try all[4].decoded() == DeskEvent(at: Fixtures.opened.instant, .signalRecorded(Fixtures.signal("s5"))))
        }
    }

    @Test("a stale expected version is a conflict and writes nothing", arguments: StoreEngine.available)
    func conflict(engine: StoreEngine) async throws {
        try await engine.with { store, _ in
            _ = try await store.append(try pending(2), to: "dmz-2019", expectedVersion: 0)
            for stale in [Int64(0), 1, 3] {
                await #expect(throws: StoreError.conflict(desk: "dmz-2019", expected: stale, actual: 2)) {
                    try await store.append(try pending(3, first: 10), to: "dmz-2019", expectedVersion: stale)
                }
            }
            #expect(try await store.read(desk: "dmz-2019", from: 1).count == 2)
        }
    }

    @Test(
        "of writers racing on one version exactly one wins and the chain stays linear", arguments: StoreEngine.available
    )
    func race(engine: StoreEngine) async throws {
        try await engine.with { store, _ in
            _ = try await store.append(try pending(1), to: "dmz-2019", expectedVersion: 0)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for writer in 0..<8 {
                    let batch = try pending(2, first: 100 + writer * 10)
                    group.addTask {
                        do {
                            _ = try await store.append(batch, to: "dmz-2019", expectedVersion: 1)
                            return true
                        } catch let error as StoreError {
                            guard case .conflict = error.code else { throw error }
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let all = try await store.read(desk: "dmz-2019", from: 1)
            #expect(all.map(\.sequence) == [1, 2, 3])
            #expect(ChainVerification.verify(all) == .intact(count: 3, head: all[2].hash))
        }
    }

    @Test("each desk is its own stream with its own chain", arguments: StoreEngine.available)
    func desksAreIndependent(engine: StoreEngine) async throws {
        try await engine.with { store, _ in
            #expect(try await store.desks() == [])
            let first = try await store.append(try pending(2), to: "dmz-2019", expectedVersion: 0)
            let second = try await store.append(try pending(1, first: 50), to: "asia-trip", expectedVersion: 0)
            #expect(second[0].sequence == 1)
            #expect(second[0].previousHash == EventHash.genesis)
            #expect(first[1].previousHash == first[0].hash)
            #expect(try await store.desks() == ["asia-trip", "dmz-2019"])
            // Listed by seeking from one desk to the next: names that sort next to each other, many events
            // each, and the accounts stream (never listed) between them.
            for (desk, count, first) in [
                ("asia-trip-2", 3, 80), ("asia", 1, 90), ("~accounts", 2, 100), ("zz", 1, 110),
            ] {
                _ = try await store.append(try pending(count, first: first), to: desk, expectedVersion: 0)
            }
            #expect(try await store.desks() == ["asia", "asia-trip", "asia-trip-2", "dmz-2019", "zz"])
            #expect(try await store.version(of: "dmz-2019") == 2)
            #expect(try await store.version(of: "nowhere") == 0)
        }
    }

    @Test(
        "the chain verifies, and a payload changed behind the store's back is caught at its sequence",
        arguments: StoreEngine.available)
    func chain(engine: StoreEngine) async throws {
        try await engine.with { store, tamper in
            let events = try Fixtures.desk.map {
                try PendingEvent($0, id: UUID(), actor: "officer", recordedAt: Fixtures.opened.instant)
            }
            let written = try await store.append(events, to: "dmz-2019", expectedVersion: 0)
            #expect(
                ChainVerification.verify(try await store.read(desk: "dmz-2019", from: 1))
                    == .intact(count: events.count, head: written.last!.hash))
            // The engagement is the last fixture event; its title contains "Handshake".
            try await tamper("dmz-2019", Int64(events.count))
            let verdict = ChainVerification.verify(try await store.read(desk: "dmz-2019", from: 1))
            #expect(verdict == .broken(sequence: Int64(events.count), reason: "its content does not match its hash"))
        }
    }

    @Test("a subscriber gets the stored events, then each new one, in order and once", arguments: StoreEngine.available)
    func subscribe(engine: StoreEngine) async throws {
        try await engine.with { store, _ in
            _ = try await store.append(try pending(2), to: "dmz-2019", expectedVersion: 0)
            var iterator = store.subscribe(desk: "dmz-2019", from: 2).makeAsyncIterator()
            #expect(try await iterator.next()?.sequence == 2)
            _ = try await store.append(try pending(1, first: 50), to: "asia-trip", expectedVersion: 0)
            _ = try await store.append(try pending(2, first: 3), to: "dmz-2019", expectedVersion: 2)
            #expect(try await iterator.next()?.sequence == 3)
            #expect(try await iterator.next()?.sequence == 4)
            _ = try await store.append(try pending(1, first: 5), to: "dmz-2019", expectedVersion: 4)
            let fifth = try await iterator.next()
            #expect(fifth?.sequence == 5)
            #expect(fifth?.desk == "dmz-2019")
        }
    }
}

@Suite("SQLite engine")
struct SQLiteEngineTests {
    @Test("events survive closing and reopening the file")
    func reopen() async throws {
        let path = try temporaryDatabasePath()
        do {
            let store = try SQLiteEventStore(path: path)
            _ = try await store.append(try pending(3), to: "dmz-2019", expectedVersion: 0)
        }
        let reopened = try SQLiteEventStore(path: path)
        let events = try await reopened.read(desk: "dmz-2019", from: 1)
        #expect(events.count == 3)
        #expect(ChainVerification.verify(events) == .intact(count: 3, head: events[2].hash))
    }

    @Test("a database that cannot be opened is a clear error")
    func unopenable() {
        #expect {
            try SQLiteEventStore(path: "/nonexistent-folder/parley.sqlite")
        } throws: { error in
            (error as? StoreError)?.message.contains("/nonexistent-folder/parley.sqlite") == true
        }
    }
}
