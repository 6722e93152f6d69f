import Foundation

/// Everything a desk holds, as the fold of its events.
public struct DeskState: Sendable, Equatable {
    /// The desk's name, title and zone; nil until the desk is opened.
    public var profile: DeskProfile?
    /// Parties by id.
    public var parties: [Party.ID: Party] = [:]
    /// Principals by id.
    public var principals: [Principal.ID: Principal] = [:]
    /// Venues by id.
    public var venues: [Venue.ID: Venue] = [:]
    /// Trips by id.
    public var trips: [Trip.ID: Trip] = [:]
    /// Engagements by id.
    public var engagements: [Engagement.ID: Engagement] = [:]
    /// Channels by id.
    public var channels: [Channel.ID: Channel] = [:]
    /// Contact attempts by id.
    public var attempts: [ContactAttempt.ID: ContactAttempt] = [:]
    /// Playbooks by id.
    public var playbooks: [Playbook.ID: Playbook] = [:]
    /// Deadlines by id.
    public var deadlines: [Deadline.ID: Deadline] = [:]
    /// Advance tasks by id.
    public var tasks: [AdvanceTask.ID: AdvanceTask] = [:]
    /// Signals by id.
    public var signals: [Signal.ID: Signal] = [:]
    /// Messages from the other side, by id.
    public var messages: [InboundMessage.ID: InboundMessage] = [:]
    /// Known travel times, by `from>to`.
    public var travelOverrides: [String: TravelOverride] = [:]
    /// The latest itinerary of each trip.
    public var itineraries: [Trip.ID: Itinerary] = [:]
    /// The entries folded so far, and which were retracted (not part of what the desk is: see `DeskLog`).
    public internal(set) var log = DeskLog()

    /// An empty, unopened desk.
    public init() {}

    /// The state after every event in `events`, in order.
    public static func folding(_ events: some Sequence<DeskEvent>) -> DeskState {
        var state = DeskState()
        for event in events { state.append(event) }
        state.settle()
        return state
    }

    /// The zone times are shown in when they carry none; UTC before the desk is opened.
    public var zone: TimeZoneID { profile?.zone ?? .utc }

    /// The known travel time from one venue to another, if the staff set one.
    public func travelOverride(from: Venue.ID, to: Venue.ID) -> Minutes? {
        travelOverrides[Self.travelKey(from, to)]?.time
    }

    /// The key of a travel override.
    static func travelKey(_ from: Venue.ID, _ to: Venue.ID) -> String { "\(from)>\(to)" }

    /// Attempts on `channel`, newest first.
    public func attempts(on channel: Channel.ID) -> [ContactAttempt] {
        attempts.values.filter { $0.channel == channel }.sorted { ($0.at.instant, $0.id) > ($1.at.instant, $1.id) }
    }
}
