import Foundation
import ParleyStore
import ParleyStorePostgres
import ParleyTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Crash safety")
struct CrashTests {
    @Test(
        "a writer killed with SIGKILL at random moments 20 times loses no acknowledged event and keeps its chain",
        arguments: CLIEngine.available)
    func killedWriter(engine: CLIEngine) async throws {
        let parley = try engine.process()
        var random = SeededRandom(seed: 2019_06_30)
        var acknowledged = Set<Int64>()
        for round in 0..<20 {
            let process = parley.makeProcess(["stress-append"] + parley.storeArguments)
            let output = Pipe()
            process.standardOutput = output
            // Kept in a file, so that a writer that stops on its own says why in the failure.
            let errors = try parley.write("stress-\(round).err", "")
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
            try process.run()
            // Wait for the first acknowledgement, so every kill strikes a writer in full flow, then
            // kill at a random moment within the next 300 ms.
            var received = output.fileHandleForReading.availableData
            try await Task.sleep(for: .milliseconds(Int.random(in: 0...300, using: &random)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Every line in the pipe was printed after its commit returned: those are acknowledged.
            received.append(output.fileHandleForReading.readDataToEndOfFile())
            let printed = String(decoding: received, as: UTF8.self)
            let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            #expect(
                process.terminationReason == .uncaughtSignal,
                "round \(round): the writer ended on its own with status \(process.terminationStatus): \(said)")
            let acked = printed.split(separator: "\n").compactMap {
                $0.hasPrefix("acked ") ? Int64($0.dropFirst(6)) : nil
            }
            #expect(
                !acked.isEmpty,
                "round \(round): nothing acknowledged; printed \(printed.debugDescription), said \(said)")
            acknowledged.formUnion(acked)
        }
        let events = try await parley.withStore { try await $0.read(desk: "stress", from: 1) }
        let present = Set(events.map(\.sequence))
        #expect(acknowledged.isSubset(of: present), "lost: \(acknowledged.subtracting(present).sorted())")
        guard case .intact(let count, _) = ChainVerification.verify(events) else {
            Issue.record("chain broken: \(ChainVerification.verify(events))")
            return
        }
        #expect(count == events.count)
        let verify = try parley.run(["verify"])
        #expect(verify.status == 0, "verify: \(verify.stderr)")
        #expect(verify.stdout.hasPrefix("stress: ok, \(events.count) events"), "verify printed \(verify.stdout)")
    }
}

/// The store engines a command-line test can run on here.
enum CLIEngine: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// SQLite always; PostgreSQL when `PARLEY_TEST_POSTGRES_URL` is set.
    static var available: [CLIEngine] { allCases.filter { $0 != .postgres || TestPostgres.isAvailable } }

    /// A fresh folder, and a fresh schema on PostgreSQL.
    func process() throws -> ParleyProcess {
        switch self {
        case .sqlite:
            return try ParleyProcess()
        case .postgres:
            let address: PostgresAddress = try #require(TestPostgres.freshAddress())
            return try ParleyProcess(postgres: address)
        }
    }
}

@Suite("Timers across a crash")
struct TimerCrashTests {
    @Test("a scheduler killed between deciding and recording fires every due try exactly once after restart")
    func killedScheduler() throws {
        let parley = try ParleyProcess()
        let file = try parley.write(
            "drill.yaml",
            """
            desk:
              name: drill
              title: "Timer drill"
              zone: Asia/Seoul
              opened: 2019-06-29 12:00
            parties:
              - id: dprk
                name: "DPRK"
              - id: us
                name: "US"
            principals:
              - id: p
                name: "P"
                party: us
            engagements:
              - id: e
                title: "E"
                principals: [p]
                counterpart: dprk
                duration: 1h
                opened: 2019-06-29 12:00
            channels:
              - id: hotline
                name: "Hotline"
                kind: hotline
                party: dprk
                status: dormant
            playbooks:
              - id: reach
                name: "Reach"
                engagement: e
                steps:
                  - channel: hotline
                    wait: 30m
                    repeat: 3
                started_at: 2019-06-29 18:00
            deadlines:
              - id: proposal
                title: "Proposal"
                owed_by: us
                due: 2019-06-30 00:00
                alarms: [2h, 30m]
            """)
        #expect(try parley.run(["import", file]).status == 0)
        let before = try parley.run(["verify"]).stdout
        // Killed after deciding, before writing: nothing recorded.
        let drill = parley.makeProcess(["tick", "--db", parley.database, "--now", "2019-06-29 23:40 Asia/Seoul"])
        drill.environment = ProcessInfo.processInfo.environment.merging(["PARLEY_DRILL_KILL_BEFORE_APPEND": "1"]) { $1 }
        drill.standardOutput = FileHandle.nullDevice
        try drill.run()
        drill.waitUntilExit()
        #expect(drill.terminationReason == .uncaughtSignal)
        #expect(try parley.run(["verify"]).stdout == before)
        // Restarted: everything due is recorded once; a second pass finds nothing.
        let first = try parley.run(["tick", "--now", "2019-06-29 23:40 Asia/Seoul"])
        #expect(first.status == 0, "\(first.stderr)")
        let lines = first.stdout.split(separator: "\n")
        #expect(lines.filter { $0.contains("try hotline now") }.count == 3)
        #expect(lines.filter { $0.contains("deadline proposal: 2h left") }.count == 1)
        #expect(lines.filter { $0.contains("deadline proposal: 30m left") }.count == 1)
        #expect(lines.contains { $0.contains("playbook reach stopped: every step tried without an answer") })
        #expect(try parley.run(["tick", "--now", "2019-06-29 23:40 Asia/Seoul"]).stdout.isEmpty)
        let timeline = try parley.run(["timeline"]).stdout
        #expect(timeline.components(separatedBy: "PlaybookTryDue").count - 1 == 3)
        #expect(try parley.run(["verify"]).status == 0)
    }
}
