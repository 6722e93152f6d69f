import Foundation
import GRDB
import ParleyDesk
import ParleyStore
import ParleyStoreSQLite

/// The engines the contract suite runs against.
///
/// PostgreSQL joins when its issue lands.
enum StoreEngine: String, CaseIterable, CustomStringConvertible, Sendable {
    case memory
    case sqlite

    var description: String { rawValue }

    /// A fresh, empty store of this engine, with a way to tamper with a stored payload behind its back.
    func make() throws -> (store: any EventStore, tamper: @Sendable (String, Int64) async throws -> Void) {
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
