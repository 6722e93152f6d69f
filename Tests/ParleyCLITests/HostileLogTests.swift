import Foundation
import ParleyDesk
import ParleyStore
import ParleyTestSupport
import Testing

/// A log written before input was bounded may hold values no schedule can use; the command line reads
/// it without trapping and says what it left out (issue 12, item 1).
@Suite("Hostile logs on the command line")
struct HostileLogTests {
    @Test("two advance tasks of Int.max minutes: assess, readiness, status and verify answer, and readiness names them")
    func hugeTasks() async throws {
        let parley = try ParleyProcess()
        #expect(try parley.run(["verify", "--demo"]).status == 0)
        let tasks = ["huge-a", "huge-b"].map { id in
            var task = AdvanceTask(
                id: AdvanceTask.ID(id), title: "Endless \(id)", kind: .siteSurvey, engagement: "kim-meeting",
                venue: "panmunjom", duration: Minutes(Int.max), leadTime: Minutes(Int.max), dependsOn: [])
            task.status = .pending
            return task
        }
        // Appended behind decide's back, as an older version could have.
        let event = DeskEvent(at: Date(timeIntervalSince1970: 1_761_000_000), .advanceTasksAdded(tasks))
        try await parley.withStore { store in
            let version = try await store.version(of: "asia-trip")
            _ = try await store.append(
                [try PendingEvent(event, id: UUID(), actor: "old-version", recordedAt: Date())], to: "asia-trip",
                expectedVersion: version)
        }
        let readiness = try parley.run(["readiness", "kim-meeting", "--desk", "asia-trip", "--now", "2025-10-20 09:00"])
        #expect(readiness.status == 0, "\(readiness.stderr)")
        #expect(readiness.stdout.contains("huge-a: left out"), "\(readiness.stdout)")
        let assess = try parley.run(["assess", "--desk", "asia-trip", "--as-of", "2025-10-25 09:00"])
        #expect(assess.status == 0, "\(assess.stderr)")
        #expect(assess.stdout.contains("invalid"), "\(assess.stdout)")
        #expect(try parley.run(["status", "--desk", "asia-trip"]).status == 0)
        #expect(try parley.run(["verify"]).status == 0)
        #expect(try parley.run(["export", "--desk", "asia-trip", "-o", "out.yaml"]).status != 2)
    }
}
