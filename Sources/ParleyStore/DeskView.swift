import Foundation
import ParleyDesk

/// A desk as one reader may see it: the whole desk, or the desk redacted for their clearance.
///
/// A redacted view numbers its events itself (1, 2, 3… over the events the reader may see), and that
/// count is the version the reader is shown, sends back as `expected_version`, and gets as live event
/// ids; so not even the number of hidden events shows. The real sequence of each visible event is kept
/// to translate back.
public struct DeskView: Sendable {
    /// The desk as the reader may know it.
    public let state: DeskState
    /// The reader's version: the number of events they may see.
    public let version: Int64
    /// The real version of the log this view was made from.
    public let realVersion: Int64
    /// Distinguishes renderings of different views at the same version ("" for the whole desk).
    public let key: String
    /// For a redacted view, the real sequence of each visible event, the event as shown, and the
    /// redaction as of the newest event.
    public let redacted: (sequences: [Int64], events: [DeskEvent], redaction: DeskRedaction)?

    /// Whether something is hidden from the reader.
    public var isRedacted: Bool { redacted != nil }

    /// The command as the reader could have meant it on the desk they see: an itinerary planned over the
    /// whole desk, without the meetings hidden from them.
    public func asSeen(_ command: DeskCommand) -> DeskCommand {
        guard let redacted, case .recordItinerary(let itinerary) = command else { return command }
        return .recordItinerary(redacted.redaction.redacted(itinerary))
    }

    /// The command as it must be decided on the whole desk `whole`: an advance task's new dependencies,
    /// which the reader gives as they see them, keep those on tasks hidden from the reader, which they
    /// could neither see nor mean to drop; a retraction names its entry by the log's number.
    public func keepingHiddenDependencies(_ command: DeskCommand, of whole: DeskState) -> DeskCommand {
        if case .retractEntry(var retraction) = command, let redacted, retraction.entry > 0,
            retraction.entry <= Int64(redacted.sequences.count)
        {
            // The reader names the entry by their number; the log, by its own.
            retraction.entry = realSequence(of: retraction.entry)
            return .retractEntry(retraction)
        }
        guard case .amendAdvanceTask(var amend) = command, let given = amend.dependsOn,
            let task = whole.tasks[amend.task]
        else { return command }
        let hidden = task.dependsOn.filter { state.tasks[$0] == nil && !given.contains($0) }
        amend.dependsOn = given + hidden
        return .amendAdvanceTask(amend)
    }

    /// Refuses, for a reader who does not see the whole desk, a retraction of an entry that is not about
    /// an engagement they see, or that they saw only in part.
    ///
    /// A shared record (a party, a venue, a channel, a trip) may be what hidden engagements rest on:
    /// whether its retraction is accepted would tell the reader so, and accepting it would take away what
    /// they cannot see. So would retracting an entry part of which was hidden from them (tasks added
    /// together for several engagements). Someone cleared for the whole desk retracts those.
    /// - Throws: `DeskError.invalidValue` on `entry`, the same for every such entry.
    public func requireRetractable(_ command: DeskCommand, of whole: DeskState) throws(DeskError) {
        guard let redacted, case .retractEntry(let retraction) = command, retraction.entry > 0,
            retraction.entry <= Int64(redacted.events.count)
        else { return }
        let shown = redacted.events[Int(retraction.entry) - 1]
        let aboutAnEngagement: Bool
        switch shown.fact {
        case .deadlineResolved(let id, _, _, _), .deadlineMoved(let id, _, _, _), .deadlineAlarmRaised(let id, _):
            aboutAnEngagement = state.deadlines[id]?.engagement != nil
        case .advanceTaskUpdated(let id, _, _), .advanceTaskAmended(let id, _, _):
            aboutAnEngagement = state.tasks[id] != nil
        case .playbookStarted(let id, _), .playbookTryDue(let id, _), .playbookStopped(let id, _),
            .playbookAmended(let id, _, _, _):
            aboutAnEngagement = state.playbooks[id] != nil
        default:
            aboutAnEngagement = shown.engagement != nil
        }
        guard aboutAnEngagement, whole.log.event(realSequence(of: retraction.entry)) == shown else {
            throw .invalidValue(
                field: "entry",
                expected:
                    "an entry about an engagement you see, and all of it (shared records, and entries partly "
                    + "hidden from you, are retracted by someone cleared for the whole desk)",
                found: "entry \(retraction.entry)")
        }
    }

    /// Refuses, for a reader who does not see the whole desk, a change of a shared record that would move
    /// a meeting hidden from them: a trip's stays or commitments when the trip carries a hidden engagement,
    /// a venue's zone or coordinates, and travel times.
    ///
    /// A hidden meeting on a trip already shows to outsiders as a gap in its itinerary (ADR 0013), so
    /// refusing that trip's schedule tells them nothing new; a venue's place and zone are refused to every
    /// outsider alike, so the refusal never says which venue a hidden meeting uses. Names, titles and a
    /// channel's intermediary change nothing about when or where a hidden meeting happens.
    /// - Throws: `DeskError.invalidValue` naming the record's kind.
    public func requireAmendable(_ command: DeskCommand, of whole: DeskState) throws(DeskError) {
        guard redacted != nil else { return }
        let (kind, field): (String, String)
        switch command {
        case .amendTrip(let amend):
            guard let trip = whole.trips[amend.trip],
                (amend.stays.map { $0 != trip.stays } ?? false)
                    || (amend.commitments.map { $0 != trip.commitments } ?? false),
                whole.engagements.values.contains(where: { $0.trip == trip.id && state.engagements[$0.id] == nil })
            else { return }
            (kind, field) = ("this trip's stays and commitments", "stays")
        case .setTravelTime:
            // A leg between venues a hidden meeting may use moves it as a venue's place would.
            (kind, field) = ("travel times", "time")
        case .amendRecord(let amend):
            guard case .venue(let venue) = amend.change, let before = whole.venues[venue.id],
                before.zone != venue.zone || before.coordinates != venue.coordinates
            else { return }
            (kind, field) = ("this venue's zone and coordinates", "zone")
        default: return
        }
        throw .invalidValue(
            field: field,
            expected:
                "a change made by someone cleared for the whole desk (\(kind) are shared with engagements in "
                + "compartments you are not in)",
            found: "a change of \(kind)")
    }

    /// A dependency cycle as the reader may be told of it: one through tasks hidden from them is refused
    /// without naming those tasks.
    public func hidingUnseen(_ cycle: [AdvanceTask.ID]) -> DeskError {
        guard cycle.contains(where: { state.tasks[$0] == nil }) else { return .dependencyCycle(cycle) }
        return .invalidValue(
            field: "depends_on", expected: "tasks that do not, through other tasks, wait for this one",
            found: cycle.filter { state.tasks[$0] != nil }.map(\.rawValue).joined(separator: ", "))
    }

    /// The reader's number for the event at real `sequence`, or nil when it is hidden from them.
    public func viewerSequence(of sequence: Int64) -> Int64? {
        guard let redacted else { return sequence <= version ? sequence : nil }
        var low = 0
        var high = redacted.sequences.count
        while low < high {
            let middle = (low + high) / 2
            if redacted.sequences[middle] < sequence { low = middle + 1 } else { high = middle }
        }
        return low < redacted.sequences.count && redacted.sequences[low] == sequence ? Int64(low + 1) : nil
    }

    /// The real sequence of the reader's event number `viewer` (0 for before the first).
    public func realSequence(of viewer: Int64) -> Int64 {
        guard let redacted, viewer > 0 else { return viewer }
        return redacted.sequences[Int(min(viewer, Int64(redacted.sequences.count))) - 1]
    }

    /// The events the reader may see, numbered as they see them, oldest first.
    public func entries(from store: any EventStore, desk: String) async throws -> [(sequence: Int64, event: DeskEvent)]
    {
        if let redacted {
            return redacted.events.enumerated().map { (Int64($0.offset + 1), $0.element) }
        }
        return try await store.read(desk: desk, from: 1).prefix { $0.sequence <= version }.map {
            (sequence: $0.sequence, event: try $0.decoded())
        }
    }

    /// The event the reader sees for the stored one, or nil when it is hidden from them.
    public func shown(_ stored: StoredEvent) throws -> (sequence: Int64, event: DeskEvent)? {
        guard let sequence = viewerSequence(of: stored.sequence) else { return nil }
        if let redacted { return (sequence, redacted.events[Int(sequence) - 1]) }
        return (sequence, try stored.decoded())
    }
}
