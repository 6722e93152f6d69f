import Foundation
import Logging
import ParleyDesk
import ParleyStore
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// The shared event store: desks in one PostgreSQL database, used by any number of `parley serve` processes.
///
/// Appends read the desk's head and insert the next rows in one transaction; the primary key (desk,
/// sequence) turns a concurrent writer into a conflict, so the chain stays linear without table locks.
/// After each commit a notification (NOTIFY) tells the other processes, so their subscribers follow
/// along (docs/adr/0010-postgresql-store.md).
///
/// The store is a `Service`: its connection pool, its notification channel (`PostgresNotifications`)
/// and its look for a database that went away all run inside `run()`, which brings the schema up to
/// date first and ends, closing every connection, at graceful shutdown or cancellation. The server runs
/// it in its service group; commands that use the database briefly use `withPostgresEventStore`
/// (docs/adr/0016-services-and-layers.md). Requests wait for `run()` to be ready, within the lease bound.
///
/// Every wait on the database is bounded (`PostgresTimeouts`): a database that is down, restarting or
/// no longer answering makes requests fail within seconds with an `.unavailable` error, never hang. During
/// an outage the store looks every `probe` for the database's return and then starts a fresh connection
/// pool, rather than waiting out the old pool's growing reconnection backoff.
public final class PostgresEventStore: EventStore, Service {
    /// Where the store lives (password included; log `address.redacted`).
    public let address: PostgresAddress
    /// The `application_name` of this store's connections, so they can be told apart in `pg_stat_activity`.
    public let connectionName: String
    /// The connection pool in use; replaced after an outage.
    private let pool: Mutex<Pool>
    /// Fresh pools for `run()` to run (after an outage) and put in place of the current one.
    private let renewals: (stream: AsyncStream<Pool>, continuation: AsyncStream<Pool>.Continuation)
    /// Requests for `run()` to look for the database's return; one pending request covers any number.
    private let looks: (stream: AsyncStream<Void>, continuation: AsyncStream<Void>.Continuation)
    private let timeouts: PostgresTimeouts
    /// Whether a look for the database's return is under way.
    private let recovering = SharedFlag()
    private let hub = SubscriptionHub()
    private let logger: Logger
    private let notifications: PostgresNotifications
    /// The newest event this store has seen per desk, whose hash the next append chains to.
    private let heads = Mutex<[String: (sequence: Int64, hash: String)]>([:])
    /// Whether `run()` has started (it may run once) and whether the store is shutting down or shut down.
    private let started = SharedFlag()
    private let isClosed = SharedFlag()
    private let readiness = StoreReadiness()
    /// Marked while the database is failing to hand out connections.
    private let health = SharedFlag()
    private let table: String

    /// A store for the database at `address`; nothing connects until `run()`.
    ///
    /// - Parameter timeouts: how long it waits on the database for each thing; the migration, which may
    ///   wait its turn behind other servers starting at once, gets six operations' worth.
    public init(_ address: PostgresAddress, logger: Logger? = nil, timeouts: PostgresTimeouts = .standard) {
        let logger = logger ?? Self.quietLogger
        let instance = UUID().uuidString.lowercased()
        self.address = address
        self.logger = logger
        self.timeouts = timeouts
        self.table = "\(address.schema).event"
        self.connectionName = "parley \(instance)"
        notifications = PostgresNotifications(
            channel: "parley_events_\(address.schema)", instance: instance, operation: timeouts.operation,
            follow: timeouts.follow, logger: logger)
        pool = Mutex(Self.makePool(address: address, name: connectionName, timeouts: timeouts, logger: logger))
        renewals = AsyncStream.makeStream(of: Pool.self)
        looks = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Runs the store: brings the schema up to date, then serves requests and follows other servers'
    /// appends until graceful shutdown or cancellation, and closes every connection before it returns.
    ///
    /// - Throws: `StoreError` with code `.unavailable` when the database cannot be reached or migrated
    ///   (requests waiting for the store get the same error).
    public func run() async throws {
        precondition(started.markIfClear(), "PostgresEventStore.run() may be called once")
        let first = pool.withLock { $0 }
        let linger = timeouts.lease + timeouts.operation * 6
        do {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { await Self.run(first, linger: linger) }
                try await self.migrate()
                self.readiness.succeed()
                group.addTask { await self.notifications.run(with: self) }
                group.addTask { await self.lookForTheDatabaseWhenAsked() }
                group.addTask {
                    try? await gracefulShutdown()
                    self.isClosed.mark()
                    self.renewals.continuation.finish()
                }
                for await fresh in self.renewals.stream {
                    group.addTask { await Self.run(fresh, linger: linger) }
                    let old = self.pool.withLock { pool in
                        defer { pool = fresh }
                        return pool
                    }
                    // Requests under way on the old pool finish on it; it stops once none can be left.
                    old.retire.finish()
                    self.logger.info("the database answers again; using a fresh connection pool")
                }
                group.cancelAll()
            }
        } catch {
            isClosed.mark()
            readiness.end(error)
            throw error
        }
        isClosed.mark()
        readiness.end(StoreError(.unavailable, "the store is closed (the server is shutting down)"))
    }

    /// Returns once `run()` has brought the schema up to date; throws what ended it, if it has ended.
    ///
    /// Waits for as long as it takes `run()` to start and migrate (each of which is bounded).
    public func waitUntilReady() async throws {
        try await readiness.wait()
    }

    /// Brings the schema up to date on a connection of its own (the pool serves requests only once
    /// this is done), within six operations' worth of waiting.
    private func migrate() async throws {
        let logger = self.logger
        let schema = address.schema
        let action = "prepare the database at \(address.redacted)"
        let connection: PostgresConnection
        do {
            connection = try await connect(id: 2, within: timeouts.connect + timeouts.operation)
        } catch DatabaseWaitFailure.noAnswer(let waited) {
            throw StoreError(
                .unavailable,
                "cannot \(action): no connection to the database at \(address.host):\(address.port) within "
                    + "\(waited) (it may be down or restarting); nothing was done")
        } catch {
            throw StoreError(
                .unavailable,
                "cannot \(action): no connection to the database: \(describe(error)); nothing was done")
        }
        do {
            try await withinBound(timeouts.operation * 6) {
                try await PostgresSchema.migrate(connection, schema: schema, logger: logger)
            }
            try? await connection.close()
        } catch {
            try? await connection.close()
            if case DatabaseWaitFailure.noAnswer(let waited) = error {
                throw StoreError(
                    .unavailable,
                    "cannot \(action): the database at \(address.host):\(address.port) did not answer within "
                        + "\(waited)")
            }
            throw storeError(error, doing: action)
        }
    }

    /// A connection pool and the signal that retires it.
    private struct Pool: Sendable {
        let client: PostgresClient
        /// Finished when the pool is replaced.
        let retirement: AsyncStream<Void>
        let retire: AsyncStream<Void>.Continuation
    }

    /// A new connection pool, not yet running.
    private static func makePool(address: PostgresAddress, name: String, timeouts: PostgresTimeouts, logger: Logger)
        -> Pool
    {
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: Self.clientTLS(address.tls))
        configuration.options.connectTimeout = timeouts.connect
        configuration.options.maximumConnections = 16
        configuration.options.additionalStartupParameters = [("application_name", name)]
        let (retirement, retire) = AsyncStream.makeStream(of: Void.self)
        return Pool(
            client: PostgresClient(configuration: configuration, backgroundLogger: logger), retirement: retirement,
            retire: retire)
    }

    /// Runs `pool` until cancelled, or until it is retired and `linger` has passed (time enough for the
    /// requests still using it to end within their bounds).
    private static func run(_ pool: Pool, linger: Duration) async {
        await withDiscardingTaskGroup { group in
            group.addTask { await pool.client.run() }
            for await _ in pool.retirement {}
            if !Task.isCancelled { try? await Task.sleep(for: linger) }
            group.cancelAll()
        }
    }

    /// See `EventStore.append`.
    ///
    /// When this store already knows the hash of event `expectedVersion` (it wrote or read it), the
    /// append is one statement, committed by itself; the primary key
    /// refuses it if another writer got there first. Otherwise the head is read first, in a transaction.
    public func append(_ events: [PendingEvent], to desk: String, expectedVersion: Int64) async throws
        -> [StoredEvent]
    {
        guard !events.isEmpty else {
            let actual = try await version(of: desk)
            guard actual == expectedVersion else {
                throw StoreError.conflict(desk: desk, expected: expectedVersion, actual: actual)
            }
            return []
        }
        let table = self.table
        let logger = self.logger
        let known = heads.withLock { $0[desk] }
        let stored: [StoredEvent]
        do {
            if expectedVersion == 0 || known?.sequence == expectedVersion, events.count <= Self.rowsPerStatement {
                let previous = expectedVersion == 0 ? EventHash.genesis : known?.hash ?? EventHash.genesis
                let sealed = Self.seal(events, desk: desk, after: expectedVersion, previousHash: previous)
                stored = try await withConnection(doing: "append to desk '\(desk)'", writing: true) { connection in
                    try await connection.run(
                        Self.insert(sealed[...], into: table), logger: logger)
                    return sealed
                }
            } else {
                stored = try await withConnection(doing: "append to desk '\(desk)'", writing: true) { connection in
                    try await connection.withTransaction(logger: logger) { connection in
                        let head = try await connection.query(
                            "SELECT sequence, hash FROM \(unescaped: table) WHERE desk = \(desk) ORDER BY sequence DESC LIMIT 1",
                            logger: logger
                        ).collect().first.map { try $0.decode((Int64, String).self) }
                        let actual = head?.0 ?? 0
                        guard actual == expectedVersion else {
                            throw StoreError.conflict(desk: desk, expected: expectedVersion, actual: actual)
                        }
                        let sealed = Self.seal(
                            events, desk: desk, after: actual, previousHash: head?.1 ?? EventHash.genesis)
                        // A statement takes at most 65 535 parameters.
                        for chunk in stride(from: 0, to: sealed.count, by: Self.rowsPerStatement) {
                            let end = min(chunk + Self.rowsPerStatement, sealed.count)
                            try await connection.run(
                                Self.insert(sealed[chunk..<end], into: table),
                                logger: logger)
                        }
                        return sealed
                    }
                }
            }
        } catch let failure as PostgresTransactionError {
            if let error = failure.closureError ?? failure.beginError {
                throw await appendError(error, desk: desk, expectedVersion: expectedVersion)
            }
            throw outcomeUnknown(desk: desk, failure.commitError ?? failure)
        } catch {
            throw await appendError(error, desk: desk, expectedVersion: expectedVersion)
        }
        remember(stored.last!)
        hub.publish(stored)
        notifications.announce(desk: desk, from: stored[0].sequence)
        return stored
    }

    /// Rows per INSERT: ten parameters each, well under PostgreSQL's 65 535.
    private static let rowsPerStatement = 1_000

    private static func seal(_ events: [PendingEvent], desk: String, after sequence: Int64, previousHash: String)
        -> [StoredEvent]
    {
        var previous = previousHash
        return events.enumerated().map { offset, pending in
            let event = StoredEvent(
                sealing: pending, desk: desk, sequence: sequence + Int64(offset) + 1, previousHash: previous)
            previous = event.hash
            return event
        }
    }

    /// Keeps the newest known head of a desk; an event's hash never changes once written.
    private func remember(_ event: StoredEvent) {
        heads.withLock { heads in
            if (heads[event.desk]?.sequence ?? 0) < event.sequence {
                heads[event.desk] = (event.sequence, event.hash)
            }
        }
    }

    private func outcomeUnknown(desk: String, _ error: any Error) -> StoreError {
        StoreError(
            .unavailable,
            "cannot append to desk '\(desk)': the database connection failed while committing, so the events "
                + "may or may not have been recorded; reload the desk before trying again (\(describe(error)))",
            outcomeUnknown: true)
    }

    private func appendError(_ error: any Error, desk: String, expectedVersion: Int64) async -> StoreError {
        if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "23505",
            ["event_pkey", "event_event_id_key"].contains(error.serverInfo?[.constraintName])
        {
            // A repeated keyed write (its event ids are derived from the key) is caught by the unique id.
            // Another writer committed the same sequence numbers first; the primary key caught it.
            let actual = (try? await version(of: desk)) ?? -1
            return StoreError.conflict(desk: desk, expected: expectedVersion, actual: actual)
        }
        if let error = error as? PSQLError, error.code != .server, error.code != .poolClosed {
            // The statement may have reached the server and committed before the connection dropped.
            return outcomeUnknown(desk: desk, error)
        }
        return storeError(error, doing: "append to desk '\(desk)'")
    }

    /// See `EventStore.read`.
    public func read(desk: String, from sequence: Int64) async throws -> [StoredEvent] {
        try await read(desk: desk, from: sequence, newestOnly: false)
    }

    /// The events of `desk` from `sequence` on, or only the newest of them, in one query.
    private func read(desk: String, from sequence: Int64, newestOnly: Bool) async throws -> [StoredEvent] {
        do {
            let rows = try await query(
                doing: "read desk '\(desk)'",
                """
                SELECT desk, sequence, event_id, type, schema_version, payload, actor, recorded_at, previous_hash, hash
                FROM \(unescaped: table) WHERE desk = \(desk) AND sequence >= \(sequence)
                ORDER BY sequence \(unescaped: newestOnly ? "DESC LIMIT 1" : "")
                """)
            let events = try rows.map(Self.event(from:))
            if let last = events.last { remember(last) }
            return events
        } catch let error as StoreError {
            throw error
        } catch {
            throw storeError(error, doing: "read desk '\(desk)'")
        }
    }

    /// See `EventStore.version(of:)`.
    public func version(of desk: String) async throws -> Int64 {
        do {
            let rows = try await query(
                doing: "read desk '\(desk)'",
                "SELECT COALESCE(MAX(sequence), 0) FROM \(unescaped: table) WHERE desk = \(desk)")
            return try rows.first?.decode(Int64.self) ?? 0
        } catch {
            throw storeError(error, doing: "read desk '\(desk)'")
        }
    }

    /// See `EventStore.event(id:desk:)`: one look-up on the unique index of event ids.
    public func event(id: UUID, desk: String) async throws -> StoredEvent? {
        do {
            let rows = try await query(
                doing: "read desk '\(desk)'",
                """
                SELECT desk, sequence, event_id, type, schema_version, payload, actor, recorded_at, previous_hash, hash
                FROM \(unescaped: table) WHERE event_id = \(id) AND desk = \(desk)
                """)
            return try rows.first.map(Self.event(from:))
        } catch let error as StoreError {
            throw error
        } catch {
            throw storeError(error, doing: "read desk '\(desk)'")
        }
    }

    /// See `EventStore.desks`.
    public func desks() async throws -> [String] {
        do {
            let rows = try await query(
                doing: "list desks",
                // One index seek per desk, not a pass over every event.
                """
                WITH RECURSIVE names(desk) AS (
                    SELECT (SELECT min(desk) FROM \(unescaped: table))
                    UNION ALL
                    SELECT (SELECT min(desk) FROM \(unescaped: table) WHERE desk > names.desk) FROM names
                    WHERE names.desk IS NOT NULL
                )
                SELECT desk FROM names WHERE desk IS NOT NULL AND desk NOT LIKE '~%' ORDER BY desk
                """)
            return try rows.map { try $0.decode(String.self) }
        } catch {
            throw storeError(error, doing: "list desks")
        }
    }

    /// Follows a desk: stored events, then each new one appended by this or any other process.
    public func subscribe(desk: String, from sequence: Int64) -> AsyncThrowingStream<StoredEvent, any Error> {
        hub.subscribe(desk: desk, from: sequence) { [weak self] next in
            try await self?.read(desk: desk, from: next) ?? []
        }
    }

    /// Warnings and worse only, for callers that bring no logger of their own.
    private static var quietLogger: Logger {
        var logger = Logger(label: "parley.postgres")
        logger.logLevel = .warning
        return logger
    }

    // MARK: - Connections

    /// Runs `body` on a pooled connection, within the bounds of `timeouts`.
    ///
    /// The pool keeps retrying a server that is down and would hold a request for as long; a request
    /// that cannot start soon fails with a clear answer instead (after one such failure the wait is short
    /// until the database answers again, so an outage costs users half a second per request, not five).
    /// Once `body` has started it is given `operation` (or `bound`) to finish; a database that has not
    /// answered by then has its connection closed, and a write is reported as of unknown outcome.
    private func withConnection<Result: Sendable>(
        doing action: String, writing: Bool = false, for bound: Duration? = nil,
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let lease = timeouts.lease
        let address = self.address
        try await readiness.wait(within: lease) {
            StoreError(
                .unavailable,
                "cannot \(action): the store for \(address.host):\(address.port) is not running (not started "
                    + "within \(lease)); nothing was done")
        }
        let client = pool.withLock { $0.client }
        let health = self.health
        let wait = health.isMarked ? timeouts.degradedLease : timeouts.lease
        do {
            return try await BoundedOperation.run(
                lease: { work in
                    try await client.withConnection { connection in
                        health.clear()
                        return try await work(connection)
                    }
                }, leaseBound: wait, operationBound: bound ?? timeouts.operation, body)
        } catch let failure as DatabaseWaitFailure {
            switch failure {
            case .noConnection(let waited):
                health.mark()
                lookForTheDatabase()
                throw StoreError(
                    .unavailable,
                    "cannot \(action): no connection to the database at \(address.host):\(address.port) within "
                        + "\(waited) (it may be down or restarting); nothing was done")
            case .noAnswer(let waited):
                health.mark()
                lookForTheDatabase()
                throw StoreError(
                    .unavailable,
                    "cannot \(action): the database at \(address.host):\(address.port) did not answer within "
                        + "\(waited)"
                        + (writing ? ", so it may or may not have been recorded; reload before trying again" : ""),
                    outcomeUnknown: writing)
            case .cancelled:
                throw CancellationError()
            }
        } catch let error as PSQLError where Self.lostTheServer(error) {
            // The next requests wait briefly for a connection, not the full bound, until one is had again.
            health.mark()
            lookForTheDatabase()
            throw error
        }
    }

    /// Whether `error` says the server went away (killed, restarting, unreachable).
    private static func lostTheServer(_ error: PSQLError) -> Bool {
        [.connectionError, .serverClosedConnection, .uncleanShutdown].contains(error.code)
            || error.serverInfo?[.sqlState].map { $0.hasPrefix("57P") || $0.hasPrefix("08") } == true
    }

    /// Runs one query on a pooled connection and collects its rows.
    private func query(doing action: String, _ query: PostgresQuery) async throws -> [PostgresRow] {
        let logger = self.logger
        return try await withConnection(doing: action) { connection in
            try await connection.query(query, logger: logger).collect()
        }
    }

    /// During an outage, asks `run()` to look for the database's return (unless a look is under way).
    private func lookForTheDatabase() {
        guard !isClosed.isMarked, recovering.markIfClear() else { return }
        looks.continuation.yield()
    }

    /// Looks every `probe` for the database's return when asked, then hands `run()` a fresh pool.
    ///
    /// The pool's own reconnection backoff grows with every failed attempt (to several seconds after an
    /// outage of twenty), so after a restart it would keep answering "unavailable" well after the
    /// database is back; a fresh pool connects at once.
    private func lookForTheDatabaseWhenAsked() async {
        for await _ in looks.stream {
            while !Task.isCancelled, !isClosed.isMarked {
                if await databaseAnswers() {
                    renewals.continuation.yield(
                        Self.makePool(address: address, name: connectionName, timeouts: timeouts, logger: logger))
                    break
                }
                try? await Task.sleep(for: timeouts.probe)
            }
            recovering.clear()
        }
    }

    /// Whether a new connection to the database can be made and answers a query, within the bounds.
    private func databaseAnswers() async -> Bool {
        let logger = self.logger
        guard let connection = try? await connect(id: 1, within: timeouts.connect) else { return false }
        let answered =
            (try? await withinBound(timeouts.operation) {
                try await connection.query("SELECT 1", logger: logger).collect().count
            }) != nil
        try? await connection.close()
        return answered
    }

    /// A connection of its own (the listener's, a probe's), handshake included within `bound`; one that
    /// comes later is closed.
    private func connect(id: Int, within bound: Duration) async throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: try Self.connectionTLS(address.tls))
        configuration.options.connectTimeout = TimeAmount(timeouts.connect)
        configuration.options.additionalStartupParameters = [("application_name", connectionName)]
        let logger = self.logger
        let closeLate: @Sendable (PostgresConnection) async -> Void = { try? await $0.close() }
        return try await withinBound(bound, late: closeLate) { [configuration] in
            try await PostgresConnection.connect(configuration: configuration, id: id, logger: logger)
        }
    }

    // MARK: - Rows and errors

    /// One INSERT of `events`.
    private static func insert(_ events: ArraySlice<StoredEvent>, into table: String) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: events.count * 10)
        var rows: [String] = []
        for event in events {
            let base = bindings.count
            rows.append("(" + (1...10).map { "$\(base + $0)" }.joined(separator: ", ") + ")")
            bindings.append(event.desk)
            bindings.append(event.sequence)
            bindings.append(event.id)
            bindings.append(event.type)
            bindings.append(event.schemaVersion)
            bindings.append(String(decoding: event.payload, as: UTF8.self))
            bindings.append(event.actor)
            bindings.append(InstantText.format(event.recordedAt))
            bindings.append(event.previousHash)
            bindings.append(event.hash)
        }
        return PostgresQuery(
            unsafeSQL: """
                INSERT INTO \(table) (desk, sequence, event_id, type, schema_version, payload, actor, recorded_at,
                                      previous_hash, hash)
                VALUES \(rows.joined(separator: ", "))
                """, binds: bindings)
    }

    private static func event(from row: PostgresRow) throws -> StoredEvent {
        let (desk, sequence, id, type, schemaVersion, payload, actor, recordedText, previousHash, hash) =
            try row.decode((String, Int64, UUID, String, Int, String, String, String, String, String).self)
        guard let recordedAt = InstantText.parse(recordedText) else {
            throw StoreError(.corrupt, "event \(sequence) of desk '\(desk)' has an unreadable time '\(recordedText)'")
        }
        return StoredEvent(
            desk: desk, sequence: sequence, id: id, type: type, schemaVersion: schemaVersion,
            payload: Data(payload.utf8),
            actor: actor, recordedAt: recordedAt, previousHash: previousHash, hash: hash)
    }

    /// The store error for a failure below the contract: the storage is unavailable.
    ///
    /// The server is down, restarting, refusing or full. The message names what was being done and the
    /// server's own words.
    func storeError(_ error: any Error, doing action: String) -> StoreError {
        if let error = error as? StoreError { return error }
        return StoreError(.unavailable, "cannot \(action): \(describe(error))")
    }

    /// What went wrong, in words for the person who asked: the database's own, or what the client saw.
    ///
    /// A connection that closed under a request means the database went away (killed, restarting);
    /// only once `run()` is ending is it this store that is closed.
    func describe(_ error: any Error) -> String {
        if let error = error as? StoreError { return error.message }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return "PostgreSQL said: " + message + state
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown:
            return "the database at \(address.host):\(address.port) cannot be reached (it may be down or "
                + "restarting)"
        case .poolClosed, .clientClosedConnection:
            guard isClosed.isMarked else {
                return "the connection to the database at \(address.host):\(address.port) closed (it may be "
                    + "restarting)"
            }
            return "the store is closed (the server is shutting down)"
        default:
            return "PostgreSQL client error \(error.code)"
        }
    }

    private static func clientTLS(_ mode: PostgresAddress.TLSMode) -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    private static func connectionTLS(_ mode: PostgresAddress.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }
}

/// A flag shared between tasks: whether the database is failing; whether a look for it is under way.
private final class SharedFlag: Sendable {
    private let flag = Mutex(false)

    func mark() { flag.withLock { $0 = true } }

    /// Marks the flag unless it is marked already; whether this call did.
    func markIfClear() -> Bool {
        flag.withLock { flag in
            defer { flag = true }
            return !flag
        }
    }

    func clear() { flag.withLock { $0 = false } }

    var isMarked: Bool { flag.withLock { $0 } }
}

/// What the notification channel asks of the store.
extension PostgresEventStore: NotificationPeer {
    func notify(_ payloads: [String], on channel: String) async throws {
        let logger = self.logger
        do {
            try await withConnection(doing: "notify other servers") { connection in
                try await connection.run(
                    "SELECT pg_notify(\(channel), payload) FROM unnest(\(payloads)::text[]) AS payload",
                    logger: logger)
            }
        } catch {
            throw storeError(error, doing: "notify other servers")
        }
    }

    func listeningConnection() async throws -> PostgresConnection {
        try await connect(id: 0, within: timeouts.connect + timeouts.operation)
    }

    func catchUp(desk: String, from sequence: Int64) async {
        guard hub.followedDesks().contains(desk) else { return }
        do {
            hub.publish(try await read(desk: desk, from: sequence))
        } catch {
            logger.warning("cannot read desk after a notification", metadata: ["parley.desk": "\(desk)"])
        }
    }

    func catchUpFollowedDesks() async {
        for desk in hub.followedDesks() {
            // The newest event is enough: a subscriber behind it re-reads what it lacks.
            guard let newest = try? await read(desk: desk, from: 1, newestOnly: true), !newest.isEmpty else { continue }
            hub.publish(newest)
        }
    }
}
