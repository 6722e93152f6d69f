/// Ids of things inside a compartment carry a part made by the server, so nobody outside can learn that
/// a hidden thing exists by guessing its id and being told "already exists" (docs/adr/0013).
extension DeskState {
    /// `command` with the id of what it creates extended by `-suffix` when that thing belongs to a
    /// compartment (an engagement in one, or an attempt, playbook, deadline, task, signal or message
    /// about one); other commands unchanged.
    ///
    /// `suffix` is random, made by the caller (the core makes up nothing); the id stays a valid slug.
    public func sealingCompartmentIDs(of command: DeskCommand, suffix: String) -> DeskCommand {
        func hidden(_ engagement: Engagement.ID?) -> Bool {
            engagement.flatMap { engagements[$0]?.compartment } != nil
        }
        func sealed<Subject>(_ id: Identifier<Subject>) -> Identifier<Subject> {
            Identifier(String(id.rawValue.prefix(64 - suffix.count - 1)) + "-" + suffix)
        }
        switch command {
        case .openEngagement(var engagement) where engagement.compartment != nil:
            engagement.id = sealed(engagement.id)
            return .openEngagement(engagement)
        case .recordContactAttempt(var attempt) where hidden(attempt.engagement):
            attempt.id = sealed(attempt.id)
            return .recordContactAttempt(attempt)
        case .definePlaybook(var playbook) where hidden(playbook.engagement):
            playbook.id = sealed(playbook.id)
            return .definePlaybook(playbook)
        case .setDeadline(var deadline) where hidden(deadline.engagement):
            deadline.id = sealed(deadline.id)
            return .setDeadline(deadline)
        case .recordSignal(var signal) where hidden(signal.engagement):
            signal.id = sealed(signal.id)
            return .recordSignal(signal)
        case .recordMessage(var message) where hidden(message.engagement):
            message.id = sealed(message.id)
            return .recordMessage(message)
        case .addAdvanceTasks(let added) where added.tasks.contains(where: { hidden($0.engagement) }):
            // Dependencies among the new tasks follow their renamed ids.
            let renamed = Dictionary(
                added.tasks.filter { hidden($0.engagement) }.map { ($0.id, sealed($0.id)) },
                uniquingKeysWith: { a, _ in a })
            return .addAdvanceTasks(
                AddAdvanceTasks(
                    tasks: added.tasks.map { task in
                        var task = task
                        task.id = renamed[task.id] ?? task.id
                        task.dependsOn = task.dependsOn.map { renamed[$0] ?? $0 }
                        return task
                    }))
        default:
            return command
        }
    }
}
