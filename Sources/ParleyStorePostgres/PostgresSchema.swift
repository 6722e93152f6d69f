import Foundation
import PostgresNIO

/// Parley's tables in PostgreSQL and the migrations that create them.
///
/// Migrations run in one transaction under a transaction-level advisory lock, so servers starting at the
/// same moment take turns: the first applies them, the others find them applied. DDL in PostgreSQL is
/// transactional, so a failed migration leaves nothing behind.
enum PostgresSchema {
    /// A named, frozen step: literal SQL over `{schema}`, never app types.
    struct Migration {
        let name: String
        let statements: [String]
    }

    /// Every shipped migration, oldest first.
    ///
    /// Never edit one; add the next.
    static let migrations: [Migration] = [
        Migration(
            name: "v1-event-log",
            statements: [
                // Payload and time stay text: the chain hashes the exact bytes, and jsonb would reorder keys
                // and timestamptz would round the instant.
                """
                CREATE TABLE {schema}.event (
                    desk TEXT NOT NULL,
                    sequence BIGINT NOT NULL CHECK (sequence >= 1),
                    event_id UUID NOT NULL UNIQUE,
                    type TEXT NOT NULL,
                    schema_version INTEGER NOT NULL,
                    payload TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    previous_hash TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    PRIMARY KEY (desk, sequence)
                )
                """
            ])
    ]

    /// Applies the migrations `schema` lacks.
    /// - Throws: the database's error; nothing is applied then.
    static func migrate(_ connection: PostgresConnection, schema: String, logger: Logger) async throws {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.run(
                "SELECT pg_advisory_xact_lock(hashtext(\("parley-migrate:" + schema)))", logger: logger)
            try await connection.run("CREATE SCHEMA IF NOT EXISTS \(unescaped: schema)", logger: logger)
            try await connection.run(
                """
                CREATE TABLE IF NOT EXISTS \(unescaped: schema).parley_migration (
                    name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: logger)
            let applied = Set(
                try await connection.query("SELECT name FROM \(unescaped: schema).parley_migration", logger: logger)
                    .collect().map { try $0.decode(String.self) })
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await connection.run(
                        PostgresQuery(unsafeSQL: statement.replacingOccurrences(of: "{schema}", with: schema)),
                        logger: logger)
                }
                try await connection.run(
                    "INSERT INTO \(unescaped: schema).parley_migration (name) VALUES (\(migration.name))",
                    logger: logger)
                logger.info("applied migration", metadata: ["parley.migration": "\(migration.name)"])
            }
        }
    }
}

extension PostgresConnection {
    /// Runs a statement to completion, so that its error, if any, is thrown here and not lost unread.
    func run(_ query: PostgresQuery, logger: Logger) async throws {
        _ = try await self.query(query, logger: logger).collect()
    }
}
