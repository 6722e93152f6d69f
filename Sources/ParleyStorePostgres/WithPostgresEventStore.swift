import Logging
import ServiceLifecycle

/// Runs `body` with a PostgreSQL store that runs for exactly as long: started and brought up to date
/// before `body`, and shut down gracefully (every connection closed, every task of it ended) before this
/// returns, whether `body` returns or throws.
///
/// For commands that use the database briefly (import, status, verify…); a server runs the store in
/// its own service group instead.
/// - Throws: `StoreError` with code `.unavailable` when the database cannot be reached or migrated, or
///   what `body` threw.
public func withPostgresEventStore<Result>(
    _ address: PostgresAddress, logger: Logger? = nil, timeouts: PostgresTimeouts = .standard,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (PostgresEventStore) async throws -> Result
) async throws -> Result {
    let store = PostgresEventStore(address, logger: logger, timeouts: timeouts)
    var quiet = logger ?? Logger(label: "parley.postgres")
    quiet.logLevel = max(quiet.logLevel, .warning)
    let services = ServiceGroup(configuration: .init(services: [store], logger: quiet))
    return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { tasks in
        tasks.addTask { try await services.run() }
        let outcome: Swift.Result<Result, any Error>
        do {
            try await store.waitUntilReady()
            outcome = .success(try await body(store))
        } catch {
            outcome = .failure(error)
        }
        await services.triggerGracefulShutdown()
        // The store's own failure (no database) is what waiting for it threw already.
        while case .some = try? await tasks.next() {}
        return try outcome.get()
    }
}
