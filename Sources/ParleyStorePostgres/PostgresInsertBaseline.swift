import Foundation
import Logging
import PostgresNIO

/// The plainest write this engine can do: one event-sized row per statement (its own transaction) into
/// a fresh table, over a pool as large as the store's, with no chain and no checks.
///
/// `parley bench store` reports the store's appends against a loop of these (the ceiling), so the
/// benchmark needs no database library of its own. Made by `withPostgresInsertBaseline`.
public struct PostgresInsertBaseline: Sendable {
    private let client: PostgresClient
    private let table: String

    fileprivate init(client: PostgresClient, table: String) {
        self.client = client
        self.table = table
    }

    /// Inserts row `call + 1` of writer `writer`.
    public func insert(writer: Int, call: Int, payload: String) async throws {
        _ = try await client.query(
            "INSERT INTO \(unescaped: table) (desk, sequence, payload) VALUES (\("w\(writer)"), \(call + 1), \(payload))"
        ).collect()
    }
}

/// Runs `body` with a baseline over a fresh table in `address`'s schema, its connection pool running for
/// exactly as long.
public func withPostgresInsertBaseline<Result>(
    _ address: PostgresAddress, isolation: isolated (any Actor)? = #isolation,
    _ body: (PostgresInsertBaseline) async throws -> Result
) async throws -> Result {
    var configuration = PostgresClient.Configuration(
        host: address.host, port: address.port, username: address.user, password: address.password,
        database: address.database, tls: address.tls == .disable ? .disable : .prefer(.makeClientConfiguration()))
    configuration.options.maximumConnections = 16
    let client = PostgresClient(configuration: configuration)
    let schema = address.schema
    return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
        group.addTask { await client.run() }
        defer { group.cancelAll() }
        let table = "\(schema).ceiling_\(UUID().uuidString.prefix(8).lowercased())"
        _ = try await client.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: schema)").collect()
        _ = try await client.query(
            "CREATE TABLE \(unescaped: table) (desk TEXT, sequence BIGINT, payload TEXT, PRIMARY KEY (desk, sequence))"
        ).collect()
        return try await body(PostgresInsertBaseline(client: client, table: table))
    }
}
