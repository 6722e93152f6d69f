import Foundation
import GRDB
import ParleyDesk
import ParleyStore
import ParleyStoreSQLite
import ParleyTestSupport
import Testing

// `Data(contentsOf:)` reaches http URLs through FoundationNetworking only when it is linked in.
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// Changes a stored payload in the SQLite file behind Parley's back, as someone with the file could.
private func tamper(_ database: String, sequence: Int64) throws {
    try DatabaseQueue(path: database).write { db in
        try db.execute(
            sql: "UPDATE event SET payload = payload || ' ' WHERE desk = 'dmz-2019' AND sequence = ?",
            arguments: [sequence])
    }
}

@Suite("The record: start-up check and signed checkpoints")
struct RecordTests {
    @Test("the server refuses to start on a desk whose chain does not verify, naming it, unless told to allow it")
    func startUpCheck() async throws {
        let parley = try ParleyProcess()
        #expect(try parley.run(["verify", "--demo"]).status == 0)
        try tamper(parley.database, sequence: 12)
        let refused = try parley.run(["serve", "--port", "1"])
        #expect(refused.status == 2)
        #expect(
            refused.stderr.hasPrefix(
                "parley: damaged record: refusing to serve: desk 'dmz-2019' does not verify at event 12: its content "
                    + "does not match its hash."))
        #expect(refused.stderr.contains("--allow-broken-chain"))
        // Allowed, it serves, and says what it is serving.
        let port = Int.random(in: 20_000...40_000)
        let server = parley.makeProcess(
            ["serve", "--allow-broken-chain", "--port", "\(port)"] + parley.storeArguments)
        let log = Pipe()
        server.standardOutput = log
        server.standardError = log
        try server.run()
        defer {
            kill(server.processIdentifier, SIGTERM)
            server.waitUntilExit()
        }
        var started = false
        for _ in 0..<100 {
            if let (data, _) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/livez")!),
                String(decoding: data, as: UTF8.self) == "ok"
            {
                started = true
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(started)
    }

    @Test("a checkpoint catches a truncated log, a rewritten tail and a changed row, and notices growth")
    func checkpoints() async throws {
        let parley = try ParleyProcess()
        #expect(try parley.run(["verify", "--demo"]).status == 0)
        let keygen = try parley.run(["checkpoint", "keygen", "auditor.key"], database: false)
        #expect(keygen.status == 0, "\(keygen.stderr)")
        let keyPath = parley.folder.appendingPathComponent("auditor.key").path
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // The accounts are part of the record: a person added now is covered by the checkpoint too.
        #expect(
            try parley.run(["user", "add", "ana", "--role", "officer"], input: "a long enough secret\n").status == 0)
        #expect(try parley.run(["verify"]).stdout.contains("~accounts: ok, 1 events"))
        let take = try parley.run(["checkpoint", "--key", "auditor.key", "-o", "cp.json"])
        #expect(take.status == 0, "\(take.stderr)")
        func check() throws -> ParleyProcess.Outcome {
            try parley.run(["checkpoint", "verify", "cp.json", "--public-key", "auditor.key.pub"])
        }
        var outcome = try check()
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("dmz-2019: consistent with the checkpoint\n"))
        #expect(outcome.stdout.contains("~accounts: consistent with the checkpoint\n"))

        // Grown since: still consistent.
        let store = try SQLiteEventStore(path: parley.database)
        let ledger = DeskLedger(store: store, environment: .fixed(start: Date(timeIntervalSince1970: 1_800_000_000)))
        let note = Signal(
            id: "after-checkpoint", engagement: nil, at: Fixtures.kst("06-30 10:00"), summary: "later",
            quote: nil, attribution: ["desk"], stance: .neutral, grade: try AdmiraltyGrade(parsing: "C3"))
        _ = try await ledger.execute(.recordSignal(note), on: "dmz-2019", actor: "officer")
        outcome = try check()
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("dmz-2019: consistent with the checkpoint, 1 events added since"))

        // Truncated: the newest three events removed, which the chain alone cannot see.
        let queue = try DatabaseQueue(path: parley.database)
        try await queue.write { db in try db.execute(sql: "DELETE FROM event WHERE desk = 'dmz-2019' AND sequence > 47")
        }
        #expect(try parley.run(["verify"]).status == 0)
        outcome = try check()
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("dmz-2019: TRUNCATED: the checkpoint saw 49 events, the log now has 47"))
        #expect(outcome.stdout.contains("asia-trip: consistent with the checkpoint"))

        // Rewritten: new events appended where the removed ones were, every hash recomputed.
        for index in 0..<3 {
            let replacement = Signal(
                id: .init("rewrite-\(index)"), engagement: nil, at: Fixtures.kst("06-30 11:00"), summary: "rewritten",
                quote: nil, attribution: ["desk"], stance: .neutral, grade: try AdmiraltyGrade(parsing: "C3"))
            _ = try await ledger.execute(.recordSignal(replacement), on: "dmz-2019", actor: "officer")
        }
        #expect(try parley.run(["verify"]).status == 0)
        outcome = try check()
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("dmz-2019: REWRITTEN: event 49 no longer has the hash the checkpoint saw"))

        // A changed row is broken, as the chain itself says.
        try tamper(parley.database, sequence: 5)
        outcome = try check()
        #expect(outcome.stdout.contains("dmz-2019: BROKEN at event 5: its content does not match its hash"))
    }

    @Test("a checkpoint signed by another key, or edited after signing, is not trusted")
    func untrustedCheckpoints() throws {
        let parley = try ParleyProcess()
        #expect(try parley.run(["verify", "--demo"]).status == 0)
        #expect(try parley.run(["checkpoint", "keygen", "auditor.key"], database: false).status == 0)
        #expect(try parley.run(["checkpoint", "keygen", "other.key"], database: false).status == 0)
        #expect(try parley.run(["checkpoint", "--key", "auditor.key", "-o", "cp.json"]).status == 0)
        let otherKey = try parley.run(["checkpoint", "verify", "cp.json", "--public-key", "other.key.pub"])
        #expect(otherKey.status == 1)
        #expect(
            otherKey.stderr == "parley: checkpoint: the checkpoint was signed by another key than the one you trust\n")
        let path = parley.folder.appendingPathComponent("cp.json").path
        let edited = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "\"events\" : 49", with: "\"events\" : 40")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let altered = try parley.run(["checkpoint", "verify", "cp.json", "--public-key", "auditor.key.pub"])
        #expect(altered.status == 1)
        #expect(
            altered.stderr
                == "parley: checkpoint: the signature does not match the checkpoint's contents: it was altered\n")
        #expect(try parley.run(["checkpoint", "keygen", "auditor.key"], database: false).status == 1)
    }
}
