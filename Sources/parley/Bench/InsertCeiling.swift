import Foundation
import ParleyStorePostgres
import ParleyStoreSQLite

/// The fastest a plain loop of single-row inserts goes on each engine, with the same durability as
/// Parley: the ceiling Parley's appends are reported against.
///
/// Rows are the size of an event row; every insert is its own transaction, as every append is. The
/// inserts themselves are the engines' own (`SQLiteInsertBaseline`, `PostgresInsertBaseline`).
enum InsertCeiling {
    /// A plain insert loop on a fresh SQLite file (WAL, `synchronous = FULL`, like the store).
    static func sqlite(folder: URL, writers: Int, seconds: Double, payload: String) async throws -> LoadRun {
        let baseline = try await SQLiteInsertBaseline(
            path: folder.appendingPathComponent("ceiling-\(UUID().uuidString).sqlite").path)
        return try await LoadRun.measure(writers: writers, seconds: seconds) { writer, call in
            try await baseline.insert(writer: writer, call: call, payload: payload)
        }
    }

    /// A plain insert loop into a fresh table in `address`'s schema, with a pool as large as the store's.
    static func postgres(address: PostgresAddress, writers: Int, seconds: Double, payload: String) async throws
        -> LoadRun
    {
        try await withPostgresInsertBaseline(address) { baseline in
            try await LoadRun.measure(writers: writers, seconds: seconds) { writer, call in
                try await baseline.insert(writer: writer, call: call, payload: payload)
            }
        }
    }
}
