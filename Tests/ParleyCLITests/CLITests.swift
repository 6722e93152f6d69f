import Foundation
import GRDB
import ParleyStorePostgres
import ParleyTestSupport
import Testing

@Suite("Command line")
struct CLITests {
    @Test("status --demo loads both demos into a new database and shows each desk", arguments: CLIEngine.available)
    func statusDemo(engine: CLIEngine) throws {
        let parley = try engine.process()
        let outcome = try parley.run(["status", "--demo", "--now", "2019-06-29 21:00 Asia/Seoul"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("dmz-2019 — DMZ handshake, June 2019"))
        #expect(outcome.stdout.contains("asia-trip — "))
        #expect(outcome.stdout.contains("exploring   kim-meeting"))
        #expect(outcome.stdout.contains("held        dmz-handshake"))
        // The Panmunjom decision deadline is open, shown in its own zone with the time left.
        #expect(outcome.stdout.contains("due ~2025-10-27 18:00 KST (Asia/Seoul)"))
        #expect(
            outcome.stdout.contains(
                "dmz-hotline        hotline            active   last attempt ~2019-06-29 18:00 KST: unanswered"))
        // A second --demo run on the same file loads nothing more.
        let again = try parley.run(["verify", "--demo"])
        #expect(again.stdout.contains("dmz-2019: ok, 49 events"))
    }

    @Test("a scenario with an error imports nothing and says where, on one line, with exit status 1")
    func importError() throws {
        let parley = try ParleyProcess()
        let file = try parley.write(
            "bad.yaml",
            """
            desk:
              name: bad
              title: "Bad"
              zone: Asia/Seoul
              opened: 2019-06-28 20:00
            parties:
              - id: us
                name: "United States"
            channels:
              - id: hotline
                name: "Hotline"
                kind: hotline
                party: dprk
                status: dormant
            """)
        let outcome = try parley.run(["import", file])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "parley: \(file):13:12: channels[0].party: no party with id 'dprk' on this desk\n")
        #expect(try parley.run(["verify"]).stdout == "no desks\n")
    }

    @Test("export writes a file that imports into a new database as the same desk")
    func exportImport() throws {
        let parley = try ParleyProcess()
        let exported = try parley.run(["export", "--demo", "--desk", "asia-trip"])
        #expect(exported.status == 0)
        let file = try parley.write("asia.yaml", exported.stdout)
        let other = try ParleyProcess()
        let imported = try other.run(["import", file])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("imported desk 'asia-trip': 41 events, head "))
        #expect(try other.run(["export"]).stdout == exported.stdout)
        // Importing the same desk again is refused, and nothing changes.
        let twice = try other.run(["import", file])
        #expect(twice.status == 1)
        #expect(twice.stderr == "parley: desk 'asia-trip' is already open\n")
    }

    @Test("timeline --as-of shows the desk as it stood then, and --engagement filters")
    func timelineAsOf() throws {
        let parley = try ParleyProcess()
        let outcome = try parley.run(["timeline", "--demo", "--desk", "dmz-2019", "--as-of", "2019-06-29 21:00"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("outreach → in contact"))
        #expect(!outcome.stdout.contains("in contact → planning"))
        #expect(outcome.stdout.contains("in contact  dmz-handshake"))
        // The proposal was asked for at about 22:00: at 21:00 nobody knew of the deadline yet.
        #expect(!outcome.stdout.contains("proposal-by-midnight"))
        let later = try parley.run(["timeline", "--desk", "dmz-2019", "--as-of", "2019-06-29 22:30"])
        #expect(
            later.stdout.contains(
                "proposal-by-midnight Detailed proposal for the meeting — due 2019-06-30 00:00 KST (Asia/Seoul), 1h 30m left"
            ))
        let filtered = try parley.run(["timeline", "--desk", "asia-trip", "--engagement", "xi-meeting"])
        #expect(filtered.stdout.contains("busan-site-survey"))
        #expect(!filtered.stdout.contains("kim-meeting"))
        let unknown = try parley.run(["timeline", "--desk", "asia-trip", "--engagement", "nobody"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "parley: no engagement with id 'nobody' on desk 'asia-trip'\n")
    }

    @Test(
        "a command that needs one desk asks which when there are several, and names the missing one",
        arguments: [
            (["export"], "parley: the database holds several desks; pick one with --desk: asia-trip, dmz-2019\n"),
            (["export", "--desk", "hanoi"], "parley: no desk named 'hanoi'; desks here: asia-trip, dmz-2019\n"),
            (
                ["timeline", "--as-of", "yesterday", "--desk", "dmz-2019"],
                "parley: --as-of: expected a time like 2019-06-29 07:51 Asia/Seoul (optionally ~ for approximate), found 'yesterday'\n"
            ),
        ])
    func userErrors(arguments: [String], message: String) throws {
        let parley = try ParleyProcess()
        _ = try parley.run(["verify", "--demo"])
        let outcome = try parley.run(arguments)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == message)
    }

    @Test("naming both an SQLite file and a database URL is refused before anything is opened")
    func twoStores() throws {
        let parley = try ParleyProcess()
        let outcome = try parley.run(
            ["status", "--db", "a.sqlite", "--database-url", "postgres://u@h/d"], database: false)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("--db and --database-url name two different stores; pass one"))
        #expect(!FileManager.default.fileExists(atPath: parley.folder.appendingPathComponent("a.sqlite").path))
    }

    @Test("a database URL that cannot be used says which part is wrong, with exit status 1")
    func badURL() throws {
        let outcome = try ParleyProcess().run(
            ["status", "--database-url", "postgres://u:hunter2@h/d?sslmode=sometimes"], database: false)
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr
                == "parley: database URL: sslmode: expected disable, prefer or require, found 'sometimes'\n")
    }

    @Test(
        "PARLEY_DATABASE_URL is used when no file is named",
        .enabled(if: TestPostgres.isAvailable, "set PARLEY_TEST_POSTGRES_URL"))
    func databaseURLFromEnvironment() throws {
        let parley = try CLIEngine.postgres.process()
        #expect(try parley.run(["status", "--demo"]).status == 0)
        let process = parley.makeProcess(["verify"])
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["PARLEY_DATABASE_URL": parley.postgres!.url]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("dmz-2019: ok, 49 events"))
        #expect(!FileManager.default.fileExists(atPath: parley.folder.appendingPathComponent("parley.sqlite").path))
    }

    @Test("a usage mistake is a user error with exit status 1")
    func usage() throws {
        let outcome = try ParleyProcess().run(["status", "--no-such-flag"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("--no-such-flag"))
    }

    @Test("verify reports the sequence of a payload changed in the SQLite file, and exits 1")
    func tamperedFile() throws {
        let parley = try ParleyProcess()
        #expect(try parley.run(["verify", "--demo"]).status == 0)
        let queue = try DatabaseQueue(path: parley.database)
        try queue.write { db in
            try db.execute(
                sql:
                    "UPDATE event SET payload = replace(payload, 'bullhorn', 'megaphone') WHERE desk = 'dmz-2019' AND sequence = 34"
            )
            #expect(db.changesCount == 1)
        }
        let outcome = try parley.run(["verify"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("dmz-2019: broken at sequence 34: its content does not match its hash"))
        #expect(outcome.stdout.contains("asia-trip: ok, 41 events"))
    }
}

@Suite("Command line: plan")
struct PlanCommandTests {
    @Test("plan prints the itinerary per day in local time, records it, and a re-plan keeps it")
    func plan() throws {
        let parley = try ParleyProcess()
        let first = try parley.run(["plan", "asia-2025", "--demo", "--desk", "asia-trip", "--iterations", "300"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Wed 29 Oct 2025, Asia/Tokyo (JST) — from Tokyo to APEC venue, Gyeongju"))
        #expect(
            first.stdout.contains(
                "  14:00–15:00 KST  Address to the APEC business leaders' gathering — APEC venue, Gyeongju  [fixed]"))
        #expect(first.stdout.contains("  10:00–12:00 KST  Meeting with China's leader — Gimhae air base, Busan"))
        #expect(first.stdout.contains("Meetings placed: xi-meeting"))
        #expect(first.stdout.contains("Proven best: an exhaustive search found no itinerary that places more."))
        // A left-out meeting says what blocks it and by how much it misses at its best place.
        #expect(
            first.stdout.range(
                of:
                    #"clashes with Address to the APEC business leaders' gathering; at its best place \(\w{3} \d+ Oct 2025, Asia/\w+ \(\w+\)\) it misses by \d+"#,
                options: .regularExpression) != nil)
        #expect(
            first.stdout.contains(
                "  kim-meeting — Possible meeting with the DPRK leader: Panmunjom, Joint Security Area: "))
        #expect(first.stdout.contains("Recorded as event #42 on desk 'asia-trip'."))
        let again = try parley.run(["plan", "asia-2025", "--desk", "asia-trip", "--iterations", "300", "--seed", "9"])
        #expect(again.stdout.contains("Recorded as event #43"))
        let days = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("  ") } }
        #expect(days(again.stdout) == days(first.stdout))
        let export = try parley.run(["export", "--desk", "asia-trip"])
        #expect(export.stdout.contains("itineraries:\n  - trip: asia-2025"))
    }

    @Test("plan names an unknown trip")
    func unknownTrip() throws {
        let outcome = try ParleyProcess().run(["plan", "hanoi-2019", "--demo", "--desk", "asia-trip"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "parley: trip: no trip with id 'hanoi-2019' on this desk\n")
    }
}

@Suite("Command line: bench")
struct BenchCommandTests {
    @Test("bench planner prints each case with its gap and a summary per class, per m and overall")
    func benchPlanner() throws {
        let parley = try ParleyProcess()
        let folder = parley.folder.appendingPathComponent("toptw")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("instances"), withIntermediateDirectories: true)
        try """
        4 10 3 1
        0 200
          0 40.00 50.00 0.00 0.00 0 0 0 300
          1 45.00 68.00 10.00 10.00 1 1 1 0 200
          2 45.00 70.00 10.00 30.00 1 1 1 0 200
          3 90.00 90.00 10.00 50.00 1 1 1 0 60
        """.write(to: folder.appendingPathComponent("instances/r150.txt"), atomically: true, encoding: .utf8)
        try "instance,m,bks,source\r\nr150,1,40,hand\r\nr150,2,40,hand\r\n".write(
            to: folder.appendingPathComponent("bks.csv"), atomically: true, encoding: .utf8)
        let outcome = try parley.run(
            ["bench", "planner", folder.path, "--iterations", "50", "--m", "1,2", "--csv", "out.csv"], database: false)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = outcome.stdout.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true)
        }
        // Customer 3 closes before anyone can reach it: 40 is the optimum with one tour or two.
        #expect(rows.contains { $0.prefix(5) == ["r150", "1", "40", "40", "0.00"] })
        #expect(rows.contains { $0.prefix(5) == ["r150", "2", "40", "40", "0.00"] })
        #expect(outcome.stdout.contains("r1       cases   2  mean gap  0.00%"))
        #expect(outcome.stdout.contains("m=2      cases   1"))
        #expect(
            outcome.stdout.contains("all      cases   2  mean gap  0.00%  worst  0.00%  above bks  0  infeasible 0"))
        let csv = try String(contentsOf: parley.folder.appendingPathComponent("out.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("instance,m,score,bks,gap_percent,seconds,feasible\nr150,1,40,40,0.0000,"))
    }

    @Test("bench planner needs exactly one of --seconds and --iterations")
    func limits() throws {
        let outcome = try ParleyProcess().run(["bench", "planner", "/nowhere"], database: false)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("give exactly one of --seconds and --iterations"))
    }
}

@Suite("Command line: people")
struct UserCommandTests {
    @Test("user add reads the password from standard input, never from an argument; list and role follow")
    func addListRole() throws {
        let parley = try ParleyProcess()
        let add = try parley.run(["user", "add", "ana", "--role", "officer"], input: "a long enough secret\n")
        #expect(add.status == 0)
        #expect(add.stdout == "ana can sign in as officer\n")
        #expect(try parley.run(["user", "list"]).stdout == "ana  officer\n")
        #expect(try parley.run(["user", "role", "ana", "admin"]).status == 0)
        #expect(try parley.run(["user", "list"]).stdout == "ana  admin\n")
        #expect(try parley.run(["user", "revoke", "ana"]).stdout == "0 sessions of ana ended\n")
        #expect(
            try parley.run(["user", "password", "ana"], input: "another long secret\n").stdout
                == "ana's password is changed; their sessions have ended\n")
        #expect(try parley.run(["user", "revoke", "nobody"]).stderr == "parley: name: no account named 'nobody'\n")
        // There is no way to pass a password as an argument.
        let argument = try parley.run(["user", "add", "bo", "--role", "viewer", "--password", "a long enough secret"])
        #expect(argument.status == 1)
        #expect(argument.stderr.contains("--password"))
        // The hash is in the log; the password is not.
        let database = try String(contentsOfFile: parley.database, encoding: .isoLatin1)
        #expect(!database.contains("a long enough secret"))
        #expect(database.contains("scrypt$"))
    }

    @Test("a short password or a name taken is refused with the reason, exit status 1")
    func refusals() throws {
        let parley = try ParleyProcess()
        for (name, password, message) in [
            ("ana", "short", "password: expected at least 12 characters"),
            ("9lives", "a long enough secret", "name: expected letters"),
        ] {
            let refused = try parley.run(["user", "add", name, "--role", "viewer"], input: password + "\n")
            #expect(refused.status == 1)
            #expect(refused.stderr.contains(message))
        }
    }
}

@Suite("Command line: compartments")
struct CompartmentCommandTests {
    @Test("compartment create, add, remove and list; refusals name the field, exit status 1")
    func createAddRemoveList() throws {
        let parley = try ParleyProcess()
        #expect(
            try parley.run(["user", "add", "ana", "--role", "officer"], input: "a long enough secret\n").status == 0)
        #expect(
            try parley.run(["compartment", "list"]).stdout
                == "no compartments; create one with `parley compartment create ID --title TEXT`\n")
        let create = try parley.run(["compartment", "create", "envoys", "--title", "Envoy traffic"])
        #expect(create.status == 0, "\(create.stderr)")
        #expect(try parley.run(["compartment", "add", "envoys", "ana"]).stdout == "ana is a member of envoys\n")
        #expect(try parley.run(["compartment", "list"]).stdout == "envoys  Envoy traffic  members: ana\n")
        #expect(try parley.run(["compartment", "remove", "envoys", "ana"]).status == 0)
        #expect(try parley.run(["compartment", "list"]).stdout == "envoys  Envoy traffic  members: none\n")
        for (arguments, message) in [
            (["create", "envoys", "--title", "again"], "parley: compartment: 'envoys' already exists\n"),
            (["create", "Not An Id", "--title", "x"], "parley: compartment: expected an id of lower-case letters"),
            (["add", "envoys", "nobody"], "parley: name: no account named 'nobody'\n"),
            (["add", "nowhere", "ana"], "parley: compartment: no compartment named 'nowhere'\n"),
        ] {
            let refused = try parley.run(["compartment"] + arguments)
            #expect(refused.status == 1, "\(arguments)")
            #expect(refused.stderr.hasPrefix(message), "\(arguments): \(refused.stderr)")
        }
        #expect(try parley.run(["verify"]).stdout.contains("~accounts: ok, 4 events"))
    }
}
