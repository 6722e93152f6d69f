import Foundation
import ParleyStorePostgres

/// The PostgreSQL server the tests may use: `PARLEY_TEST_POSTGRES_URL`, when set (tests/postgres/start).
///
/// Tests that need it run only when it is set; `.ci/run` always sets it. Each caller gets a schema of its
/// own, so tests never see each other's desks.
public enum TestPostgres {
    /// The configured server, or nil when the variable is not set.
    public static var address: PostgresAddress? {
        guard let text = ProcessInfo.processInfo.environment["PARLEY_TEST_POSTGRES_URL"], !text.isEmpty else {
            return nil
        }
        do {
            return try PostgresAddress(parsing: text)
        } catch {
            fatalError("PARLEY_TEST_POSTGRES_URL: \(error.message)")
        }
    }

    /// Whether PostgreSQL tests run.
    public static var isAvailable: Bool { address != nil }

    /// The configured server with a fresh, unused schema name.
    public static func freshAddress() -> PostgresAddress? {
        address?.inSchema("t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20))
    }
}
