import Foundation

/// What a person supplies to open an engagement (`POST /engagements`): who meets whom, for how long,
/// where and when it could happen; it starts as an idea.
public struct EngagementInput: Decodable, Sendable, Equatable {
    /// Its id; made from the title when missing.
    public var id: String?
    /// Its title.
    public var title: String
    /// Our principals who would meet.
    public var principals: [String]
    /// The other side.
    public var counterpart: String
    /// What it is for.
    public var purpose: String?
    /// 1 (highest) to 5 (lowest); 3 when missing.
    public var priority: Int?
    /// The trip it belongs to, if any.
    public var trip: String?
    /// How long the meeting takes (`1h30m`).
    public var duration: String
    /// Candidate venues, preferred first.
    public var venues: [String]?
    /// When it could happen.
    public var windows: [WindowInput]?
    /// The compartment that keeps it from everyone else, if any.
    public var compartment: String?
    /// When it was opened; now when missing.
    public var opened: String?

    /// The input as typed.
    public init(
        id: String? = nil, title: String, principals: [String], counterpart: String, purpose: String? = nil,
        priority: Int? = nil, trip: String? = nil, duration: String, venues: [String]? = nil,
        windows: [WindowInput]? = nil, compartment: String? = nil, opened: String? = nil
    ) {
        self.id = id
        self.title = title
        self.principals = principals
        self.counterpart = counterpart
        self.purpose = purpose
        self.priority = priority
        self.trip = trip
        self.duration = duration
        self.venues = venues
        self.windows = windows
        self.compartment = compartment
        self.opened = opened
    }

    /// The command it asks for on `state` at `now`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(on state: DeskState, now: Date) throws(DeskError) -> DeskCommand {
        let id = try InputText.newID(id, from: title) { state.engagements[Engagement.ID($0)] != nil }
        try InputText.requireCount(windows?.count ?? 0, field: "windows")
        var parsed: [TimeWindow] = []
        for (index, window) in (windows ?? []).enumerated() {
            parsed.append(try window.window(on: state, field: "windows[\(index)]"))
        }
        let engagement = Engagement(
            id: Engagement.ID(id), title: title, principals: principals.map { Principal.ID($0) },
            counterpart: Party.ID(counterpart), purpose: purpose ?? "", priority: priority ?? 3,
            trip: InputText.optional(trip).map { Trip.ID($0) },
            duration: try Minutes.parse(duration, field: "duration"),
            venues: (venues ?? []).map { Venue.ID($0) }, windows: parsed,
            opened: try InputText.time(opened, field: "opened", on: state, now: now),
            compartment: InputText.optional(compartment).map { Compartment.ID($0) })
        return .openEngagement(OpenEngagement(engagement))
    }
}
