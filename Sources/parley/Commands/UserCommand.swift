import ArgumentParser
import Foundation
import ParleyAccess
import ParleyDesk
import ParleyStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `parley user`: accounts for the web desk and the API.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Add people, change their roles, list them.",
        subcommands: [
            AddUserCommand.self, ChangeRoleCommand.self, ChangePasswordCommand.self, RevokeSessionsCommand.self,
            ListUsersCommand.self,
        ])
}

/// `parley user add NAME --role ROLE`: the password is read from a prompt, or from standard input.
struct AddUserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Give NAME an account; the password comes from a prompt or standard input, never an argument.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The person's name (letters, digits, '-', '_', '.').")
    var name: String

    @Option(help: "viewer (reads), officer (also records and moves engagements) or admin (also manages people).")
    var role: Role

    func run() async throws {
        let password = try Password.read(prompt: "Password for \(name) (at least 12 characters): ")
        try await store.withAccounts {
            try await $0.addUser(
                name, role: role, password: password, actor: ProcessInfo.processInfo.userName)
        }
        print("\(name) can sign in as \(role.rawValue)")
    }
}

/// `parley user role NAME ROLE`.
struct ChangeRoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "role", abstract: "Change NAME's role.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The person's name.")
    var name: String

    @Argument(help: "viewer, officer or admin.")
    var role: Role

    func run() async throws {
        try await store.withAccounts {
            try await $0.changeRole(
                of: name, to: role, actor: ProcessInfo.processInfo.userName)
        }
        print("\(name) is now \(role.rawValue)")
    }
}

/// `parley user password NAME`: a new password from a prompt or standard input; their sessions end.
struct ChangePasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "Set NAME's password (from a prompt or standard input); their sessions end.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The person's name.")
    var name: String

    func run() async throws {
        let password = try Password.read(prompt: "New password for \(name) (at least 12 characters): ")
        try await store.withAccounts {
            try await $0.changePassword(
                of: name, to: password, actor: ProcessInfo.processInfo.userName)
        }
        print("\(name)'s password is changed; their sessions have ended")
    }
}

/// `parley user revoke NAME`: ends every session of NAME on every server.
struct RevokeSessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "End every session of NAME, on every server.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The person's name.")
    var name: String

    func run() async throws {
        let ended = try await store.withAccounts {
            try await $0.revokeSessions(
                of: name, actor: ProcessInfo.processInfo.userName)
        }
        print("\(ended) session\(ended == 1 ? "" : "s") of \(name) ended")
    }
}

/// `parley user list`.
struct ListUsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every account and its role.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let users = try await store.withAccounts { try await $0.state().users.values }
        if users.isEmpty { print("no accounts; add one with `parley user add NAME --role admin`") }
        for user in users.sorted(by: { $0.name < $1.name }) { print("\(user.name)  \(user.role.rawValue)") }
    }
}

extension Role: ExpressibleByArgument {}

extension StoreOptions {
    /// Runs `body` with the accounts, the store open for that long.
    func withAccounts<Result>(_ body: (AccountBook) async throws -> Result) async throws -> Result {
        try await withLedger { try await body(AccountBook(store: $0.store, environment: .live)) }
    }
}

/// Reading a password without it appearing in the process list or the shell history.
enum Password {
    /// From a prompt without echo when standard input is a terminal, else the first line of standard input.
    static func read(prompt: String) throws -> String {
        if isatty(STDIN_FILENO) != 0, let typed = getpass(prompt) {
            return String(cString: typed)
        }
        guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
            throw CommandLineError("no password on standard input")
        }
        return line
    }
}
