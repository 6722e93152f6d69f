import Foundation
import ParleyStore
import ParleyStorePostgres
import ParleyStoreSQLite
import Testing

/// Runs the built `parley` executable as a user would, in a fresh working folder.
struct ParleyProcess {
    /// What a finished run left behind.
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `parley` binary that `swift build --build-tests` put beside the test bundle.
    static let binary: URL = {
        if let override = ProcessInfo.processInfo.environment["PARLEY_BINARY"] { return URL(fileURLWithPath: override) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("parley")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/parley")
    }()

    /// A fresh folder for one test's files.
    let folder: URL
    /// The PostgreSQL database this test's commands use instead of the SQLite file, if any.
    let postgres: PostgresAddress?

    /// Commands on an SQLite file in a fresh folder, or on a fresh PostgreSQL schema.
    init(postgres: PostgresAddress? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.postgres = postgres
    }

    /// The database path tests use.
    var database: String { folder.appendingPathComponent("parley.sqlite").path }

    /// The options that point a command at this test's store.
    var storeArguments: [String] {
        if let postgres { return ["--database-url", postgres.url] }
        return ["--db", database]
    }

    /// Runs `body` with this test's store, open in the test process for that long.
    func withStore<Result>(_ body: (any EventStore) async throws -> Result) async throws -> Result {
        if let postgres { return try await withPostgresEventStore(postgres) { try await body($0) } }
        return try await body(try SQLiteEventStore(path: database))
    }

    /// Writes `text` to a file in the folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs `parley` with `arguments` (plus the options naming the test's store) and waits for it.
    ///
    /// With `input`, that text is the command's standard input (a typed password, say).
    func run(_ arguments: [String], database: Bool = true, input: String? = nil) throws -> Outcome {
        let process = makeProcess(arguments + (database ? storeArguments : []))
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// A configured but unstarted `parley` process.
    func makeProcess(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        return process
    }
}
