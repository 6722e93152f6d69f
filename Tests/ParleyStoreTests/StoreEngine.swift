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

    /// Changes a stored payload behind the store's back: desk, sequence.
    typealias Tamper = @Sendable (String, Int64) async throws -> Void

    /// Runs `body` with a fresh, empty store of this engine and a way to tamper with a stored payload
    /// behind its back; a PostgreSQL store runs for exactly as long (`withPostgresEventStore`).
    func with(_ body: (any EventStore, Tamper) async throws -> Void) async throws {
        switch self {
        case .memory:
            let store = InMemoryEventStore()
            try await body(store) { desk, sequence in
                var event = try await store.read(desk: desk, from: sequence)[0]
                event.payload = Data(
                    String(decoding: event.payload, as: UTF8.self).replacingOccurrences(of: "\"at\"", with: "\"at\" ")
                        .utf8)
                store.overwrite(event)
            }
        case .sqlite:
            let path = try temporaryDatabasePath()
            try await body(try SQLiteEventStore(path: path)) { desk, sequence in
                try SQLiteFile.tamper(path: path, desk: desk, sequence: sequence)
            }
        case .postgres:
            let address = try #require(TestPostgres.freshAddress())
            try await withPostgresEventStore(address) { store in
                try await body(store) { desk, sequence in
                    try await PostgresTables.execute(
                        address,
                        """
                        UPDATE \(address.schema).event SET payload = replace(payload, 'Handshake', 'Handshack') || ' '
                        WHERE desk = '\(desk)' AND sequence = \(sequence)
                        """)
                }
            }
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

    /// How many connections named `name` the server has open.
    static func connections(named name: String, _ address: PostgresAddress) async throws -> Int {
        let counts = try await strings(
            address, "SELECT count(*)::text FROM pg_stat_activity WHERE application_name = '\(name)'")
        return Int(counts.first ?? "") ?? -1
    }

    /// Whether a connection named `name` is listening for notifications (its last statement was a LISTEN),
    /// within a minute.
    static func isListening(named name: String, _ address: PostgresAddress) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(60)
        let sql = """
            SELECT count(*)::text FROM pg_stat_activity
            WHERE application_name = '\(name)' AND query LIKE 'LISTEN%'
            """
        while try await strings(address, sql).first != "1" {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// Whether the server has no connection named `name` left, within a minute (a server process leaves
    /// `pg_stat_activity` a moment after its client closed the connection; under the full suite on two
    /// cores, moments can be long).
    static func connectionsClose(named name: String, _ address: PostgresAddress) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(60)
        while try await connections(named: name, address) != 0 {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(20))
        }
        return true
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
