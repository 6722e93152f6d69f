import ArgumentParser
import Foundation
import ParleyDesk
import ParleyScenarios
import ParleyStore
import ParleyStoreSQLite

/// Where the desks live: the database file, and whether to load the demos into a new one.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database file.")
    var db: String = "./parley.sqlite"

    @Flag(name: .long, help: "Load both demo scenarios, each as its own desk, when the database has no desks yet.")
    var demo = false

    /// Opens the store, loading the demos first when asked and the database is new.
    func open() async throws -> DeskLedger {
        let ledger = DeskLedger(store: try SQLiteEventStore(path: db), environment: .live)
        if demo, try await ledger.store.desks().isEmpty {
            for (fileName, text) in try DemoScenarios.all() {
                _ = try await ledger.importScenario(try ScenarioReader.read(text, file: fileName), actor: "parley-demo")
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
