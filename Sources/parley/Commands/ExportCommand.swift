import ArgumentParser
import Foundation
import ParleyDesk
import ParleyStore
import ParleyStoreSQLite

/// `parley export`: writes a desk as a scenario file that imports back to the same state.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a desk as a scenario file (YAML).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var deskOption: DeskOption

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() async throws {
        try await store.withLedger { ledger in
            let desk = try await deskOption.resolve(in: ledger.store)
            let text = ScenarioWriter.write(try await ledger.load(desk).state)
            if let output {
                do {
                    try text.write(toFile: output, atomically: true, encoding: .utf8)
                } catch {
                    throw CommandLineError("cannot write \(output): \((error as NSError).localizedDescription)")
                }
            } else {
                print(text, terminator: "")
            }
        }
    }
}
