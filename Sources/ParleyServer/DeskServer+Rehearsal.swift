import Foundation
import Hummingbird
import Logging
import ParleyDesk

extension DeskServer {
    /// The most rehearsals one server runs at once: each desk's steps and timers cost every tick.
    static let mostRehearsals = 5

    /// Starts a rehearsal of the configured story from now at `speed` in a new desk for `actor`: records
    /// what is due at once (the desk's opening and set-up) and leaves the rest to the timers' ticks.
    /// - Returns: the new desk's name.
    /// - Throws: 404 when the server has no story to rehearse; 409 when `mostRehearsals` are running;
    ///   `DeskError` for a speed out of range; what the write path throws.
    func startRehearsal(speed: Double, actor: String) async throws -> String {
        guard let story = configuration.rehearsalStory else {
            throw HTTPError(.notFound, message: "this server has no story to rehearse")
        }
        guard await rehearsals.running < Self.mostRehearsals else {
            throw HTTPError(
                .conflict,
                message: "\(Self.mostRehearsals) rehearsals are running on this server already; "
                    + "start another when one ends")
        }
        let desks = Set(try await self.desks())
        var name = Rehearsal.deskPrefix + story.name
        var number = 2
        while desks.contains(name) {
            name = Rehearsal.deskPrefix + story.name + "-\(number)"
            number += 1
        }
        // Checked before anything uses it: an infinite speed must not reach `Int(_:)`.
        guard Rehearsal.speeds.contains(speed) else {
            throw DeskError.invalidValue(field: "speed", expected: "a speed from 1 to 600", found: "\(speed)")
        }
        let speedText = speed == speed.rounded() ? String(Int(speed)) : String(speed)
        let start = now
        let rehearsal = try Rehearsal(
            story: story.events, desk: name, title: "Rehearsal: \(story.title) (\(speedText)× speed)", from: start,
            speed: speed)
        let dueAtOnce = rehearsal.steps.prefix { $0.due <= start }
        for step in dueAtOnce {
            try await execute(
                step.event.command, on: name, actor: actor, expectedVersion: nil, as: .all, replaying: step.event)
        }
        await rehearsals.start(name, steps: Array(rehearsal.steps.dropFirst(dueAtOnce.count)))
        return name
    }

    /// Records every rehearsal step now due, as its story's author would have; a step the desk refuses
    /// (someone rehearsing changed what it depends on) is skipped, and said in the log.
    func advanceRehearsals(logger: Logger) async {
        for (desk, steps) in await rehearsals.takeDue(by: now) {
            for step in steps {
                do {
                    try await execute(
                        step.event.command, on: desk, actor: "rehearsal", expectedVersion: nil, as: .all,
                        replaying: step.event)
                } catch {
                    logger.notice(
                        "a rehearsal step was refused and skipped",
                        metadata: [
                            "parley.desk": "\(desk)", "parley.type": "\(step.event.type)", "parley.error": "\(error)",
                        ])
                }
            }
        }
    }
}
