import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ParleyAccess
import ParleyCorpus
import ParleyDesk
import ParleyScenarios
import ParleyServer
import ParleyStore

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

    @Flag(
        name: .customLong("allow-broken-chain"),
        help: "Serve even when a desk's hash chain does not verify (each broken desk is logged at start).")
    var allowBrokenChain = false

    @Flag(help: "Mark cookies Secure: the server is reached over TLS (directly or through a proxy).")
    var tls = false

    @Option(
        name: .customLong("webhook-allow"),
        help: ArgumentHelp(
            "An internal address range webhooks may reach, such as 127.0.0.1/32 or 10.1.2.0/24 (repeatable).",
            discussion: "Without it, webhooks to loopback, link-local, private and other non-public addresses "
                + "are refused."))
    var webhookAllow: [String] = []

    /// 18 random bytes as base64url: 24 characters.
    private static func newPassword() -> String { ByteText.randomToken(byteCount: 18) }

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port: expected 1 to 65535, found \(port)") }
        _ = try webhookAllowList()
    }

    /// The `--webhook-allow` ranges, each checked; commas may separate several in one option.
    private func webhookAllowList() throws -> [AddressRange] {
        try webhookAllow.flatMap { $0.split(separator: ",") }.map { text -> AddressRange in
            do {
                return try AddressRange(parsing: text.trimmingCharacters(in: .whitespaces))
            } catch {
                throw ValidationError("--webhook-allow: \(error)")
            }
        }
    }

    func run() async throws {
        var logger = Logger(label: "parley")
        logger.logLevel = .info
        let served = try store.forServing(logger: logger)
        let ledger = served.ledger
        let allowList = try webhookAllowList()
        if !allowList.isEmpty {
            logger.notice(
                "webhooks may reach these internal addresses",
                metadata: ["parley.allowed": "\(allowList.map(\.description).joined(separator: ", "))"])
        }
        // The estimate's report card for `/calibration`: a broken corpus costs the page, never the server.
        var calibration: CalibrationSummary?
        do {
            calibration = CalibrationSummary(
                try Calibration(
                    try ReferenceCorpus.all().map { ($0.fileName, try ScenarioReader.read($0.text, file: $0.fileName)) }
                ))
        } catch {
            logger.error(
                "the reference corpus could not be scored; /calibration will say so", metadata: ["error": "\(error)"])
        }
        let app = buildApplication(
            ledger: ledger,
            configuration: .init(
                host: host, port: port, secureCookies: tls, webhookAllowList: allowList, calibration: calibration,
                rehearsalStory: Self.rehearsalStory(logger: logger)),
            logger: logger)
        let store = self.store
        let allowBrokenChain = self.allowBrokenChain
        let banner = "Parley is serving \(store.location) on http://\(host):\(port)\n"
        try await serveUntilSignalled(app, logger: logger, after: served.services) { [logger] in
            try await served.ready()
            try await store.loadDemos(into: ledger)
            try await Self.refuseBrokenRecords(in: ledger, unless: allowBrokenChain, logger: logger)
            let greeting = try await Self.prepareAccounts(in: ledger, demo: store.demo)
            FileHandle.standardOutput.write(Data((banner + greeting).utf8))
        }
    }

    /// Refuses to serve a damaged record (unless allowed), so it is noticed before anyone acts on it,
    /// not served as if it were whole.
    private static func refuseBrokenRecords(in ledger: DeskLedger, unless allowed: Bool, logger: Logger)
        async throws
    {
        for desk in try await recordStreams(in: ledger.store) {
            guard case .broken(let sequence, let reason) = try await ledger.verify(desk) else { continue }
            let finding = "desk '\(desk)' does not verify at event \(sequence): \(reason)"
            guard allowed else {
                throw StoreError(
                    .corrupt,
                    "refusing to serve: \(finding). Look with `parley verify`, compare with a checkpoint "
                        + "(`parley checkpoint verify`), or start with --allow-broken-chain to serve it anyway")
            }
            logger.critical("serving a desk whose record is damaged", metadata: ["parley.finding": "\(finding)"])
        }
    }

    /// The DMZ 2019 story, which the home page offers to rehearse from now; nil (and said) if it cannot be
    /// read, which costs the offer, never the server.
    private static func rehearsalStory(logger: Logger) -> ServerConfiguration.Story? {
        do {
            guard let (fileName, text) = try DemoScenarios.all().first(where: { $0.fileName == "dmz-2019.yaml" }) else {
                return nil
            }
            let contents = try ScenarioReader.read(text, file: fileName)
            return ServerConfiguration.Story(
                name: contents.profile.name, title: contents.profile.title, events: contents.events)
        } catch {
            logger.error("the demo story could not be read; no rehearsal is offered", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// A first admin for a database with no accounts, so the first person can sign in and set up a desk in
    /// the browser; what to tell the person starting the server.
    private static func prepareAccounts(in ledger: DeskLedger, demo: Bool) async throws -> String {
        let accounts = AccountBook(store: ledger.store, environment: .live)
        guard try await accounts.isEmpty() else { return "" }
        // A password of its own for each new database, shown once and stored only hashed.
        let password = Self.newPassword()
        do {
            try await accounts.addUser(
                "admin", role: .admin, password: password, actor: demo ? "parley-demo" : "parley")
        } catch {
            // Another server on the same new database made the first admin at the same moment.
            if try await accounts.isEmpty() { throw error }
            return ""
        }
        var greeting =
            "Sign in as admin with password \(password) (shown only now; it is stored hashed)\n"
            + (demo ? "" : "Then open a desk at / and add people under People; `parley user add` works too\n")
        guard demo else { return greeting }
        for compartment in try await Self.demoCompartments(in: ledger) {
            try await accounts.createCompartment(compartment.rawValue, title: "Demo compartment", actor: "parley-demo")
            try await accounts.addMember("admin", to: compartment.rawValue, actor: "parley-demo")
            greeting +=
                "admin is a member of compartment \(compartment); people you add see its engagements only once added\n"
        }
        greeting +=
            "The demo desks lie in the past; to watch one unfold, press \"Start a rehearsal\" on the home page "
            + "(the DMZ 2019 story replayed from now, in a desk of its own)\n"
        return greeting
    }

    /// The compartments the demo desks' engagements are in.
    private static func demoCompartments(in ledger: DeskLedger) async throws -> [Compartment.ID] {
        var compartments: Set<Compartment.ID> = []
        for desk in try await ledger.store.desks() {
            compartments.formUnion(try await ledger.load(desk).state.engagements.values.compactMap(\.compartment))
        }
        return compartments.sorted()
    }
}
