import Foundation
import GRDB
import ParleyDesk
import ParleyStore
import ParleyStorePostgres
import ParleyStoreSQLite
import ParleyTestSupport
import PostgresNIO
import Testing

/// The engines the contract suite runs against.
///
/// PostgreSQL takes part when `PARLEY_TEST_POSTGRES_URL` names a server (always in CI).
enum StoreEngine: String, CaseIterable, CustomStringConvertible, Sendable {
    case memory
    case sqlite
    case postgres

    var description: String { rawValue }

    /// The engines that can run here.
    static var available: [StoreEngine] {
        allCases.filter { $0 != .postgres || TestPostgres.isAvailable }
    }

    /// A fresh, empty store of this engine, with a way to tamper with a stored payload behind its back.
    func make() async throws -> (store: any EventStore, tamper: @Sendable (String, Int64) async throws -> Void) {
        switch self {
        case .memory:
            let store = InMemoryEventStore()
            return (
                store,
                { desk, sequence in
                    var event = try await store.read(desk: desk, from: sequence)[0]
                    event.payload = Data(
                        String(decoding: event.payload, as: UTF8.self).replacingOccurrences(
                            of: "\"at\"", with: "\"at\" "
                        ).utf8)
                    store.overwrite(event)
                }
            )
        case .sqlite:
            let path = try temporaryDatabasePath()
            return (
                try SQLiteEventStore(path: path),
                { desk, sequence in
                    try SQLiteFile.tamper(path: path, desk: desk, sequence: sequence)
                }
            )
        case .postgres:
            let address = try #require(TestPostgres.freshAddress())
            return (
                try await PostgresEventStore.open(address),
                { desk, sequence in
                    try await PostgresTables.execute(
                        address,
                        """
                        UPDATE \(address.schema).event SET payload = replace(payload, 'Handshake', 'Handshack') || ' '
                        WHERE desk = '\(desk)' AND sequence = \(sequence)
                        """)
                }
            )
        }
    }
}

/// A path for a new database file in a fresh temporary folder.
func temporaryDatabasePath() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("parley.sqlite").path
}

/// Direct edits to a Parley SQLite file, as an attacker with file access could make them.
enum SQLiteFile {
    /// Rewrites one event's payload in place, leaving its hash as it was.
    static func tamper(path: String, desk: String, sequence: Int64) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql:
                    "UPDATE event SET payload = replace(payload, 'Handshake', 'Handshack') || ' ' WHERE desk = ? AND sequence = ?",
                arguments: [desk, sequence])
        }
    }
}

/// Direct statements against a Parley schema, as someone with database access could run them.
enum PostgresTables {
    /// Runs `sql` on its own connection.
    static func execute(_ address: PostgresAddress, _ sql: String) async throws {
        _ = try await rows(address, sql)
    }

    /// The first column of `sql`'s rows, as text.
    static func strings(_ address: PostgresAddress, _ sql: String) async throws -> [String] {
        try await rows(address, sql).map { try $0.decode(String.self) }
    }

    private static func rows(_ address: PostgresAddress, _ sql: String) async throws -> [PostgresRow] {
        let logger = Logger(label: "parley.tests")
        let connection = try await PostgresConnection.connect(
            configuration: PostgresConnection.Configuration(
                host: address.host, port: address.port, username: address.user, password: address.password,
                database: address.database, tls: .disable),
            id: 1, logger: logger)
        do {
            let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
            try await connection.close()
            return rows
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
