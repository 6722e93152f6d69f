import Foundation
import GRDB
import ParleyDesk
import ParleyStore
import Synchronization

/// The embedded event store: one SQLite file in WAL mode holding any number of desks.
///
/// Commits use `synchronous = FULL`: in WAL mode NORMAL can lose the newest commits on power loss, and
/// an acknowledged event must survive that (docs/adr/0004-sqlite-durability.md).
///
/// Other processes may write to the same file (a second `parley serve`, `parley tick`, `parley import`):
/// while anyone subscribes, the store looks at the file's `PRAGMA data_version` every `followInterval`
/// and, when another connection has committed, hands the followed desks' new events to their subscribers.
public final class SQLiteEventStore: EventStore {
    private let pool: DatabasePool
    private let hub = SubscriptionHub()
    private let path: String
    private let followInterval: Duration
    /// The task watching the file for other processes' commits, started by the first subscription.
    private let follower = Mutex<Task<Void, Never>?>(nil)
    /// The newest event this store has appended per desk, so an append can be sealed before it waits
    /// for the single writer; the writer checks it against the file's head.
    private let heads = Mutex<[String: (sequence: Int64, hash: String)]>([:])

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// Subscribers see other processes' appends within about `followInterval`.
    /// - Throws: `StoreError` with code `.unavailable` when the file cannot be opened or migrated.
    public init(path: String, followInterval: Duration = .milliseconds(250)) throws {
        self.path = path
        self.followInterval = followInterval
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            if !FileManager.default.isWritableFile(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path),
                FileManager.default.fileExists(atPath: path)
            {
                // SQLite in WAL mode needs its side files even to read; on a read-only disk it cannot make them.
                throw StoreError(
                    .unavailable,
                    "cannot open the database at \(path): its folder is read-only, and the database needs to "
                        + "write beside it even to read; make the disk writable, or copy the file elsewhere")
            }
            throw StoreError(.unavailable, "cannot open the database at \(path): \(Self.describe(error))")
        }
    }

    /// See `EventStore.append`.
    public func append(_ events: [PendingEvent], to desk: String, expectedVersion: Int64) async throws
        -> [StoredEvent]
    {
        // Hashing and formatting happen before the single writer is taken, against the head this store
        // last wrote; the writer only checks that head and inserts (or seals again if another process
        // moved it).
        let known = heads.withLock { $0[desk] }
        let guess: String? =
            expectedVersion == 0 ? EventHash.genesis : known?.sequence == expectedVersion ? known?.hash : nil
        let presealed = guess.map { Self.seal(events, desk: desk, after: expectedVersion, previousHash: $0) }
        let stored: [StoredEvent]
        do {
            stored = try await pool.write { db in
                // Cached statements: SQLite compiles each once per connection, not once per append.
                let head = try Row.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT sequence, hash FROM event WHERE desk = ? ORDER BY sequence DESC LIMIT 1"),
                    arguments: [desk])
                let actual: Int64 = head?[0] ?? 0
                guard actual == expectedVersion else {
                    throw StoreError.conflict(desk: desk, expected: expectedVersion, actual: actual)
                }
                let previous: String = head?[1] ?? EventHash.genesis
                let rows =
                    presealed.flatMap { $0.first?.event.previousHash == previous ? $0 : nil }
                    ?? Self.seal(events, desk: desk, after: actual, previousHash: previous)
                let insert = try db.cachedStatement(
                    sql: """
                        INSERT INTO event (desk, sequence, event_id, type, schema_version, payload, actor,
                                           recorded_at, previous_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for row in rows {
                    let event = row.event
                    try insert.execute(arguments: [
                        event.desk, event.sequence, row.id, event.type, event.schemaVersion, row.payload,
                        event.actor, row.recordedAt, event.previousHash, event.hash,
                    ])
                }
                return rows.map(\.event)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // Another process appended between our read and write; the primary key caught it.
            let actual = (try? await version(of: desk)) ?? -1
            throw StoreError.conflict(desk: desk, expected: expectedVersion, actual: actual)
        } catch {
            throw StoreError(.unavailable, "cannot append to desk '\(desk)': \(Self.describe(error))")
        }
        if let last = stored.last {
            heads.withLock { heads in
                if (heads[desk]?.sequence ?? 0) < last.sequence { heads[desk] = (last.sequence, last.hash) }
            }
        }
        hub.publish(stored)
        return stored
    }

    /// An event sealed onto the chain, with the text of its columns.
    private struct SealedRow: Sendable {
        let event: StoredEvent
        let id: String
        let payload: String
        let recordedAt: String
    }

    /// `events` chained after event `sequence`, whose hash is `previousHash`.
    private static func seal(_ events: [PendingEvent], desk: String, after sequence: Int64, previousHash: String)
        -> [SealedRow]
    {
        var previous = previousHash
        return events.enumerated().map { offset, pending in
            let event = StoredEvent(
                sealing: pending, desk: desk, sequence: sequence + Int64(offset) + 1, previousHash: previous)
            previous = event.hash
            return SealedRow(
                event: event, id: event.id.uuidString.lowercased(),
                payload: String(decoding: event.payload, as: UTF8.self),
                recordedAt: InstantText.format(event.recordedAt))
        }
    }

    /// See `EventStore.read`.
    public func read(desk: String, from sequence: Int64) async throws -> [StoredEvent] {
        do {
            return try await pool.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM event WHERE desk = ? AND sequence >= ? ORDER BY sequence",
                    arguments: [desk, sequence]
                ).map(Self.event(from:))
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.unavailable, "cannot read desk '\(desk)': \(Self.describe(error))")
        }
    }

    /// See `EventStore.version(of:)`.
    public func version(of desk: String) async throws -> Int64 {
        do {
            return try await pool.read { db in
                try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM event WHERE desk = ?", arguments: [desk]) ?? 0
            }
        } catch {
            throw StoreError(.unavailable, "cannot read desk '\(desk)': \(Self.describe(error))")
        }
    }

    /// See `EventStore.event(id:desk:)`: one look-up on the unique index of event ids.
    public func event(id: UUID, desk: String) async throws -> StoredEvent? {
        do {
            return try await pool.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT * FROM event WHERE event_id = ? AND desk = ?",
                    arguments: [id.uuidString.lowercased(), desk]
                ).map(Self.event(from:))
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.unavailable, "cannot read desk '\(desk)': \(Self.describe(error))")
        }
    }

    /// See `EventStore.desks`.
    public func desks() async throws -> [String] {
        do {
            return try await pool.read { db in
                // One index seek per desk: DISTINCT read every row of the table, payloads and all (the
                // home page at 20 desks of 2 000 events spent most of its time there).
                try String.fetchAll(
                    db,
                    sql: """
                        WITH RECURSIVE names(desk) AS (
                            SELECT (SELECT MIN(desk) FROM event)
                            UNION ALL
                            SELECT (SELECT MIN(desk) FROM event WHERE desk > names.desk) FROM names
                            WHERE names.desk IS NOT NULL
                        )
                        SELECT desk FROM names WHERE desk IS NOT NULL AND desk NOT LIKE '~%' ORDER BY desk
                        """)
            }
        } catch {
            throw StoreError(.unavailable, "cannot list desks: \(Self.describe(error))")
        }
    }

    /// Follows a desk: stored events, then each new one appended through this store or, within about
    /// `followInterval`, by any other process using the same file.
    public func subscribe(desk: String, from sequence: Int64) -> AsyncThrowingStream<StoredEvent, any Error> {
        let events = hub.subscribe(desk: desk, from: sequence) { [weak self] next in
            try await self?.read(desk: desk, from: next) ?? []
        }
        startFollowing()
        return events
    }

    deinit {
        follower.withLock { $0?.cancel() }
    }

    // MARK: - Following other processes

    /// Starts the watch on the file unless it runs already; it lasts as long as the store.
    private func startFollowing() {
        follower.withLock { follower in
            guard follower == nil else { return }
            let interval = followInterval
            let path = self.path
            follower = Task { [weak self] in
                // One connection of its own: `data_version` compares commits seen by the same connection.
                var configuration = Configuration()
                configuration.readonly = true
                configuration.busyMode = .timeout(1)
                guard let watch = try? DatabaseQueue(path: path, configuration: configuration) else { return }
                var seen: Int64?
                while !Task.isCancelled {
                    // Cheap while nobody follows: the file is not even looked at.
                    if let self, !self.hub.followedDesks().isEmpty,
                        let version = try? await watch.read({ try Int64.fetchOne($0, sql: "PRAGMA data_version") })
                    {
                        if version != seen {
                            seen = version
                            await self.nudgeFollowedDesks()
                        }
                    } else if self == nil {
                        return
                    }
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }

    /// Hands each followed desk's newest event to its subscribers; one that lacks earlier events
    /// re-reads them, and one that has it ignores it.
    private func nudgeFollowedDesks() async {
        for desk in hub.followedDesks() {
            let newest = try? await pool.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT * FROM event WHERE desk = ? ORDER BY sequence DESC LIMIT 1", arguments: [desk]
                ).map(Self.event(from:))
            }
            if let newest { hub.publish([newest]) }
        }
    }

    private static func event(from row: Row) throws -> StoredEvent {
        let idText: String = row["event_id"]
        let recordedText: String = row["recorded_at"]
        let payload: String = row["payload"]
        guard let id = UUID(uuidString: idText), let recordedAt = InstantText.parse(recordedText) else {
            let sequence: Int64 = row["sequence"]
            throw StoreError(.corrupt, "event \(sequence) has an unreadable id or time")
        }
        return StoredEvent(
            desk: row["desk"], sequence: row["sequence"], id: id, type: row["type"],
            schemaVersion: row["schema_version"], payload: Data(payload.utf8), actor: row["actor"],
            recordedAt: recordedAt, previousHash: row["previous_hash"], hash: row["hash"])
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        let said = error.message ?? "\(error.resultCode)"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_FULL:
            return "the disk is full (\(said)); nothing was written; free some space and try again"
        case .SQLITE_READONLY:
            return "the database is read-only (\(said)); nothing was written; check the file's permissions and the disk"
        case .SQLITE_CANTOPEN:
            return "the file cannot be opened (\(said)); check that its folder exists and is writable"
        case .SQLITE_IOERR:
            return "the disk failed to read or write (\(said)); the last acknowledged event is safe"
        default:
            return said
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        // Shipped migrations are frozen: literal SQL, never app types.
        migrator.registerMigration("v1-event-log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE event (
                        desk TEXT NOT NULL,
                        sequence INTEGER NOT NULL CHECK (sequence >= 1),
                        event_id TEXT NOT NULL UNIQUE,
                        type TEXT NOT NULL,
                        schema_version INTEGER NOT NULL,
                        payload TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        recorded_at TEXT NOT NULL,
                        previous_hash TEXT NOT NULL,
                        hash TEXT NOT NULL,
                        PRIMARY KEY (desk, sequence)
                    ) WITHOUT ROWID
                    """)
        }
        return migrator
    }
}
