import Foundation

extension DeskState {
    /// Opening the desk: once, with a slug for a name, a real title and time, and an http(s) webhook if any.
    func decide(openDesk profile: DeskProfile) throws(DeskError) -> [DeskEvent] {
        if let existing = self.profile { throw .deskAlreadyOpened(existing.name) }
        _ = try Identifier<DeskProfile>.validated(profile.name, field: "name")
        try Self.requireWebhook(profile.webhook)
        try Self.requireName(profile.title, field: "title")
        try Self.requireTime(profile.opened, field: "opened")
        return [DeskEvent(at: profile.opened.instant, .deskOpened(profile))]
    }

    /// Refuses a webhook that is not an http or https URL.
    static func requireWebhook(_ webhook: String?) throws(DeskError) {
        guard let webhook else { return }
        guard webhook.utf8.count <= 2048, let url = URL(string: webhook), ["http", "https"].contains(url.scheme ?? ""),
            url.host != nil
        else {
            throw .invalidValue(field: "webhook", expected: "an http or https URL", found: webhook)
        }
    }

    /// Adding a party: a new id and a name.
    func decide(registerParty party: Party, now: Date) throws(DeskError) -> [DeskEvent] {
        try Self.requireNew(party.id, in: parties, kind: "party")
        try Self.requireName(party.name, field: "name")
        return [DeskEvent(at: now, .partyRegistered(party))]
    }

    /// Adding a principal of a known party.
    func decide(registerPrincipal principal: Principal, now: Date) throws(DeskError) -> [DeskEvent] {
        try Self.requireNew(principal.id, in: principals, kind: "principal")
        try Self.requireName(principal.name, field: "name")
        try Self.requireLine(principal.title, field: "title")
        try Self.requireKnown(principal.party, in: parties, field: "party", kind: "party")
        return [DeskEvent(at: now, .principalRegistered(principal))]
    }

    /// Adding a venue with a known zone and real coordinates.
    func decide(registerVenue venue: Venue, now: Date) throws(DeskError) -> [DeskEvent] {
        try Self.requireNew(venue.id, in: venues, kind: "venue")
        try Self.requireName(venue.name, field: "name")
        try Self.requireLine(venue.city, field: "city")
        try venue.coordinates?.validate()
        return [DeskEvent(at: now, .venueRegistered(venue))]
    }

    /// Adding a trip: its stays and commitments at known venues, in order and within bounds.
    func decide(planTrip trip: Trip, now: Date) throws(DeskError) -> [DeskEvent] {
        try checkTrip(trip)
        return [DeskEvent(at: now, .tripPlanned(trip))]
    }

    /// Setting a known travel time between two venues.
    func decide(setTravelTime override: TravelOverride, now: Date) throws(DeskError) -> [DeskEvent] {
        try Self.requireKnown(override.from, in: venues, field: "from", kind: "venue")
        try Self.requireKnown(override.to, in: venues, field: "to", kind: "venue")
        guard override.from != override.to else {
            throw .invalidValue(field: "to", expected: "a venue other than 'from'", found: override.to.rawValue)
        }
        try Self.requireMinutes(override.time, field: "time", in: 1...DeskLimits.longestTravel.value)
        return [DeskEvent(at: now, .travelTimeSet(override))]
    }

    /// Recording what the planner made of a known trip.
    func decide(recordItinerary itinerary: Itinerary) throws(DeskError) -> [DeskEvent] {
        try checkItinerary(itinerary)
        return [DeskEvent(at: itinerary.plannedAt.instant, .itineraryPlanned(itinerary))]
    }

    private func checkItinerary(_ itinerary: Itinerary) throws(DeskError) {
        let trip = try Self.requireKnown(itinerary.trip, in: trips, field: "trip", kind: "trip")
        try Self.requireTime(itinerary.plannedAt, field: "planned_at")
        try Self.requireCount(itinerary.visits.count, field: "visits", atMost: 10 * DeskLimits.maxItems)
        try Self.requireCount(itinerary.leftOut.count, field: "left_out", atMost: 10 * DeskLimits.maxItems)
        for (index, visit) in itinerary.visits.enumerated() {
            try Self.requireKnown(visit.venue, in: venues, field: "visits[\(index)].venue", kind: "venue")
            switch visit.kind {
            case .commitment:
                guard trip.commitments.contains(where: { $0.id.rawValue == visit.ref }) else {
                    throw .unknownReference(
                        field: "visits[\(index)].ref", kind: "commitment of this trip", id: visit.ref)
                }
            case .engagement:
                try Self.requireKnown(
                    Engagement.ID(visit.ref), in: engagements, field: "visits[\(index)].ref", kind: "engagement")
            }
            try Self.requireRange(TimeWindow(from: visit.start, to: visit.end), field: "visits[\(index)]")
            guard (0...400).contains(visit.day) else {
                throw .invalidValue(field: "visits[\(index)].day", expected: "a day of the trip", found: "\(visit.day)")
            }
        }
        for (index, meeting) in itinerary.leftOut.enumerated() {
            try Self.requireNote(meeting.reason, field: "left_out[\(index)].reason")
            try Self.requireKnown(
                meeting.engagement, in: engagements, field: "left_out[\(index)].engagement", kind: "engagement")
        }
    }

    private func checkTrip(_ trip: Trip) throws(DeskError) {
        try Self.requireNew(trip.id, in: trips, kind: "trip")
        try checkTripContents(trip)
    }

    /// The checks on a trip's title, principal, stays and commitments, new or amended.
    func checkTripContents(_ trip: Trip) throws(DeskError) {
        try Self.requireName(trip.title, field: "title")
        try Self.requireKnown(trip.principal, in: principals, field: "principal", kind: "principal")
        try Self.requireCount(trip.stays.count, field: "stays")
        try Self.requireCount(trip.commitments.count, field: "commitments")
        for (index, stay) in trip.stays.enumerated() {
            try Self.requireKnown(stay.venue, in: venues, field: "stays[\(index)].venue", kind: "venue")
            try Self.requireLine(stay.lodging, field: "stays[\(index)].lodging")
            try Self.requireRange(stay.period, field: "stays[\(index)]", longest: DeskLimits.longestTrip)
        }
        let periods = trip.stays.map(\.period) + trip.commitments.map(\.period)
        if let first = periods.map(\.from.instant).min(), let last = periods.map(\.to.instant).max(),
            last.timeIntervalSince(first) > DeskLimits.longestTrip
        {
            throw .invalidValue(
                field: "stays", expected: "a trip of at most \(Minutes(Int(DeskLimits.longestTrip / 60)))",
                found: "\(Int(last.timeIntervalSince(first) / 86_400)) days from first arrival to last departure")
        }
        var seen = Set<FixedCommitment.ID>()
        for (index, commitment) in trip.commitments.enumerated() {
            _ = try FixedCommitment.ID.validated(commitment.id.rawValue, field: "commitments[\(index)].id")
            guard seen.insert(commitment.id).inserted else {
                throw .duplicateID(kind: "commitment", id: commitment.id.rawValue)
            }
            try Self.requireKnown(commitment.venue, in: venues, field: "commitments[\(index)].venue", kind: "venue")
            try Self.requireName(commitment.title, field: "commitments[\(index)].title")
            try Self.requireRange(commitment.period, field: "commitments[\(index)]")
        }
    }
}
