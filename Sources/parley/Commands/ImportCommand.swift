import ArgumentParser
import Foundation
import ParleyDesk
import ParleyStore
import ParleyStoreSQLite

/// `parley import FILE`: creates the desk a scenario file describes, all of it or nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Create a desk from a scenario file (YAML), in one transaction.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The scenario file.")
    var file: String

    @Option(help: "Who is recorded as the actor of the imported events.")
    var actor: String = ProcessInfo.processInfo.environment["USER"] ?? "parley"

    func run() async throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw CommandLineError("cannot read \(file): \((error as NSError).localizedDescription)")
        }
        let contents = try ScenarioReader.read(text, file: file)
        try await store.withLedger { ledger in
            let stored = try await ledger.importScenario(contents, actor: actor)
            print(
                "imported desk '\(contents.profile.name)': \(stored.count) events, head \(stored.last?.hash ?? EventHash.genesis)"
            )
        }
    }
}
