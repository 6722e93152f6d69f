import ArgumentParser
import Foundation
import ParleyDesk
import ParleyStore

/// `parley record …`: keep a desk from a terminal, as the browser and the API do — the same inputs, the
/// same rules, entries dated now unless `--at` says otherwise (a time in the future is refused; a late
/// entry is marked as learned now).
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract:
            "Record what happens on a desk: a move, a message from their side, an attempt, a slot, a deadline; "
            + "take back a mistaken entry.",
        subcommands: [
            RecordMove.self, RecordMessage.self, RecordAttempt.self, RecordSlot.self, RecordDeadline.self,
            RecordRetraction.self,
        ])
}

/// What every `parley record` subcommand shares: where the desk is, which desk, who records.
struct RecordOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @OptionGroup var deskOption: DeskOption

    @Option(help: "Who records it (default: the login name).")
    var actor: String?

    /// Decides the command that `input` builds on the desk and records it as someone recording live;
    /// prints one line per event written.
    func record(_ input: @escaping @Sendable (DeskState, Date) throws -> DeskCommand) async throws {
        let actor = self.actor ?? ProcessInfo.processInfo.environment["USER"] ?? "command line"
        try await store.withLedger { ledger in
            let desk = try await deskOption.resolve(in: ledger.store)
            let (state, _) = try await ledger.load(desk)
            let now = InstantText.rounded(Date())
            let outcome = try await ledger.write(
                try input(state, now), on: desk, actor: actor, sealingCompartmentIDs: true, live: true)
            for event in outcome.events {
                print("\(desk) #\(event.sequence) \((try? event.decoded().summary) ?? event.type)")
            }
        }
    }
}

/// `parley record move ENGAGEMENT --to STATE --reason WHY`.
struct RecordMove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move an engagement: a step, a jump, an exit or a revival.")

    @OptionGroup var options: RecordOptions
    @Argument(help: "The engagement's id.") var engagement: String
    @Option(
        help:
            "The state to move to (idea, exploring, outreach, in-contact, planning, proposed, confirmed, held, declined, postponed, abandoned)."
    )
    var to: String
    @Option(help: "Why.") var reason: String
    @Option(help: "Who decided or reported it (default: the recorder).") var by: String?
    @Option(help: "When (default: now), e.g. '2019-06-30 10:00 Asia/Seoul'.") var at: String?
    @Option(help: "With --to confirmed: the agreed start.") var slotStart: String?
    @Option(help: "With --slot-start: how long (default: the engagement's duration).") var slotDuration: String?
    @Option(help: "With --slot-start: where (default: the engagement's preferred venue).") var slotVenue: String?

    func run() async throws {
        let input = MoveInput(
            to: to, at: at, by: by ?? options.actor ?? "command line", reason: reason,
            slot: slotStart.map { SlotInput.Terms(start: $0, duration: slotDuration, venue: slotVenue) })
        let id = Engagement.ID(engagement)
        try await options.record { state, now in try input.command(id, on: state, now: now) }
    }
}

/// `parley record message --from PARTY --summary TEXT --stance STANCE`.
struct RecordMessage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "message", abstract: "Record a message from the other side or an intermediary.")

    @OptionGroup var options: RecordOptions
    @Option(help: "The party that sent it.") var from: String
    @Option(help: "What it says.") var summary: String
    @Option(help: "Their stance (favourable, open, conditional, neutral, skeptical, opposed).") var stance: String
    @Option(help: "The engagement it concerns.") var engagement: String?
    @Option(help: "The channel it came on.") var channel: String?
    @Option(help: "When (default: now).") var at: String?
    @Option(help: "A short quote.") var quote: String?
    @Option(help: "What it asks of us.") var asks: String?
    @Option(help: "An id (default: made up).") var id: String?

    func run() async throws {
        let input = MessageInput(
            id: id, engagement: engagement, channel: channel, from: from, at: at, summary: summary, quote: quote,
            stance: stance, asks: asks)
        let newID = "message-" + UUID().uuidString.lowercased().prefix(8)
        try await options.record { state, now in try input.command(on: state, now: now, newID: newID) }
    }
}

/// `parley record attempt --channel CHANNEL --outcome OUTCOME`.
struct RecordAttempt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attempt", abstract: "Record a contact attempt of ours and what came of it.")

    @OptionGroup var options: RecordOptions
    @Option(help: "The channel used.") var channel: String
    @Option(help: "What came of it (unanswered, delivered, acknowledged, replied, refused).") var outcome: String
    @Option(help: "The engagement it was for.") var engagement: String?
    @Option(help: "When (default: now).") var at: String?
    @Option(help: "What was said or happened.") var note: String?
    @Option(help: "An id (default: made up).") var id: String?

    func run() async throws {
        let input = AttemptInput(
            id: id, channel: channel, engagement: engagement, at: at, outcome: outcome, note: note ?? "")
        let newID = "attempt-" + UUID().uuidString.lowercased().prefix(8)
        try await options.record { state, now in try input.command(on: state, now: now, newID: newID) }
    }
}

/// `parley record slot ENGAGEMENT --start TIME`.
struct RecordSlot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slot", abstract: "Record (or change) when and where both sides agreed to meet.")

    @OptionGroup var options: RecordOptions
    @Argument(help: "The engagement's id.") var engagement: String
    @Option(help: "When the meeting starts.") var start: String
    @Option(help: "How long (default: the engagement's duration).") var duration: String?
    @Option(help: "Where (default: the engagement's preferred venue).") var venue: String?
    @Option(help: "When it was agreed (default: now).") var at: String?

    func run() async throws {
        let input = SlotInput(start: start, duration: duration, venue: venue, at: at)
        let id = Engagement.ID(engagement)
        try await options.record { state, now in try input.command(id, on: state, now: now) }
    }
}

/// `parley record deadline DEADLINE --status met|missed|waived`.
struct RecordDeadline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline", abstract: "Mark a deadline met, missed or waived.")

    @OptionGroup var options: RecordOptions
    @Argument(help: "The deadline's id.") var deadline: String
    @Option(help: "met, missed or waived.") var status: String
    @Option(help: "When (default: now).") var at: String?
    @Option(help: "A note.") var note: String?

    func run() async throws {
        let input = ResolutionInput(status: status, at: at, note: note)
        let id = Deadline.ID(deadline)
        try await options.record { state, now in try input.command(id, on: state, now: now) }
    }
}

/// `parley record retract ENTRY --reason WHY`.
struct RecordRetraction: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract",
        abstract: "Take back a mistaken entry, by its number on `parley timeline`; the log keeps both.")

    @OptionGroup var options: RecordOptions
    @Argument(help: "The entry's number (the # on `parley timeline`).") var entry: Int64
    @Option(help: "Why it is taken back.") var reason: String
    @Option(help: "When (default: now).") var at: String?

    func run() async throws {
        let input = RetractionInput(reason: reason, at: at)
        let entry = self.entry
        try await options.record { state, now in try input.command(entry, on: state, now: now) }
    }
}
