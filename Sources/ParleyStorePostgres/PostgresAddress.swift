import Foundation
import ParleyDesk

/// Where a PostgreSQL event store lives, read from a `postgres://` URL.
///
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require][&schema=NAME]`. The
/// schema (default `public`) lets several Parley installations, or test runs, share one database.
public struct PostgresAddress: Sendable, Equatable {
    /// How the connection uses TLS.
    public enum TLSMode: String, Sendable, Equatable {
        /// Plain text only.
        case disable
        /// TLS when the server offers it (PostgreSQL's default).
        case prefer
        /// TLS or nothing.
        case require
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to log in as.
    public var user: String
    /// The role's password, if it needs one.
    public var password: String?
    /// The database.
    public var database: String
    /// How TLS is used.
    public var tls: TLSMode
    /// The schema holding Parley's tables.
    public var schema: String

    /// Reads `text`.
    /// - Throws: `PostgresAddressError` naming the part that is wrong; the password is never repeated.
    public init(parsing text: String) throws(PostgresAddressError) {
        guard let components = URLComponents(string: text),
            let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql"
        else {
            throw PostgresAddressError("expected postgres://USER@HOST[:PORT]/DATABASE, found '\(Self.redacted(text))'")
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresAddressError("no host in '\(Self.redacted(text))'")
        }
        guard let user = components.user, !user.isEmpty else {
            throw PostgresAddressError("no user in '\(Self.redacted(text))' (postgres://USER@HOST/DATABASE)")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw PostgresAddressError("no database in '\(Self.redacted(text))' (postgres://USER@HOST/DATABASE)")
        }
        var tls = TLSMode.prefer
        var schema = "public"
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    throw PostgresAddressError("sslmode: expected disable, prefer or require, found '\(value)'")
                }
                tls = mode
            case "schema":
                guard Self.isPlainName(value) else {
                    throw PostgresAddressError(
                        "schema: expected lower-case letters, digits and '_' (up to 48), found '\(value)'")
                }
                schema = value
            default:
                throw PostgresAddressError("unknown parameter '\(item.name)'; known: sslmode, schema")
            }
        }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
        self.tls = tls
        self.schema = schema
    }

    /// The same address in another schema.
    public func inSchema(_ schema: String) -> PostgresAddress {
        var copy = self
        copy.schema = schema
        return copy
    }

    /// The address as a URL again, password included: for handing to another process.
    public var url: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = user
        components.password = password
        components.host = host
        components.port = port
        components.path = "/" + database
        components.queryItems = [.init(name: "sslmode", value: tls.rawValue), .init(name: "schema", value: schema)]
        return components.string ?? redacted
    }

    /// The address for logs and messages, without the password.
    public var redacted: String {
        "postgres://\(user)@\(host):\(port)/\(database)?sslmode=\(tls.rawValue)&schema=\(schema)"
    }

    /// Whether `name` is safe to use unquoted as a schema and in a channel name.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 48 && name.first != "_" && !name.first!.isNumber
            && name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
    }

    private static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "…"
        return components.string ?? "(unreadable URL)"
    }
}

/// A database URL that cannot be used, with the part that is wrong.
public struct PostgresAddressError: CategorizedError, Equatable {
    /// What is wrong.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = "database URL: " + message }

    /// The person who typed the URL can fix it.
    public var category: ErrorCategory { .user }
}
