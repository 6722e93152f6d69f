import ArgumentParser
import Foundation
import ParleyDesk
import ParleyStore
import ParleyStorePostgres
import ParleyStoreSQLite

/// `parley bench store`: append throughput and latency on each engine, against a plain insert loop.
struct StoreBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Measure appends per second and their latency on each engine, with a plain insert loop as ceiling.",
        discussion: """
            Each writer appends one event at a time to a desk of its own (desks are independent streams), \
            through the store as the server does: read the head, chain, insert, commit. The ceiling is a plain \
            GRDB or PostgresNIO loop of single-row inserts of the same size, each its own transaction, with the \
            same durability. The event's payload is encoded once, as the ceiling's is (--encode-each encodes \
            every one inside the timed loop). PostgreSQL runs when a URL is given (or PARLEY_DATABASE_URL is \
            set); each run uses a new schema. Build with -c release for real figures.
            """)

    @Option(help: "Engines to measure: sqlite, postgres, or both (comma-separated).")
    var engines: String = "sqlite,postgres"

    @Option(name: .customLong("database-url"), help: "The PostgreSQL server to measure on.")
    var databaseURL: String?

    @Option(help: "Concurrent writers to try, e.g. 1,8,64.")
    var writers: String = "1,8,64"

    @Option(help: "Seconds per measurement.")
    var seconds: Double = 3

    @Option(help: "Folder for the SQLite files (default: a new temporary folder).")
    var folder: String?

    @Option(help: "Also write the rows as CSV to this file.")
    var csv: String?

    @Flag(help: "Encode each event's payload inside the timed loop (how this command measured before 2026-12-01).")
    var encodeEach = false

    func run() async throws {
        let counts = try writers.split(separator: ",").map { part -> Int in
            guard let count = Int(part), (1...1_000).contains(count) else {
                throw CommandLineError("--writers: expected counts such as 1,8,64, found '\(writers)'")
            }
            return count
        }
        let chosen = engines.split(separator: ",").map(String.init)
        let workFolder = URL(
            fileURLWithPath: folder ?? NSTemporaryDirectory() + "parley-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
        let sample = try Self.event(writer: 0, call: 0)
        let payload = String(decoding: sample.payload, as: UTF8.self)
        var rows = [
            "engine,writers,parley_per_s,parley_p50_ms,parley_p99_ms,ceiling_per_s,ceiling_p50_ms,ceiling_p99_ms,fraction"
        ]
        print(
            "engine    writers   parley/s   p50 ms   p99 ms  ceiling/s   p50 ms   p99 ms  parley/ceiling")
        for engine in chosen {
            for count in counts {
                let parley: LoadRun
                let ceiling: LoadRun
                switch engine {
                case "sqlite":
                    let store = try SQLiteEventStore(
                        path: workFolder.appendingPathComponent("parley-\(UUID().uuidString).sqlite").path)
                    parley = try await Self.appends(
                        to: store, writers: count, seconds: seconds, encodeEach: encodeEach)
                    ceiling = try await InsertCeiling.sqlite(
                        folder: workFolder, writers: count, seconds: seconds, payload: payload)
                case "postgres":
                    guard let url = databaseURL ?? ProcessInfo.processInfo.environment["PARLEY_DATABASE_URL"] else {
                        throw CommandLineError("postgres: give --database-url or set PARLEY_DATABASE_URL")
                    }
                    let schema = "bench_\(UUID().uuidString.prefix(8).lowercased())"
                    let address = try PostgresAddress(parsing: url).inSchema(schema)
                    parley = try await withPostgresEventStore(address) { store in
                        try await Self.appends(to: store, writers: count, seconds: seconds, encodeEach: encodeEach)
                    }
                    ceiling = try await InsertCeiling.postgres(
                        address: address, writers: count, seconds: seconds, payload: payload)
                default:
                    throw CommandLineError("--engines: expected sqlite and/or postgres, found '\(engine)'")
                }
                let fraction = parley.rate / ceiling.rate
                print(
                    String(
                        format: "%-8@ %8d %10.0f %8.2f %8.2f %10.0f %8.2f %8.2f %14.0f%%", engine as NSString, count,
                        parley.rate, parley.p50, parley.p99, ceiling.rate, ceiling.p50, ceiling.p99, fraction * 100))
                rows.append(
                    String(
                        format: "%@,%d,%.0f,%.3f,%.3f,%.0f,%.3f,%.3f,%.3f", engine as NSString, count, parley.rate,
                        parley.p50, parley.p99, ceiling.rate, ceiling.p50, ceiling.p99, fraction))
            }
        }
        if let csv { try (rows.joined(separator: "\n") + "\n").write(toFile: csv, atomically: true, encoding: .utf8) }
    }

    /// Appends one event per call, each writer to its own desk, through the store's contract.
    ///
    /// The payload is encoded once, as the ceiling's is, unless `encodeEach`: what is measured is the
    /// store (a fresh id and time, the chain, the checks, the insert, the commit), not the JSON encoder.
    private static func appends(to store: any EventStore, writers: Int, seconds: Double, encodeEach: Bool)
        async throws -> LoadRun
    {
        let sample = try event(writer: 0, call: 0)
        return try await LoadRun.measure(writers: writers, seconds: seconds) { writer, call in
            let pending =
                encodeEach
                ? try event(writer: writer, call: call)
                : PendingEvent(
                    id: UUID(), type: sample.type, schemaVersion: sample.schemaVersion, payload: sample.payload,
                    actor: sample.actor, recordedAt: Date())
            _ = try await store.append([pending], to: "bench-\(writer)", expectedVersion: Int64(call))
        }
    }

    /// A signal event of a realistic size.
    private static func event(writer: Int, call: Int) throws -> PendingEvent {
        let zone = try TimeZoneID.validated("Asia/Seoul", field: "zone")
        let signal = Signal(
            id: Signal.ID("s-\(writer)-\(call)"), engagement: nil, at: ZonedTime(Date(), zone: zone),
            summary: "Counterpart's statement read on state media, as recorded by the watch officer",
            quote: nil, attribution: ["KCNA", "watch officer"], stance: .open,
            grade: try AdmiraltyGrade(parsing: "B2"))
        return try PendingEvent(
            DeskEvent(at: Date(), .signalRecorded(signal)), id: UUID(), actor: "bench", recordedAt: Date())
    }
}
