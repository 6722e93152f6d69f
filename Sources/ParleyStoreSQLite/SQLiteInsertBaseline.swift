import Foundation
import GRDB

/// The plainest write this engine can do with the store's durability (WAL, `synchronous = FULL`): one
/// event-sized row per transaction into a fresh file, with no chain and no checks.
///
/// `parley bench store` reports the store's appends against a loop of these (the ceiling), so the
/// benchmark needs no database library of its own.
public struct SQLiteInsertBaseline: Sendable {
    private let pool: DatabasePool

    /// A fresh file at `path` holding one empty table of rows keyed like events (desk, sequence).
    public init(path: String) async throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        pool = try DatabasePool(path: path, configuration: configuration)
        try await pool.write { db in
            try db.execute(
                sql: "CREATE TABLE row (desk TEXT, sequence INTEGER, payload TEXT, PRIMARY KEY (desk, sequence))")
        }
    }

    /// Inserts row `call + 1` of writer `writer`, in a transaction of its own.
    public func insert(writer: Int, call: Int, payload: String) async throws {
        try await pool.write { db in
            // Compiled once, as the store's own statements are: the ceiling is the fastest plain loop.
            try db.cachedStatement(sql: "INSERT INTO row (desk, sequence, payload) VALUES (?, ?, ?)")
                .execute(arguments: ["w\(writer)", call + 1, payload])
        }
    }
}
