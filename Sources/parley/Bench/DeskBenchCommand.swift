import ArgumentParser
import Foundation
import ParleyDesk
import ParleyStore
import ParleyStorePostgres
import ParleyStoreSQLite
import Synchronization

/// `parley bench desk`: a big desk under concurrent writers, readers and timers, through the one write
/// path (docs/adr/0017): write and read latency, how late timers fire, and how soon a restarted process
/// answers.
struct DeskBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk",
        abstract: "Measure a big desk under concurrent writers, readers and timers through the write path.",
        discussion: """
            A desk of --events events is built first (in batches), then for --seconds: --writers tasks record \
            signals without an expected version (DeskLedger.write, as the API does), --readers tasks read the \
            desk as an uncleared reader sees it (DeskLedger.view, what every page and API read starts with), \
            and each server runs its timers once a second, with a deadline falling due every second. Writers \
            and readers are spread over --servers ledgers sharing the store (as several server processes \
            would). Then a fresh ledger over a freshly opened store (a restarted server) reads the desk once. \
            In-process: no HTTP and no rendering. Build with -c release for real figures.
            """)

    @Option(help: "The engine: sqlite or postgres.")
    var engine: String = "sqlite"

    @Option(name: .customLong("database-url"), help: "The PostgreSQL server to measure on.")
    var databaseURL: String?

    @Option(help: "Events on the desk before the run.")
    var events: Int = 10_000

    @Option(help: "Concurrent writers.")
    var writers: Int = 8

    @Option(help: "Concurrent readers.")
    var readers: Int = 4

    @Option(help: "Ledgers (server processes) sharing the store.")
    var servers: Int = 1

    @Option(help: "Seconds of load.")
    var seconds: Double = 10

    func validate() throws {
        guard (1...1_000_000).contains(events), (1...256).contains(writers), (0...256).contains(readers),
            (1...8).contains(servers), seconds > 0
        else { throw ValidationError("events, writers, readers, servers or seconds out of range") }
    }

    func run() async throws {
        switch engine {
        case "sqlite":
            let path = NSTemporaryDirectory() + "parley-desk-bench-\(UUID().uuidString.prefix(8)).sqlite"
            defer { try? FileManager.default.removeItem(atPath: path) }
            let stores = try (0..<servers).map { _ in try SQLiteEventStore(path: path) }
            try await measure(on: stores) { try await $0(try SQLiteEventStore(path: path)) }
        case "postgres":
            guard let url = databaseURL ?? ProcessInfo.processInfo.environment["PARLEY_DATABASE_URL"] else {
                throw CommandLineError("postgres: give --database-url or set PARLEY_DATABASE_URL")
            }
            let address = try PostgresAddress(parsing: url).inSchema(
                "bench_\(UUID().uuidString.prefix(8).lowercased())")
            try await Self.postgres(address, count: servers) { stores in
                try await measure(on: stores) { restarted in
                    try await withPostgresEventStore(address) { try await restarted($0) }
                }
            }
        default:
            throw CommandLineError("--engine: expected sqlite or postgres, found '\(engine)'")
        }
    }

    /// Runs `body` with `count` PostgreSQL stores over `address`, each running for as long.
    private static func postgres(
        _ address: PostgresAddress, count: Int, opened: [any EventStore] = [],
        _ body: ([any EventStore]) async throws -> Void
    ) async throws {
        guard opened.count < count else { return try await body(opened) }
        try await withPostgresEventStore(address) { store in
            try await postgres(address, count: count, opened: opened + [store], body)
        }
    }

    private func measure(
        on stores: [any EventStore],
        restart: (_ read: (any EventStore) async throws -> Void) async throws -> Void
    ) async throws {
        let environment = DeskEnvironment(now: { Date() }, newID: { UUID() })
        let ledgers = stores.map { DeskLedger(store: $0, environment: environment) }
        let desk = "bench"
        let zone = try TimeZoneID.validated("Asia/Seoul", field: "zone")
        let started = Date()
        print("building a desk of \(events) events on \(engine)…")
        let building = ContinuousClock.now
        try await ledgers[0].execute(
            all: [
                .openDesk(
                    DeskProfile(
                        name: desk, title: "Bench", zone: zone,
                        opened: ZonedTime(started.addingTimeInterval(-3600), zone: zone))),
                .registerParty(Party(id: "them", name: "Them")),
            ], on: desk, actor: "bench")
        var built = try await ledgers[0].load(desk).version
        while built < Int64(events) {
            let batch = (0..<min(500, Int64(events) - built)).map { index in
                DeskCommand.recordSignal(Self.signal("seed-\(built + index)", zone: zone))
            }
            built = try await ledgers[0].execute(all: batch, on: desk, actor: "bench").last?.sequence ?? built
        }
        // A deadline falls due every second of the run, from two seconds in.
        let loadStart = Date()
        let dues = (0..<Int(seconds)).map { loadStart.addingTimeInterval(2 + Double($0)) }
        try await ledgers[0].execute(
            all: dues.enumerated().map { index, due in
                .setDeadline(
                    SetDeadline(
                        Deadline(
                            id: .init("due-\(index)"), title: "Due \(index)", engagement: nil, owedBy: "them",
                            due: ZonedTime(due, zone: zone), alarms: [])))
            }, on: desk, actor: "bench")
        print(
            String(
                format: "built %d events in %.1f s", built,
                Double((ContinuousClock.now - building).components.attoseconds) * 1e-18
                    + Double((ContinuousClock.now - building).components.seconds)))

        let until = ContinuousClock.now + .milliseconds(Int(seconds * 1_000))
        // A write answered "busy" (the desk kept changing under all its attempts: a 503 from a server) is
        // counted, with its latency, and the run goes on.
        let busy = Mutex(0)
        let writeRun = Task {
            try await LoadRun.measure(writers: writers, seconds: seconds) { writer, call in
                do {
                    _ = try await ledgers[writer % ledgers.count].write(
                        .recordSignal(Self.signal("w\(writer)-\(call)", zone: zone)), on: desk,
                        actor: "writer-\(writer)")
                } catch let error as StoreError where error.code == .unavailable && !error.outcomeUnknown {
                    busy.withLock { $0 += 1 }
                }
            }
        }
        let readRun = Task {
            try await LoadRun.measure(writers: max(readers, 1), seconds: readers > 0 ? seconds : 0) { reader, _ in
                // A read of a fresh copy never suspends: let the writers' tasks have the threads between reads,
                // as readers arriving over the network would.
                await Task.yield()
                let view = try await ledgers[reader % ledgers.count].view(desk, as: .uncompartmented)
                guard view.state.profile != nil else { throw CommandLineError("the desk vanished") }
            }
        }
        let timers = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for ledger in ledgers {
                    group.addTask {
                        while ContinuousClock.now < until + .seconds(2) {
                            _ = try await ledger.fireTimers(on: desk, now: Date())
                            try await Task.sleep(for: .seconds(1))
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let writes = try await writeRun.value
        let reads = try await readRun.value
        try await timers.value

        let log = try await stores[0].read(desk: desk, from: 1)
        var lateness: [Double] = []
        for stored in log where stored.type == "DeadlineResolved" {
            guard case .deadlineResolved(let id, _, let at, _) = try stored.decoded().fact,
                id.rawValue.hasPrefix("due-")
            else { continue }
            lateness.append(stored.recordedAt.timeIntervalSince(at.instant))
        }

        var firstAnswer = Duration.zero
        try await restart { store in
            let began = ContinuousClock.now
            let view = try await DeskLedger(store: store, environment: environment).view(desk, as: .uncompartmented)
            firstAnswer = ContinuousClock.now - began
            guard view.state.profile != nil else { throw CommandLineError("the restarted ledger found no desk") }
        }

        print("engine \(engine), \(servers) server(s), desk of \(built) events at the start, \(log.count) at the end")
        print(
            String(
                format: "writes: %d in %.1f s (%.0f/s), p50 %.2f ms, p99 %.2f ms  (%d writers), %d answered busy",
                writes.operations, writes.seconds, writes.rate, writes.p50, writes.p99, writers,
                busy.withLock { $0 }))
        if readers > 0 {
            print(
                String(
                    format: "reads:  %d in %.1f s (%.0f/s), p50 %.3f ms, p99 %.3f ms  (%d readers)", reads.operations,
                    reads.seconds, reads.rate, reads.p50, reads.p99, readers))
        }
        print(
            String(
                format: "timers: %d of %d deadlines recorded; late by at most %.2f s (median %.2f s)", lateness.count,
                dues.count, lateness.max() ?? .nan, lateness.sorted().dropFirst(lateness.count / 2).first ?? .nan))
        print(
            String(
                format: "restart: a fresh ledger over a reopened store answered its first read in %.0f ms",
                Double(firstAnswer.components.attoseconds) * 1e-15 + Double(firstAnswer.components.seconds) * 1_000))
    }

    /// A signal of a realistic size.
    private static func signal(_ id: String, zone: TimeZoneID) -> Signal {
        Signal(
            id: Signal.ID(id), engagement: nil, at: ZonedTime(Date(), zone: zone),
            summary: "Counterpart's statement read on state media, as recorded by the watch officer",
            quote: nil, attribution: ["KCNA", "watch officer"], stance: .open,
            grade: grade)
    }

    private static let grade = try! AdmiraltyGrade(parsing: "B2")
}
