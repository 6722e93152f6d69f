import ArgumentParser
import Foundation
import Logging
import ParleyDesk
import ParleyScenarios
import ParleyStore
import ParleyStorePostgres
import ParleyStoreSQLite
import ServiceLifecycle

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

    /// Runs `body` with the store open for exactly as long (a PostgreSQL store's connections and
    /// listener run only meanwhile), loading the demos first when asked and the database is new.
    func withLedger<Result>(logger: Logger? = nil, _ body: (DeskLedger) async throws -> Result) async throws
        -> Result
    {
        if let url = postgresURL {
            return try await withPostgresEventStore(try PostgresAddress(parsing: url), logger: logger) { store in
                let ledger = DeskLedger(store: store, environment: .live)
                try await loadDemos(into: ledger)
                return try await body(ledger)
            }
        }
        let ledger = DeskLedger(store: try SQLiteEventStore(path: db ?? "./parley.sqlite"), environment: .live)
        try await loadDemos(into: ledger)
        return try await body(ledger)
    }

    /// The store for a server, not yet running: its ledger, the services the server's group must run for
    /// it (a PostgreSQL store is one), and what to wait for before using it.
    func forServing(logger: Logger) throws -> ServedStore {
        if let url = postgresURL {
            let store = PostgresEventStore(try PostgresAddress(parsing: url), logger: logger)
            return ServedStore(
                ledger: DeskLedger(store: store, environment: .live), services: [store],
                ready: { try await store.waitUntilReady() })
        }
        return ServedStore(
            ledger: DeskLedger(store: try SQLiteEventStore(path: db ?? "./parley.sqlite"), environment: .live),
            services: [], ready: {})
    }

    /// Loads both demo scenarios, each as its own desk, when asked and the database holds no desk yet.
    func loadDemos(into ledger: DeskLedger) async throws {
        guard demo, try await ledger.store.desks().isEmpty else { return }
        for (fileName, text) in try DemoScenarios.all() {
            do {
                _ = try await ledger.importScenario(try ScenarioReader.read(text, file: fileName), actor: "parley-demo")
            } catch let error as StoreError {
                // Another server sharing the database loaded this demo first.
                guard case .conflict = error.code else { throw error }
            }
        }
    }
}

/// A server's store before it runs: see `StoreOptions.forServing(logger:)`.
struct ServedStore {
    /// The ledger over the store.
    let ledger: DeskLedger
    /// What the server's service group must run for the store to work.
    let services: [any Service]
    /// Returns once the store is ready to use (at once for a file).
    let ready: @Sendable () async throws -> Void
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
