import Foundation
import GRDB
import ParleyDesk
import ParleyStore

/// The embedded event store: one SQLite file in WAL mode holding any number of desks.
///
/// Commits use `synchronous = FULL`: in WAL mode NORMAL can lose the newest commits on power loss, and
/// an acknowledged event must survive that (docs/adr/0004-sqlite-durability.md).
public final class SQLiteEventStore: EventStore {
    private let pool: DatabasePool
    private let hub = SubscriptionHub()

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// - Throws: `StoreError` with code `.unavailable` when the file cannot be opened or migrated.
    public init(path: String) throws {
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
        let stored: [StoredEvent]
        do {
            stored = try await pool.write { db in
                let head = try Row.fetchOne(
                    db, sql: "SELECT sequence, hash FROM event WHERE desk = ? ORDER BY sequence DESC LIMIT 1",
                    arguments: [desk])
                let actual: Int64 = head?["sequence"] ?? 0
                guard actual == expectedVersion else {
                    throw StoreError.conflict(desk: desk, expected: expectedVersion, actual: actual)
                }
                var previous: String = head?["hash"] ?? EventHash.genesis
                var sealed: [StoredEvent] = []
                for (offset, pending) in events.enumerated() {
                    let event = StoredEvent(
                        sealing: pending, desk: desk, sequence: actual + Int64(offset) + 1, previousHash: previous)
                    try db.execute(
                        sql: """
                            INSERT INTO event (desk, sequence, event_id, type, schema_version, payload, actor,
                                               recorded_at, previous_hash, hash)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            event.desk, event.sequence, event.id.uuidString.lowercased(), event.type,
                            event.schemaVersion, String(decoding: event.payload, as: UTF8.self), event.actor,
                            InstantText.format(event.recordedAt), event.previousHash, event.hash,
                        ])
                    previous = event.hash
                    sealed.append(event)
                }
                return sealed
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
        hub.publish(stored)
        return stored
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

    /// See `EventStore.desks`.
    public func desks() async throws -> [String] {
        do {
            return try await pool.read { db in
                try String.fetchAll(db, sql: "SELECT DISTINCT desk FROM event WHERE desk NOT LIKE '~%' ORDER BY desk")
            }
        } catch {
            throw StoreError(.unavailable, "cannot list desks: \(Self.describe(error))")
        }
    }

    /// Follows a desk: stored events, then each new one appended through this store.
    ///
    /// Events appended by other processes are picked up at the next local append.
    public func subscribe(desk: String, from sequence: Int64) -> AsyncThrowingStream<StoredEvent, any Error> {
        hub.subscribe(desk: desk, from: sequence) { [weak self] next in
            try await self?.read(desk: desk, from: next) ?? []
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
