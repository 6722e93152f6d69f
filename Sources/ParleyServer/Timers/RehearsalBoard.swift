import Foundation
import ParleyDesk

/// The rehearsals this server is running: for each rehearsal desk, the story's steps not yet recorded.
///
/// Held in memory: the steps come from the story, not from the log, so a restart ends a rehearsal where
/// it stood (the desk keeps what was recorded; a new rehearsal starts from the beginning).
actor RehearsalBoard {
    private var pending: [String: [Rehearsal.Step]] = [:]

    /// Starts running `steps` (in order) on `desk`.
    func start(_ desk: String, steps: [Rehearsal.Step]) {
        pending[desk] = steps.sorted { $0.due < $1.due }
    }

    /// Takes every step due by `now`, per desk, in order; a desk with nothing left stops running.
    func takeDue(by now: Date) -> [(desk: String, steps: [Rehearsal.Step])] {
        var due: [(desk: String, steps: [Rehearsal.Step])] = []
        for (desk, steps) in pending {
            let ready = steps.prefix { $0.due <= now }
            guard !ready.isEmpty else { continue }
            due.append((desk, Array(ready)))
            let rest = Array(steps.dropFirst(ready.count))
            pending[desk] = rest.isEmpty ? nil : rest
        }
        return due.sorted { $0.desk < $1.desk }
    }

    /// How many rehearsals are running.
    var running: Int { pending.count }

    /// How many steps `desk` has left, and when the next is due; nil when it runs no rehearsal.
    func progress(of desk: String) -> (left: Int, next: Date)? {
        pending[desk].flatMap { steps in steps.first.map { (steps.count, $0.due) } }
    }
}
