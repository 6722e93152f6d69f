import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ParleyServer

/// `parley serve`: the desk on the web.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the desk on the web: pages, live updates, and the JSON API under /api/v1.",
        discussion:
            "Stops gracefully on SIGINT or SIGTERM. With --demo, a new database is loaded with both demo scenarios.")

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port: expected 1 to 65535, found \(port)") }
    }

    func run() async throws {
        var logger = Logger(label: "parley")
        logger.logLevel = .info
        let ledger = try await store.open(logger: logger)
        let app = buildApplication(ledger: ledger, configuration: .init(host: host, port: port), logger: logger)
        FileHandle.standardOutput.write(Data("Parley is serving \(store.location) on http://\(host):\(port)\n".utf8))
        try await app.runService()
    }
}
