import Foundation

/// `EngagementOpened`, version 2: what a staff says when it records a possible meeting; its lifecycle
/// starts at `idea` and is told by `EngagementMoved` events, never by this one.
struct EngagementOpenedPayload: DeskPayload {
    static let type = "EngagementOpened"
    static let version = 2

    /// The engagement's id.
    var id: String
    /// Its title.
    var title: String
    /// The principals who would meet.
    var principals: [String]
    /// The other side.
    var counterpart: String
    /// Why meet.
    var purpose: String
    /// 1 is highest.
    var priority: Int
    /// The trip it would be part of, if any.
    var trip: String?
    /// How long the meeting takes, in minutes.
    var duration: Int
    /// Where it could be held.
    var venues: [String]
    /// When it could be held.
    var windows: [WireTimeWindow]
    /// When the desk first recorded it.
    var opened: WireZonedTime
    /// The compartment it is kept in, if any.
    var compartment: String?

    func fact() throws -> DeskEvent.Fact {
        .engagementOpened(
            Engagement(
                id: Engagement.ID(id), title: title, principals: principals.map { Principal.ID($0) },
                counterpart: Party.ID(counterpart), purpose: purpose, priority: priority,
                trip: trip.map { Trip.ID($0) },
                duration: Minutes(duration), venues: venues.map { Venue.ID($0) },
                windows: try windows.enumerated().map { index, window in
                    try window.value(field: "windows[\(index)]")
                },
                opened: try opened.value(field: "opened"), compartment: compartment.map { Compartment.ID($0) }))
    }
}

extension EngagementOpenedPayload {
    /// The payload of opening `engagement` (its state and history are not part of it).
    init(_ engagement: Engagement) {
        id = engagement.id.rawValue
        title = engagement.title
        principals = engagement.principals.map(\.rawValue)
        counterpart = engagement.counterpart.rawValue
        purpose = engagement.purpose
        priority = engagement.priority
        trip = engagement.trip?.rawValue
        duration = engagement.duration.value
        venues = engagement.venues.map(\.rawValue)
        windows = engagement.windows.map(WireTimeWindow.init)
        opened = WireZonedTime(engagement.opened)
        compartment = engagement.compartment?.rawValue
    }
}
