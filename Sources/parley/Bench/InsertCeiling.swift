import Foundation
import GRDB
import PostgresNIO

/// The fastest a plain loop of single-row inserts goes on each engine, with the same durability as
/// Parley: the ceiling Parley's appends are reported against.
///
/// Rows are the size of an event row; every insert is its own transaction, as every append is.
enum InsertCeiling {
    /// A plain GRDB insert loop on a fresh SQLite file (WAL, `synchronous = FULL`, like the store).
    static func sqlite(folder: URL, writers: Int, seconds: Double, payload: String) async throws -> LoadRun {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let pool = try DatabasePool(
            path: folder.appendingPathComponent("ceiling-\(UUID().uuidString).sqlite").path,
            configuration: configuration)
        try await pool.write { db in
            try db.execute(
                sql: "CREATE TABLE row (desk TEXT, sequence INTEGER, payload TEXT, PRIMARY KEY (desk, sequence))")
        }
        return try await LoadRun.measure(writers: writers, seconds: seconds) { writer, call in
            try await pool.write { db in
                try db.execute(
                    sql: "INSERT INTO row (desk, sequence, payload) VALUES (?, ?, ?)",
                    arguments: ["w\(writer)", call + 1, payload])
            }
        }
    }

    /// A plain PostgresNIO insert loop into a fresh table, with a pool as large as the store's.
    static func postgres(
        configuration: PostgresClient.Configuration, schema: String, writers: Int, seconds: Double, payload: String
    ) async throws -> LoadRun {
        let client = PostgresClient(configuration: configuration)
        return try await withThrowingTaskGroup(of: LoadRun?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            let table = "\(schema).ceiling_\(UUID().uuidString.prefix(8).lowercased())"
            _ = try await client.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: schema)").collect()
            _ = try await client.query(
                "CREATE TABLE \(unescaped: table) (desk TEXT, sequence BIGINT, payload TEXT, PRIMARY KEY (desk, sequence))"
            ).collect()
            let run = try await LoadRun.measure(writers: writers, seconds: seconds) { writer, call in
                _ = try await client.query(
                    "INSERT INTO \(unescaped: table) (desk, sequence, payload) VALUES (\("w\(writer)"), \(call + 1), \(payload))"
                ).collect()
            }
            group.cancelAll()
            return run
        }
    }
}
