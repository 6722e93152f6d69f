import ArgumentParser
import ParleyStore
import ParleyStoreSQLite

/// `parley verify`: walks each desk's hash chain and reports the first event that does not match.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the hash chain of one desk, or of every desk.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var deskOption: DeskOption

    func run() async throws {
        try await store.withLedger { ledger in
            var desks = try await deskOption.resolveAll(in: ledger.store)
            // The accounts are part of the record too.
            if deskOption.desk == nil { desks = try await recordStreams(in: ledger.store) }
            var broken = false
            for desk in desks {
                switch try await ledger.verify(desk) {
                case .intact(let count, let head):
                    print("\(desk): ok, \(count) events, head \(head)")
                case .broken(let sequence, let reason):
                    print("\(desk): broken at sequence \(sequence): \(reason)")
                    broken = true
                }
            }
            if desks.isEmpty { print("no desks") }
            if broken { throw ExitCode(1) }
        }
    }
}
