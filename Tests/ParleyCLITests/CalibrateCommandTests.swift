import Foundation
import Testing

/// `parley calibrate` and the clearer `parley assess` of issue 17.
@Suite("parley calibrate and assess")
struct CalibrateCommandTests {
    /// The repository's corpus directory.
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus/cases").path

    @Test("the corpus is scored with its reliability table; --fit reports before and after and writes the weights file")
    func calibrateTheCorpus() throws {
        let parley = try ParleyProcess()
        let report = try parley.run(["calibrate", Self.corpus], database: false)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.hasPrefix("corpus: "))
        #expect(report.stdout.contains("shipped weights: Brier "))
        #expect(report.stdout.contains("reliability (predicted → observed):"))
        #expect(report.stdout.contains("dmz-2019.yaml 2019-06-29 15:30 KST"))
        let weights = parley.folder.appendingPathComponent("Weights.swift").path
        let fitted = try parley.run(["calibrate", Self.corpus, "--fit", "--write", weights], database: false)
        #expect(fitted.status == 0, "\(fitted.stderr)")
        #expect(fitted.stdout.contains("hand-set weights: Brier "))
        #expect(fitted.stdout.contains("fitted weights: Brier "))
        let file = try String(contentsOfFile: weights, encoding: .utf8)
        #expect(file.contains("public static let shipped = AssessmentWeights("))
        let json = try parley.run(["calibrate", Self.corpus, "--json"], database: false)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((decoded?["cases"] as? Int ?? 0) >= 1)
    }

    @Test("--shrinkage reaches the fit and each left-out fit; a bad strength or one without --fit is refused")
    func shrinkage() throws {
        let parley = try ParleyProcess()
        let report = try parley.run(["calibrate", Self.corpus], database: false)
        #expect(report.stdout.contains("the base rate of the other cases, each case left out: Brier "))
        #expect(report.stdout.contains("held ranked above never held "))
        // Pulled hard enough, every fit is the hand-set weights: the left-out score is the hand-set one.
        let tight = try parley.run(
            ["calibrate", Self.corpus, "--fit", "--shrinkage", "1000000", "--json"], database: false)
        #expect(tight.status == 0, "\(tight.stderr)")
        let runs = try #require(
            (try JSONSerialization.jsonObject(with: Data(tight.stdout.utf8)) as? [String: Any])?["runs"]
                as? [[String: Any]])
        #expect(runs.map { $0["label"] as? String } == ["hand-set", "shipped", "fitted (shrinkage 1000000.0)"])
        func brier(_ run: [String: Any], _ key: String) -> Double {
            (run[key] as? [String: Any])?["brier"] as? Double ?? -1
        }
        #expect(abs(brier(runs[2], "leaveOneCaseOut") - brier(runs[0], "inSample")) < 0.002)
        for (arguments, message) in [
            (["--fit", "--shrinkage", "0"], "--shrinkage must be a number above 0 and at most 1000000, not 0.0"),
            (["--fit", "--shrinkage=-1"], "--shrinkage must be a number above 0 and at most 1000000, not -1.0"),
            (["--fit", "--shrinkage", "inf"], "--shrinkage must be a number above 0 and at most 1000000, not inf"),
            (["--shrinkage", "2"], "--shrinkage needs --fit"),
        ] {
            let refused = try parley.run(["calibrate", Self.corpus] + arguments, database: false)
            #expect(refused.status != 0)
            #expect(refused.stderr == "parley: \(message)\n", "\(arguments)")
        }
    }

    @Test("a corpus file without a case section fails in one line naming it")
    func withoutCase() throws {
        let parley = try ParleyProcess()
        let directory = parley.folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let text = """
            desk:
              name: t
              title: "T"
              zone: UTC
              opened: 2020-01-01 09:00
            """
        try text.write(to: directory.appendingPathComponent("bare.yaml"), atomically: true, encoding: .utf8)
        let outcome = try parley.run(["calibrate", directory.path], database: false)
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr
                == "parley: bare.yaml: no case: section (engagement, outcome, settled_at, moments, sources): a corpus file needs its outcome\n"
        )
    }

    @Test("assess: an unknown engagement and one not yet open are refused in one line; a held one reads held")
    func assessErrors() throws {
        let parley = try ParleyProcess()
        #expect(try parley.run(["verify", "--demo"]).status == 0)
        let unknown = try parley.run(["assess", "nowhere"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "parley: no engagement with id 'nowhere' on any desk\n")
        let early = try parley.run(["assess", "dmz-handshake", "--as-of", "2019-06-01 09:00 Asia/Seoul"])
        #expect(early.status == 1)
        #expect(
            early.stderr.hasPrefix(
                "parley: engagement 'dmz-handshake' on desk 'dmz-2019' was not open as of 2019-06-01 09:00 KST"))
        let held = try parley.run(["assess", "dmz-handshake", "--desk", "dmz-2019"])
        #expect(held.status == 0, "\(held.stderr)")
        #expect(held.stdout.contains("Handshake") || held.stdout.contains("dmz-handshake"))
        #expect(held.stdout.contains(": held as of"))
        #expect(!held.stdout.contains("99.00"))
    }
}
