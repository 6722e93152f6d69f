import Foundation
import ParleyDesk
import ParleyStore
import PostgresNIO
import Synchronization

/// The shared event store: desks in one PostgreSQL database, used by any number of `parley serve` processes.
///
/// Appends read the desk's head and insert the next rows in one transaction; the primary key (desk,
/// sequence) turns a concurrent writer into a conflict, so the chain stays linear without table locks.
/// After each commit a notification (NOTIFY) tells the other processes, so their subscribers follow
/// along (docs/adr/0010-postgresql-store.md).
///
/// Every wait on the database is bounded (`PostgresTimeouts`): a database that is down, restarting or
/// no longer answering makes requests fail within seconds with an `.unavailable` error, never hang. During
/// an outage the store looks every `probe` for the database's return and then starts a fresh connection
/// pool, rather than waiting out the old pool's growing reconnection backoff.
public final class PostgresEventStore: EventStore {
    /// Where the store lives (password included; log `address.redacted`).
    public let address: PostgresAddress
    /// The connection pool in use and its running task; replaced after an outage.
    private let pool: Mutex<(client: PostgresClient, run: Task<Void, Never>)>
    /// Pools replaced after an outage, each stopped once nothing can still be using it.
    private let retired = Mutex<[(run: Task<Void, Never>, timer: Task<Void, Never>)]>([])
    private let timeouts: PostgresTimeouts
    /// Whether a look for the database's return is under way.
    private let recovering = SharedFlag()
    private let hub = SubscriptionHub()
    private let logger: Logger
    /// Tells this process's own notifications apart from other servers'.
    private let instance = UUID().uuidString.lowercased()
    private let background = Mutex<[Task<Void, Never>]>([])
    /// The newest event this store has seen per desk, whose hash the next append chains to.
    private let heads = Mutex<[String: (sequence: Int64, hash: String)]>([:])
    /// Notifications waiting to be sent (desk → first new sequence), and whether a send is under way.
    private let outbox = Mutex<(pending: [String: Int64], sending: Bool)>(([:], false))
    /// Marked once `close()` has been called.
    private let isClosed = SharedFlag()
    /// Marked while the database is failing to hand out connections.
    private let health = SharedFlag()
    private let table: String
    private let channel: String

    /// Connects to `address`, brings the schema up to date and starts following other servers' appends.
    ///
    /// Waits on the database at most as long as `timeouts` say (the migration, which may wait its turn
    /// behind other servers starting at once, six operations' worth).
    /// - Throws: `StoreError` with code `.unavailable` when the server cannot be reached or migrated.
    public static func open(
        _ address: PostgresAddress, logger: Logger? = nil, timeouts: PostgresTimeouts = .standard
    ) async throws -> PostgresEventStore {
        let store = PostgresEventStore(address: address, logger: logger ?? Self.quietLogger, timeouts: timeouts)
        do {
            try await store.withConnection(doing: "prepare the database", for: timeouts.operation * 6) {
                connection in
                try await PostgresSchema.migrate(connection, schema: address.schema, logger: store.logger)
            }
        } catch {
            store.close()
            throw store.storeError(error, doing: "prepare the database at \(address.redacted)")
        }
        store.startListening()
        return store
    }

    private init(address: PostgresAddress, logger: Logger, timeouts: PostgresTimeouts) {
        self.address = address
        self.logger = logger
        self.timeouts = timeouts
        self.table = "\(address.schema).event"
        self.channel = "parley_events_\(address.schema)"
        pool = Mutex(Self.startPool(address: address, timeouts: timeouts, logger: logger))
    }

    /// A new connection pool, running.
    private static func startPool(address: PostgresAddress, timeouts: PostgresTimeouts, logger: Logger) -> (
        client: PostgresClient, run: Task<Void, Never>
    ) {
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: Self.clientTLS(address.tls))
        configuration.options.connectTimeout = timeouts.connect
        configuration.options.maximumConnections = 16
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return (client, Task { await client.run() })
    }

    /// Stops the connection pool and the listener; the store cannot be used afterwards.
    public func close() {
        isClosed.mark()
        pool.withLock { $0.run.cancel() }
        retired.withLock { pools in
            for pool in pools {
                pool.run.cancel()
                pool.timer.cancel()
            }
            pools.removeAll()
        }
        background.withLock { tasks in
            for task in tasks { task.cancel() }
            tasks.removeAll()
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
        announce(desk: desk, from: stored[0].sequence)
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
                "SELECT DISTINCT desk FROM \(unescaped: table) WHERE desk NOT LIKE '~%' ORDER BY desk")
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

    /// During an outage, looks every `probe` for the database's return, then starts a fresh pool.
    ///
    /// The pool's own reconnection backoff grows with every failed attempt (to several seconds after an
    /// outage of twenty), so after a restart it would keep answering "unavailable" well after the
    /// database is back; a fresh pool connects at once.
    private func lookForTheDatabase() {
        guard !isClosed.isMarked, recovering.markIfClear() else { return }
        let task = Task { [weak self] in
            while true {
                guard let self, !self.isClosed.isMarked, !Task.isCancelled else { return }
                if await self.databaseAnswers() {
                    self.renewPool()
                    self.recovering.clear()
                    return
                }
                try? await Task.sleep(for: self.timeouts.probe)
            }
        }
        background.withLock { tasks in
            tasks.removeAll { $0.isCancelled }
            tasks.append(task)
        }
    }

    /// Whether a new connection to the database can be made and answers a query, within the bounds.
    private func databaseAnswers() async -> Bool {
        let logger = self.logger
        do {
            let connection = try await connect(id: 1, within: timeouts.connect)
            defer { Task { try? await connection.close() } }
            _ = try await withinBound(timeouts.operation) {
                try await connection.query("SELECT 1", logger: logger).collect().count
            }
            return true
        } catch {
            return false
        }
    }

    /// Puts a fresh pool in place of the current one, which is stopped once nothing can still use it.
    private func renewPool() {
        let fresh = Self.startPool(address: address, timeouts: timeouts, logger: logger)
        let old = pool.withLock { pool in
            defer { pool = fresh }
            return pool
        }
        let linger = timeouts.lease + timeouts.operation * 6
        let timer = Task {
            try? await Task.sleep(for: linger)
            old.run.cancel()
        }
        retired.withLock { pools in
            pools.removeAll { $0.timer.isCancelled }
            pools.append((old.run, timer))
        }
        if isClosed.isMarked { close() }
        logger.info("the database answers again; using a fresh connection pool")
    }

    /// A connection of its own (the listener's, a probe's), handshake included within `bound`; one that
    /// comes later is closed.
    private func connect(id: Int, within bound: Duration) async throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: try Self.connectionTLS(address.tls))
        configuration.options.connectTimeout = TimeAmount(timeouts.connect)
        let logger = self.logger
        let closeLate: @Sendable (PostgresConnection) async -> Void = { try? await $0.close() }
        return try await withinBound(bound, late: closeLate) { [configuration] in
            try await PostgresConnection.connect(configuration: configuration, id: id, logger: logger)
        }
    }

    // MARK: - Telling other servers

    /// Queues a notification that `desk` has new events from `sequence` on, and sends the queue unless a
    /// send is already under way.
    ///
    /// Notifications go out after the commit, batched, rather than inside the appending transaction:
    /// PostgreSQL serialises the commits of all transactions that NOTIFY, which capped appends at about
    /// 3 000/s with 8 or 64 writers here; batched, the appends commit in parallel and a burst costs one
    /// NOTIFY statement. If this process dies between commit and send, listeners still catch up by
    /// their periodic look (`followInterval`).
    private func announce(desk: String, from sequence: Int64) {
        let startSending = outbox.withLock { outbox in
            outbox.pending[desk] = min(outbox.pending[desk] ?? sequence, sequence)
            if outbox.sending { return false }
            outbox.sending = true
            return true
        }
        guard startSending else { return }
        Task { await self.sendAnnouncements() }
    }

    private func sendAnnouncements() async {
        while true {
            let batch = outbox.withLock { outbox in
                let batch = outbox.pending
                outbox.pending = [:]
                if batch.isEmpty { outbox.sending = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            let payloads = batch.map { desk, first in "\(instance) \(first) \(desk)" }
            let channel = self.channel
            let logger = self.logger
            do {
                try await withConnection(doing: "notify other servers") { connection in
                    try await connection.run(
                        "SELECT pg_notify(\(channel), payload) FROM unnest(\(payloads)::text[]) AS payload",
                        logger: logger)
                }
            } catch {
                // Closing drops what is queued; the other servers' periodic look covers it.
                if isClosed.isMarked { return }
                logger.warning(
                    "cannot notify other servers; they catch up within \(Self.followInterval)",
                    metadata: ["parley.error": "\(describe(error))"])
            }
        }
    }

    // MARK: - Following other servers

    /// How often a listener looks at the desks it follows even without a notification, in case one
    /// was lost (a server that died between its commit and its notification).
    static let followInterval = Duration.seconds(2)

    /// Keeps a listening connection, reconnecting after a failure within at most a second.
    private func startListening() {
        let task = Task { [weak self] in
            var pause = Duration.milliseconds(100)
            while !Task.isCancelled {
                guard let self else { return }
                do {
                    try await self.listenOnce()
                    pause = .milliseconds(100)
                } catch {
                    if Task.isCancelled { return }
                    self.logger.warning(
                        "lost the notification connection; retrying",
                        metadata: ["parley.error": "\(describe(error))", "parley.retry_ms": "\(pause)"])
                }
                try? await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(1))
            }
        }
        background.withLock { $0.append(task) }
    }

    /// Holds one listening connection until it fails, stops answering, or the task is cancelled.
    ///
    /// Each wait is bounded: the connection and its LISTEN within `connect` and `operation`, and every
    /// `followInterval` a `SELECT 1` on it must answer within `operation`, or the connection is closed
    /// (which ends the wait for notifications) and another is made.
    private func listenOnce() async throws {
        let logger = self.logger
        let connection = try await connect(id: 0, within: timeouts.connect + timeouts.operation)
        let listening = SharedFlag()
        let operation = timeouts.operation
        // Closing the connection ends every wait on it: the LISTEN, if it has no answer in time.
        let watchdog = Task {
            try? await Task.sleep(for: operation)
            if !Task.isCancelled, !listening.isMarked { try? await connection.close() }
        }
        defer { watchdog.cancel() }
        do {
            try await connection.listen(on: channel) { notifications in
                listening.mark()
                // Whatever was appended while no one listened: a nudge makes behind subscribers re-read.
                await self.nudgeFollowedDesks()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        while true {
                            try await Task.sleep(for: Self.followInterval)
                            do {
                                _ = try await withinBound(operation) {
                                    try await connection.query("SELECT 1", logger: logger).collect().count
                                }
                            } catch {
                                try? await connection.close()
                                throw error
                            }
                            await self.nudgeFollowedDesks()
                        }
                    }
                    group.addTask {
                        for try await notification in notifications {
                            await self.received(notification.payload)
                        }
                    }
                    // Either ends only by failing (the connection dropped or stopped answering) or by
                    // cancellation.
                    try await group.next()
                    group.cancelAll()
                }
            }
            try? await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private func received(_ payload: String) async {
        let parts = payload.split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] != instance, let first = Int64(parts[1]) else { return }
        let desk = parts[2]
        guard hub.followedDesks().contains(desk) else { return }
        do {
            hub.publish(try await read(desk: desk, from: first))
        } catch {
            logger.warning("cannot read desk after a notification", metadata: ["parley.desk": "\(desk)"])
        }
    }

    private func nudgeFollowedDesks() async {
        for desk in hub.followedDesks() {
            // The newest event is enough: a subscriber behind it re-reads what it lacks.
            guard let newest = try? await read(desk: desk, from: 1, newestOnly: true), !newest.isEmpty else { continue }
            hub.publish(newest)
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
    /// only after `close()` is it this store that is closed.
    func describe(_ error: any Error) -> String {
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
