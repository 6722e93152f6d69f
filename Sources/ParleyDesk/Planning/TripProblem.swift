import Foundation
import ParleyPlanner

/// A trip translated into a planner problem, with what is needed to translate the answer back.
///
/// Each calendar day of the trip (in the zone of the first stay) is a tour from the lodging of the
/// morning to the lodging of the night, between 07:00 and 23:00 and within the stays. Fixed commitments
/// are pinned; candidate meetings are items, one per candidate venue, as alternatives. Times are
/// minutes after the first day's start. See docs/adr/0007-trip-planning.md.
public struct TripProblem: Sendable {
    /// The trip.
    public let trip: Trip
    /// The planner's problem.
    public let problem: PlanningProblem
    /// Each tour's day: its start instant, label, and where it starts and ends.
    public let days: [TripDay]
    /// What each planner item stands for.
    public let items: [ItemSource]
    /// Candidate meetings that could not become items at all (no venue, no window), with the reason.
    public let unplannable: [LeftOutMeeting]
    /// The instant that time 0 stands for.
    public let reference: Date

    /// One day of the trip.
    public struct TripDay: Sendable, Equatable {
        /// The day's date as people read it, with its zone (`Wed 29 Oct 2025, Asia/Seoul`).
        public let label: String
        /// Where the day starts and ends.
        public let startVenue: Venue.ID
        /// Where the night is spent.
        public let endVenue: Venue.ID
        /// The day's working span.
        public let span: TimeWindow
    }

    /// What one planner item stands for.
    public struct ItemSource: Sendable, Equatable {
        /// A commitment or a meeting.
        public let kind: PlannedVisit.Kind
        /// Its id.
        public let ref: String
        /// Its title.
        public let title: String
        /// The venue of this alternative.
        public let venue: Venue.ID
    }

    /// Builds the problem for `tripID` on `state`'s desk.
    /// - Throws: `DeskError` when the trip is unknown or has no stays.
    public init(trip tripID: Trip.ID, in state: DeskState, model: TravelModel = .standard) throws(DeskError) {
        guard let trip = state.trips[tripID] else {
            throw .unknownReference(field: "trip", kind: "trip", id: tripID.rawValue)
        }
        let stays = trip.stays.sorted { $0.period.from.instant < $1.period.from.instant }
        guard let first = stays.first, let last = stays.last else {
            throw .invalidValue(field: "stays", expected: "at least one stay to plan from", found: "none")
        }
        self.trip = trip
        let zone = state.venues[first.venue]?.zone ?? state.zone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone.timeZone
        let tripStart = first.period.from.instant
        let tripEnd = last.period.to.instant

        // Days: 07:00–23:00 local, clipped to the stays.
        var days: [TripDay] = []
        var day = calendar.startOfDay(for: tripStart)
        while day < tripEnd {
            let open = max(calendar.date(byAdding: .hour, value: 7, to: day)!, tripStart)
            let close = min(calendar.date(byAdding: .hour, value: 23, to: day)!, tripEnd)
            if open < close {
                let morning = stays.last { $0.period.from.instant <= open } ?? first
                let night = stays.last { $0.period.from.instant < close } ?? morning
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = zone.timeZone
                formatter.dateFormat = "EEE d MMM yyyy"
                days.append(
                    TripDay(
                        label: "\(formatter.string(from: day)), \(zone)", startVenue: morning.venue,
                        endVenue: night.venue,
                        span: TimeWindow(from: ZonedTime(open, zone: zone), to: ZonedTime(close, zone: zone))))
            }
            day = calendar.date(byAdding: .day, value: 1, to: day)!
        }
        let reference = days.first?.span.from.instant ?? tripStart
        func minutes(_ instant: Date) -> Double { (instant.timeIntervalSince(reference) / 60).rounded() }

        // Locations: every venue on the desk, by id.
        let venues = state.venues.values.sorted { $0.id < $1.id }
        let index = Dictionary(uniqueKeysWithValues: venues.enumerated().map { ($1.id, $0) })
        let travel = venues.map { from in venues.map { to in Double(model.minutes(from: from, to: to, in: state)) } }
        let tours = days.map { day in
            Tour(
                start: index[day.startVenue]!, end: index[day.endVenue]!, earliestStart: minutes(day.span.from.instant),
                latestEnd: minutes(day.span.to.instant))
        }

        var items: [PlanItem] = []
        var sources: [ItemSource] = []
        for commitment in trip.commitments {
            let start = minutes(commitment.period.from.instant)
            let tour = tours.firstIndex { $0.earliestStart <= start && start <= $0.latestEnd }
            items.append(
                PlanItem(
                    location: index[commitment.venue]!, duration: minutes(commitment.period.to.instant) - start,
                    score: 0, windows: [start...start], mandatory: true, pin: tour.map { ($0, start) }))
            sources.append(
                ItemSource(
                    kind: .commitment, ref: commitment.id.rawValue, title: commitment.title, venue: commitment.venue))
        }
        var unplannable: [LeftOutMeeting] = []
        let open: Set<EngagementState> = [.held, .declined, .postponed, .abandoned]
        let candidates = state.engagements.values.filter { $0.trip == tripID && !open.contains($0.state) }
            .sorted { ($0.priority, $0.id) < ($1.priority, $1.id) }
        for (group, engagement) in candidates.enumerated() {
            let length = Double(engagement.duration.value)
            let spans =
                engagement.windows.isEmpty
                ? [TimeWindow(from: ZonedTime(tripStart, zone: zone), to: ZonedTime(tripEnd, zone: zone))]
                : engagement.windows
            let windows = spans.compactMap { span -> ClosedRange<Double>? in
                let from = minutes(span.from.instant)
                let latest = minutes(span.to.instant) - length
                return from <= latest ? from...latest : nil
            }
            guard !engagement.venues.isEmpty, !windows.isEmpty else {
                let reason =
                    engagement.venues.isEmpty
                    ? "no candidate venue" : "no window long enough for a \(engagement.duration) meeting"
                unplannable.append(LeftOutMeeting(engagement: engagement.id, reason: reason))
                continue
            }
            // A confirmed meeting must happen: at its preferred venue.
            let confirmed = engagement.state == .confirmed
            for venue in confirmed ? [engagement.venues[0]] : engagement.venues {
                items.append(
                    PlanItem(
                        location: index[venue]!, duration: length, score: Double(6 - engagement.priority) * 10,
                        windows: windows, mandatory: confirmed, group: group))
                sources.append(
                    ItemSource(kind: .engagement, ref: engagement.id.rawValue, title: engagement.title, venue: venue))
            }
        }
        self.problem = PlanningProblem(tours: tours, items: items, travel: travel)
        self.days = days
        self.items = sources
        self.unplannable = unplannable
        self.reference = reference
    }
}
