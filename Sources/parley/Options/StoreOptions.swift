import ArgumentParser
import Foundation
import Logging
import ParleyDesk
import ParleyScenarios
import ParleyStore
import ParleyStorePostgres
import ParleyStoreSQLite

/// Where the desks live: an SQLite file (the default) or a PostgreSQL database, and whether to load the
/// demos into a new one.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database file (default ./parley.sqlite).")
    var db: String?

    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(
            "A shared PostgreSQL database instead of a file: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
                + "[?sslmode=disable|prefer|require][&schema=NAME]. Also read from PARLEY_DATABASE_URL.",
            valueName: "url"))
    var databaseURL: String?

    @Flag(name: .long, help: "Load both demo scenarios, each as its own desk, when the database has no desks yet.")
    var demo = false

    func validate() throws {
        if db != nil, databaseURL != nil {
            throw ValidationError("--db and --database-url name two different stores; pass one")
        }
    }

    /// The PostgreSQL URL from the option or the environment, when no file was named.
    private var postgresURL: String? {
        if let databaseURL { return databaseURL }
        guard db == nil, let url = ProcessInfo.processInfo.environment["PARLEY_DATABASE_URL"], !url.isEmpty else {
            return nil
        }
        return url
    }

    /// The store for people to read: the file path, or the database URL without its password.
    var location: String {
        if let url = postgresURL { return (try? PostgresAddress(parsing: url).redacted) ?? "PostgreSQL" }
        return db ?? "./parley.sqlite"
    }

    /// Opens the store, loading the demos first when asked and the database is new.
    func open(logger: Logger? = nil) async throws -> DeskLedger {
        let store: any EventStore
        if let url = postgresURL {
            store = try await PostgresEventStore.open(try PostgresAddress(parsing: url), logger: logger)
        } else {
            store = try SQLiteEventStore(path: db ?? "./parley.sqlite")
        }
        let ledger = DeskLedger(store: store, environment: .live)
        if demo, try await ledger.store.desks().isEmpty {
            for (fileName, text) in try DemoScenarios.all() {
                do {
                    _ = try await ledger.importScenario(
                        try ScenarioReader.read(text, file: fileName), actor: "parley-demo")
                } catch let error as StoreError {
                    // Another server sharing the database loaded this demo first.
                    guard case .conflict = error.code else { throw error }
                }
            }
        }
        return ledger
    }
}

/// Picks a desk: the one named, or the only one there is.
struct DeskOption: ParsableArguments {
    @Option(name: .long, help: "The desk to act on (needed when the database holds more than one).")
    var desk: String?

    /// The named desk, or the only one.
    /// - Throws: `CommandLineError` when it does not exist or the choice is ambiguous.
    func resolve(in store: some EventStore) async throws -> String {
        let desks = try await store.desks()
        if let desk {
            guard desks.contains(desk) else {
                throw CommandLineError("no desk named '\(desk)'; desks here: " + Self.list(desks))
            }
            return desk
        }
        guard desks.count == 1 else {
            throw CommandLineError(
                desks.isEmpty
                    ? "the database holds no desk yet; import a scenario or pass --demo"
                    : "the database holds several desks; pick one with --desk: " + Self.list(desks))
        }
        return desks[0]
    }

    /// The named desk, or every desk when none is named.
    /// - Throws: `CommandLineError` when the named one does not exist.
    func resolveAll(in store: some EventStore) async throws -> [String] {
        desk == nil ? try await store.desks() : [try await resolve(in: store)]
    }

    private static func list(_ desks: [String]) -> String { desks.isEmpty ? "none" : desks.joined(separator: ", ") }
}

extension DeskEnvironment {
    /// The real clock and random event ids: only the command line and the server use these.
    static let live = DeskEnvironment(now: { Date() }, newID: { UUID() })
}
