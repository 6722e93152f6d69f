import Foundation
import ParleyPlanner

/// A trip translated into a planner problem, with what is needed to translate the answer back.
///
/// Each day of the trip (in the zone of the stay the principal wakes in) is a tour from the lodging of
/// the morning to the lodging of the night, between 07:00 and 23:00 local and within the stays. Fixed commitments
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
    /// The venue each planner location stands for.
    public let locations: [Venue]
    /// What of the stored trip was left out of the problem, and why, in words for the trip's page: stays,
    /// commitments or venues no desk holds (only a log written before decide refused them can hold one),
    /// and the days past the longest trip a desk plans.
    public let ignored: [String]

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

    /// The most planner items (commitments and meeting alternatives) one trip gives the planner, so a
    /// stored trip with thousands of them cannot make one plan run for hours.
    static let mostItems = 5 * DeskLimits.maxItems

    /// Builds the problem for `tripID` on `state`'s desk.
    ///
    /// What no desk holds is left out and said in `ignored`, never trapped on: a trip longer than
    /// `DeskLimits.longestTrip` is planned over its first days only.
    /// - Throws: `DeskError` when the trip is unknown or has no stay to plan from.
    public init(trip tripID: Trip.ID, in state: DeskState, model: TravelModel = .standard) throws(DeskError) {
        guard let trip = state.trips[tripID] else {
            throw .unknownReference(field: "trip", kind: "trip", id: tripID.rawValue)
        }
        var ignored: [String] = []
        /// Why `id` cannot be a planner location, or nil when it can.
        func venueProblem(_ id: Venue.ID) -> String? {
            guard let venue = state.venues[id] else { return "venue \(id) is not on the desk" }
            guard let coordinates = venue.coordinates else { return nil }
            return DeskLimits.holds(coordinates) ? nil : "venue \(id) has coordinates off the earth"
        }
        func period(_ window: TimeWindow) -> String { "\(window.from.display) to \(window.to.display)" }

        var stays: [Stay] = []
        for (index, stay) in trip.stays.enumerated() {
            guard index < DeskLimits.maxItems else {
                ignored.append("only the first \(DeskLimits.maxItems) of \(trip.stays.count) stays are planned")
                break
            }
            if let problem = venueProblem(stay.venue) {
                ignored.append("stay \(index + 1) is left out: \(problem)")
            } else if stay.period.from.instant > stay.period.to.instant {
                ignored.append("stay \(index + 1) is left out: it ends before it starts (\(period(stay.period)))")
            } else {
                stays.append(stay)
            }
        }
        stays.sort { $0.period.from.instant < $1.period.from.instant }
        guard let first = stays.first, let last = stays.last else {
            throw .invalidValue(
                field: "stays", expected: "at least one stay to plan from",
                found: trip.stays.isEmpty ? "none" : ignored.joined(separator: "; "))
        }
        self.trip = trip
        let zone = state.venues[first.venue]?.zone ?? state.zone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone.timeZone
        let tripStart = first.period.from.instant
        var tripEnd = last.period.to.instant
        let clipped = tripEnd.timeIntervalSince(tripStart) > DeskLimits.longestTrip
        if clipped {
            // A stored stay of centuries would otherwise make a day, a tour and a row for each of its days.
            let days = Int(saturating: tripEnd.timeIntervalSince(tripStart) / 86_400)
            let longest = Int(DeskLimits.longestTrip / 86_400)
            ignored.append(
                "the trip spans \(days) days, an invalid length (at most \(longest)): only its first \(longest) "
                    + "days are planned")
            tripEnd = tripStart.addingTimeInterval(DeskLimits.longestTrip)
        }

        // Days: 07:00–23:00 in the zone of the stay the principal wakes in (a day spent in Korea is a
        // Korean day), clipped to the stays. Each day's date is that of its morning, eight hours after the
        // previous day's 23:00, in its own zone: crossing the date line westward skips a date and eastward
        // lives one twice, as the principal does; days never overlap, and each ends later than the last.
        var days: [TripDay] = []
        let gregorian = Calendar(identifier: .gregorian)
        var dayZone = zone
        var date = calendar.dateComponents([.year, .month, .day], from: tripStart)
        var previousClose = tripStart
        // Bounded twice over: the clipped span, and a count that a calendar quirk cannot stretch.
        let mostDays = Int(DeskLimits.longestTrip / 86_400) + 2
        for _ in 0..<mostDays {
            func local(_ hour: Int) -> Date? {
                var components = date
                components.hour = hour
                components.timeZone = dayZone.timeZone
                return gregorian.date(from: components)
            }
            guard let seven = local(7), let eleven = local(23), eleven > previousClose,
                max(seven, previousClose) < tripEnd
            else { break }
            let open = max(seven, previousClose)
            let close = min(eleven, tripEnd)
            if open < close {
                let morning = stays.last { $0.period.from.instant <= open } ?? first
                let night = stays.last { $0.period.from.instant < close } ?? morning
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = dayZone.timeZone
                formatter.dateFormat = "EEE d MMM yyyy"
                days.append(
                    TripDay(
                        label: "\(formatter.string(from: open)), \(dayZone) (\(dayZone.abbreviation(at: open)))",
                        startVenue: morning.venue, endVenue: night.venue,
                        span: TimeWindow(from: ZonedTime(open, zone: dayZone), to: ZonedTime(close, zone: dayZone))))
            }
            previousClose = eleven
            let nextMorning = eleven.addingTimeInterval(8 * 3_600)
            let wakes = stays.last { $0.period.from.instant <= nextMorning } ?? first
            dayZone = state.venues[wakes.venue]?.zone ?? dayZone
            var zoned = gregorian
            zoned.timeZone = dayZone.timeZone
            date = zoned.dateComponents([.year, .month, .day], from: nextMorning)
        }
        let reference = days.first?.span.from.instant ?? tripStart
        func minutes(_ instant: Date) -> Double { (instant.timeIntervalSince(reference) / 60).rounded() }

        // Locations: the venues the trip uses, in the order first met.
        var venues: [Venue] = []
        var index: [Venue.ID: Int] = [:]
        func location(_ id: Venue.ID) -> Int {
            if let known = index[id] { return known }
            index[id] = venues.count
            venues.append(state.venues[id]!)  // Only venues `venueProblem` passed come here.
            return venues.count - 1
        }
        let tours = days.map { day in
            let start = minutes(day.span.from.instant)
            // A day that moves to a stay further away than its hours allow (Seoul to New York) ends when
            // the journey does: otherwise even an empty day breaks the plan's own budget.
            let journey = Double(
                model.minutes(from: state.venues[day.startVenue]!, to: state.venues[day.endVenue]!, in: state))
            return Tour(
                start: location(day.startVenue), end: location(day.endVenue), earliestStart: start,
                latestEnd: max(minutes(day.span.to.instant), start + journey))
        }

        var items: [PlanItem] = []
        var sources: [ItemSource] = []
        for (number, commitment) in trip.commitments.enumerated() {
            guard number < DeskLimits.maxItems else {
                ignored.append(
                    "only the first \(DeskLimits.maxItems) of \(trip.commitments.count) commitments are planned")
                break
            }
            let name = "commitment \(commitment.id)"
            if let problem = venueProblem(commitment.venue) {
                ignored.append("\(name) is left out: \(problem)")
                continue
            }
            guard DeskLimits.holds(commitment.period) else {
                ignored.append("\(name) is left out: its time is invalid (\(period(commitment.period)))")
                continue
            }
            if clipped, commitment.period.from.instant >= tripEnd {
                ignored.append("\(name) is left out: it falls after the days planned")
                continue
            }
            let start = minutes(commitment.period.from.instant)
            let tour = tours.firstIndex { $0.earliestStart <= start && start <= $0.latestEnd }
            items.append(
                PlanItem(
                    location: location(commitment.venue), duration: minutes(commitment.period.to.instant) - start,
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
            func leaveOut(_ reason: String) {
                unplannable.append(LeftOutMeeting(engagement: engagement.id, reason: reason))
            }
            guard DeskLimits.priorities.contains(engagement.priority) else {
                leaveOut("its priority \(engagement.priority) is invalid (1 to 5)")
                continue
            }
            guard (1...DeskLimits.longestMeeting.value).contains(engagement.duration.value) else {
                leaveOut(
                    "its duration (\(engagement.duration.value) minutes) is invalid (at most \(DeskLimits.longestMeeting))"
                )
                continue
            }
            if let slot = engagement.agreedSlot {
                // An agreed slot is fixed like a commitment: that start, that length, that venue.
                let start = minutes(slot.start.instant)
                guard venueProblem(slot.venue) == nil,
                    (1...DeskLimits.longestMeeting.value).contains(slot.duration.value),
                    slot.start.instant >= tripStart, slot.start.instant < tripEnd
                else {
                    leaveOut(
                        "its agreed slot (\(slot.start.display), \(slot.duration) at \(slot.venue)) "
                            + "falls outside the days planned or names a venue that cannot be planned")
                    continue
                }
                guard items.count < Self.mostItems else {
                    leaveOut("the trip has more candidate meetings and venues than one plan takes (\(Self.mostItems))")
                    continue
                }
                let tour = tours.firstIndex { $0.earliestStart <= start && start <= $0.latestEnd }
                items.append(
                    PlanItem(
                        location: location(slot.venue), duration: Double(slot.duration.value),
                        score: Double(6 - engagement.priority) * 10, windows: [start...start], mandatory: true,
                        pin: tour.map { ($0, start) }, group: group))
                sources.append(
                    ItemSource(
                        kind: .engagement, ref: engagement.id.rawValue, title: engagement.title, venue: slot.venue))
                continue
            }
            let length = Double(engagement.duration.value)
            let stored = engagement.windows.prefix(DeskLimits.maxItems).filter { DeskLimits.holds($0) }
            guard engagement.windows.isEmpty || !stored.isEmpty else {
                leaveOut("every window it has is invalid")
                continue
            }
            let spans =
                stored.isEmpty
                ? [TimeWindow(from: ZonedTime(tripStart, zone: zone), to: ZonedTime(tripEnd, zone: zone))] : stored
            let windows = spans.compactMap { span -> ClosedRange<Double>? in
                let from = minutes(span.from.instant)
                let latest = minutes(span.to.instant) - length
                return from <= latest ? from...latest : nil
            }
            let places = engagement.venues.prefix(DeskLimits.maxItems).filter { venueProblem($0) == nil }
            guard !places.isEmpty, !windows.isEmpty else {
                let reason =
                    engagement.venues.isEmpty
                    ? "no candidate venue"
                    : places.isEmpty
                        ? "no candidate venue on the desk with valid coordinates"
                        : "no window long enough for a \(engagement.duration) meeting"
                leaveOut(reason)
                continue
            }
            // A confirmed meeting must happen: at its preferred venue.
            let confirmed = engagement.state == .confirmed
            let alternatives = confirmed ? [places[places.startIndex]] : Array(places)
            guard items.count + alternatives.count <= Self.mostItems else {
                leaveOut("the trip has more candidate meetings and venues than one plan takes (\(Self.mostItems))")
                continue
            }
            for venue in alternatives {
                items.append(
                    PlanItem(
                        location: location(venue), duration: length, score: Double(6 - engagement.priority) * 10,
                        windows: windows, mandatory: confirmed, group: group))
                sources.append(
                    ItemSource(kind: .engagement, ref: engagement.id.rawValue, title: engagement.title, venue: venue))
            }
        }
        let travel = venues.map { from in venues.map { to in Double(model.minutes(from: from, to: to, in: state)) } }
        self.problem = PlanningProblem(tours: tours, items: items, travel: travel)
        self.days = days
        self.items = sources
        self.unplannable = unplannable
        self.reference = reference
        self.locations = venues
        self.ignored = ignored
    }
}
