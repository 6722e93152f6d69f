import Foundation
import ParleyDesk
import ParleyStore
import ParleyStoreSQLite
import ParleyTestSupport
import Testing

/// A pending signal event with a fresh id.
private func signalEvent(_ index: Int) throws -> PendingEvent {
    try PendingEvent(
        DeskEvent(at: Fixtures.opened.instant, .signalRecorded(Fixtures.signal("s\(index)"))), id: UUID(),
        actor: "officer", recordedAt: Date(timeIntervalSince1970: 1_561_766_400 + Double(index)))
}

@Suite("SQLite: appends from several stores on one file")
struct SQLiteSharedFileAppendTests {
    /// Each store seals an append before it waits for the writer, against the head it last wrote; one
    /// whose head another store has moved must get a conflict, and then chain onto the true head.
    @Test("a store whose own head is stale gets a conflict and writes nothing, then chains onto the true head")
    func staleHeadAcrossStores() async throws {
        let path = try temporaryDatabasePath()
        let first = try SQLiteEventStore(path: path)
        let second = try SQLiteEventStore(path: path)
        _ = try await first.append([try signalEvent(1)], to: "dmz-2019", expectedVersion: 0)
        _ = try await second.append([try signalEvent(2)], to: "dmz-2019", expectedVersion: 1)
        await #expect(throws: StoreError.conflict(desk: "dmz-2019", expected: 1, actual: 2)) {
            _ = try await first.append([try signalEvent(3)], to: "dmz-2019", expectedVersion: 1)
        }
        #expect(try await first.version(of: "dmz-2019") == 2)
        _ = try await first.append([try signalEvent(3), try signalEvent(4)], to: "dmz-2019", expectedVersion: 2)
        _ = try await second.append([try signalEvent(5)], to: "dmz-2019", expectedVersion: 4)
        let events = try await SQLiteEventStore(path: path).read(desk: "dmz-2019", from: 1)
        #expect(events.map(\.sequence) == [1, 2, 3, 4, 5])
        guard case .intact(let count, _) = ChainVerification.verify(events) else {
            Issue.record("the chain is broken: \(ChainVerification.verify(events))")
            return
        }
        #expect(count == 5)
    }
}
