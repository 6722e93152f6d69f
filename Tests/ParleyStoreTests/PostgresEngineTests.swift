import Foundation
import Logging
import ParleyDesk
import ParleyStore
import ParleyStorePostgres
import ParleyTestSupport
import ServiceLifecycle
import Synchronization
import Testing

/// Pending signal events with fresh ids.
private func pending(_ count: Int, from first: Int = 1) throws -> [PendingEvent] {
    try (first..<(first + count)).map { index in
        try PendingEvent(
            DeskEvent(at: Fixtures.opened.instant, .signalRecorded(Fixtures.signal("s\(index)"))), id: UUID(),
            actor: "officer", recordedAt: Date(timeIntervalSince1970: 1_561_766_400 + Double(index)))
    }
}

/// What a subscription has delivered so far, gathered by a task of its own.
private final class Received: Sendable {
    private final class Log: Sendable {
        let events = Mutex<[StoredEvent]>([])
    }

    private let log = Log()
    private let task: Task<Void, any Error>

    init(_ stream: AsyncThrowingStream<StoredEvent, any Error>) {
        let log = self.log
        task = Task {
            for try await event in stream { log.events.withLock { $0.append(event) } }
        }
    }

    deinit { task.cancel() }

    /// The sequence numbers received once `count` have arrived, or what arrived within `seconds`.
    func sequences(count: Int, within seconds: Double = 10) async throws -> [Int64] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while log.events.withLock({ $0.count }) < count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        return log.events.withLock { $0.map(\.sequence) }
    }
}

@Suite(
    "PostgreSQL engine", .enabled(if: TestPostgres.isAvailable, "set PARLEY_TEST_POSTGRES_URL (tests/postgres/start)"))
struct PostgresEngineTests {
    @Test("a subscriber on one server sees events appended through another, in order and once")
    func followsOtherServers() async throws {
        let address = try #require(TestPostgres.freshAddress())
        try await withPostgresEventStore(address) { reader in
            try await withPostgresEventStore(address) { writer in
                _ = try await writer.append(try pending(1), to: "dmz-2019", expectedVersion: 0)
                let received = Received(reader.subscribe(desk: "dmz-2019", from: 1))
                #expect(try await received.sequences(count: 1) == [1])
                _ = try await writer.append(try pending(2, from: 2), to: "dmz-2019", expectedVersion: 1)
                _ = try await writer.append(try pending(1, from: 9), to: "asia-trip", expectedVersion: 0)
                _ = try await writer.append(try pending(1, from: 4), to: "dmz-2019", expectedVersion: 3)
                #expect(try await received.sequences(count: 4) == [1, 2, 3, 4])
            }
        }
    }

    @Test(
        "run in a service group, the store follows another server's appends by NOTIFY, and after graceful shutdown its run has ended, its connections are closed and it refuses requests"
    )
    func runsAsAService() async throws {
        let address = try #require(TestPostgres.freshAddress())
        // No periodic look within the test: what arrives, arrives by notification.
        var timeouts = PostgresTimeouts.standard
        timeouts.follow = .seconds(3_600)
        let store = PostgresEventStore(address, timeouts: timeouts)
        let services = ServiceGroup(configuration: .init(services: [store], logger: Logger(label: "parley.tests")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await services.run() }
            try await store.waitUntilReady()
            #expect(try await PostgresTables.isListening(named: store.connectionName, address))
            let received = Received(store.subscribe(desk: "dmz-2019", from: 1))
            try await withPostgresEventStore(address) { other in
                _ = try await other.append(try pending(2), to: "dmz-2019", expectedVersion: 0)
                #expect(try await received.sequences(count: 2) == [1, 2])
            }
            // The pool's connection, and the listener's.
            #expect(try await PostgresTables.connections(named: store.connectionName, address) >= 2)
            await services.triggerGracefulShutdown()
            // The store's run() has returned: structured, so no task of it is left.
            try await tasks.waitForAll()
        }
        #expect(try await PostgresTables.connectionsClose(named: store.connectionName, address))
        await #expect {
            try await store.version(of: "dmz-2019")
        } throws: { error in
            (error as? StoreError)?.code == .unavailable && (error as? StoreError)?.message.contains("closed") == true
        }
    }

    @Test("a request made before the store has started waits for it, rather than finding no schema")
    func waitsForStart() async throws {
        let address = try #require(TestPostgres.freshAddress())
        // A long lease bound: under the full suite, CPU-bound tests can delay the start by many seconds;
        // what is tested is that the request waits for it instead of finding no schema.
        var timeouts = PostgresTimeouts.standard
        timeouts.lease = .seconds(120)
        let store = PostgresEventStore(address, timeouts: timeouts)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            let early = Task { try await store.desks() }
            let services = ServiceGroup(configuration: .init(services: [store], logger: Logger(label: "parley.tests")))
            tasks.addTask { try await services.run() }
            let desks = try await early.value
            #expect(desks == [])
            await services.triggerGracefulShutdown()
        }
    }

    @Test("an event committed without its notification (its server died in between) still reaches followers")
    func lostNotification() async throws {
        let address = try #require(TestPostgres.freshAddress())
        try await withPostgresEventStore(address) { reader in
            let first = try await reader.append(try pending(1), to: "dmz-2019", expectedVersion: 0)
            let received = Received(reader.subscribe(desk: "dmz-2019", from: 1))
            #expect(try await received.sequences(count: 1) == [1])
            // Written straight into the table, as a server would have committed it just before dying.
            let event = StoredEvent(
                sealing: try pending(1, from: 2)[0], desk: "dmz-2019", sequence: 2, previousHash: first[0].hash)
            try await PostgresTables.execute(
                address,
                """
                INSERT INTO \(address.schema).event (desk, sequence, event_id, type, schema_version, payload, actor,
                    recorded_at, previous_hash, hash)
                VALUES ('dmz-2019', 2, '\(event.id.uuidString)', '\(event.type)', \(event.schemaVersion),
                    '\(String(decoding: event.payload, as: UTF8.self))', '\(event.actor)',
                    '\(InstantText.format(event.recordedAt))', '\(event.previousHash)', '\(event.hash)')
                """)
            #expect(try await received.sequences(count: 2) == [1, 2])
        }
    }

    @Test("writers on two servers racing for one version: one wins, the other gets a conflict")
    func raceAcrossServers() async throws {
        let address = try #require(TestPostgres.freshAddress())
        try await withPostgresEventStore(address) { first in
            try await withPostgresEventStore(address) { second in
                let stores = [first, second]
                _ = try await stores[0].append(try pending(1), to: "dmz-2019", expectedVersion: 0)
                let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for round in 0..<10 {
                        let store = stores[round % 2]
                        let batch = try pending(3, from: 100 + round * 10)
                        group.addTask {
                            do {
                                _ = try await store.append(batch, to: "dmz-2019", expectedVersion: 1)
                                return true
                            } catch let error as StoreError {
                                guard case .conflict(_, 1, let actual) = error.code, actual == 4 else { throw error }
                                return false
                            }
                        }
                    }
                    return try await group.reduce(into: [Bool]()) { $0.append($1) }
                }
                #expect(outcomes.filter { $0 }.count == 1)
                let events = try await stores[1].read(desk: "dmz-2019", from: 1)
                #expect(ChainVerification.verify(events) == .intact(count: 4, head: events[3].hash))
            }
        }
    }

    @Test(
        "a server whose idea of the head is stale gets a conflict, then appends on the true head with the chain intact")
    func staleHead() async throws {
        let address = try #require(TestPostgres.freshAddress())
        try await withPostgresEventStore(address) { first in
            try await withPostgresEventStore(address) { second in
                _ = try await first.append(try pending(1), to: "dmz-2019", expectedVersion: 0)
                _ = try await second.append(try pending(1, from: 2), to: "dmz-2019", expectedVersion: 1)
                await #expect(throws: StoreError.conflict(desk: "dmz-2019", expected: 1, actual: 2)) {
                    try await first.append(try pending(1, from: 3), to: "dmz-2019", expectedVersion: 1)
                }
                _ = try await first.append(try pending(1, from: 4), to: "dmz-2019", expectedVersion: 2)
                let events = try await second.read(desk: "dmz-2019", from: 1)
                #expect(events.map(\.sequence) == [1, 2, 3])
                #expect(ChainVerification.verify(events) == .intact(count: 3, head: events[2].hash))
            }
        }
    }

    @Test("servers starting at once on a new database all come up and migrate it once")
    func concurrentMigrations() async throws {
        let address = try #require(TestPostgres.freshAddress())
        let stores = (0..<6).map { _ in PostgresEventStore(address) }
        let services = ServiceGroup(configuration: .init(services: stores, logger: Logger(label: "parley.tests")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await services.run() }
            for store in stores { try await store.waitUntilReady() }
            let applied = try await PostgresTables.strings(
                address, "SELECT name FROM \(address.schema).parley_migration ORDER BY name")
            #expect(applied == ["v1-event-log"])
            _ = try await stores[5].append(try pending(1), to: "dmz-2019", expectedVersion: 0)
            #expect(try await stores[0].version(of: "dmz-2019") == 1)
            await services.triggerGracefulShutdown()
        }
    }

    @Test("an append larger than one statement's parameters is still all or nothing")
    func largeAppend() async throws {
        let address = try #require(TestPostgres.freshAddress())
        try await withPostgresEventStore(address) { store in
            let written = try await store.append(try pending(2_500), to: "dmz-2019", expectedVersion: 0)
            let events = try await store.read(desk: "dmz-2019", from: 1)
            #expect(events.count == 2_500)
            #expect(ChainVerification.verify(events) == .intact(count: 2_500, head: written.last!.hash))
            // A batch whose last event repeats an id fails at its end; its first rows must not stay.
            var batch = try pending(1_500, from: 5_000)
            batch.append(batch[0])
            await #expect(throws: StoreError.self) {
                try await store.append(batch, to: "dmz-2019", expectedVersion: 2_500)
            }
            #expect(try await store.version(of: "dmz-2019") == 2_500)
        }
    }

    @Test("a server that cannot be reached is a clear error naming it, without its password")
    func unreachable() async throws {
        let address = try PostgresAddress(parsing: "postgres://parley:secret@127.0.0.1:1/parley?sslmode=disable")
        await #expect {
            try await withPostgresEventStore(address) { _ in }
        } throws: { error in
            let message = (error as? StoreError)?.message ?? ""
            return message.contains("127.0.0.1:1") && !message.contains("secret")
                && (error as? StoreError)?.code == .unavailable
        }
    }
}

@Suite("PostgreSQL addresses")
struct PostgresAddressTests {
    @Test(
        "URLs are read into their parts",
        arguments: [
            (
                "postgres://parley@db.example:6543/desks", "db.example", 6543, "desks", PostgresAddress.TLSMode.prefer,
                "public"
            ),
            (
                "postgresql://a:p%40ss@127.0.0.1/x?sslmode=disable&schema=office_2", "127.0.0.1", 5432, "x", .disable,
                "office_2"
            ),
            ("postgres://a@h/x?sslmode=require", "h", 5432, "x", .require, "public"),
        ])
    func parses(url: String, host: String, port: Int, database: String, tls: PostgresAddress.TLSMode, schema: String)
        throws
    {
        let address = try PostgresAddress(parsing: url)
        #expect(address.host == host)
        #expect(address.port == port)
        #expect(address.database == database)
        #expect(address.tls == tls)
        #expect(address.schema == schema)
    }

    @Test(
        "a URL that cannot be used says which part is wrong and never repeats the password",
        arguments: [
            ("mysql://a@h/x", "expected postgres://"),
            ("postgres://a:hunter2@h", "no database"),
            ("postgres://h/x", "no user"),
            ("postgres://a@h/x?sslmode=maybe", "sslmode: expected disable, prefer or require, found 'maybe'"),
            ("postgres://a@h/x?schema=Robert');DROP", "schema: expected lower-case letters"),
            ("postgres://a@h/x?pool=9", "unknown parameter 'pool'"),
        ])
    func refuses(url: String, expected: String) {
        #expect {
            try PostgresAddress(parsing: url)
        } throws: { error in
            let message = (error as? PostgresAddressError)?.message ?? ""
            return message.contains(expected) && !message.contains("hunter2")
        }
    }
}
