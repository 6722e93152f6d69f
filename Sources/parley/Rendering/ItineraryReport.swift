import ParleyDesk

/// An itinerary day by day in each venue's local time, then the meetings left out and why.
struct ItineraryReport {
    let problem: TripProblem
    let itinerary: Itinerary
    let state: DeskState

    var text: String {
        var lines = ["Itinerary for trip \(problem.trip.id) — \(problem.trip.title)"]
        // What the stored trip holds that no desk may (only a log older than the limits): named, not planned.
        lines += problem.ignored.map { "  invalid: \($0)" }
        for (index, day) in problem.days.enumerated() {
            let from = state.venues[day.startVenue]?.name ?? day.startVenue.rawValue
            let to = state.venues[day.endVenue]?.name ?? day.endVenue.rawValue
            lines.append("\(day.label) — from \(from) to \(to)")
            let visits = itinerary.visits.filter { $0.day == index }
            if visits.isEmpty { lines.append("  nothing planned") }
            for visit in visits {
                let venue = state.venues[visit.venue]?.name ?? visit.venue.rawValue
                let title = problem.items.first { $0.kind == visit.kind && $0.ref == visit.ref }?.title ?? visit.ref
                let clock =
                    String(visit.start.display.dropFirst(11).prefix(5)) + "–" + String(visit.end.display.dropFirst(11))
                let fixed = visit.kind == .commitment ? "  [fixed]" : ""
                lines.append("  \(clock)  \(title) — \(venue)\(fixed)")
            }
        }
        let placed = itinerary.visits.filter { $0.kind == .engagement }
        lines.append("Meetings placed: " + (placed.isEmpty ? "none" : placed.map(\.ref).joined(separator: ", ")))
        if let proof = itinerary.proofText { lines.append(proof) }
        lines.append("Left out: " + (itinerary.leftOut.isEmpty ? "none" : ""))
        for meeting in itinerary.leftOut {
            let title = state.engagements[meeting.engagement]?.title ?? meeting.engagement.rawValue
            lines.append("  \(meeting.engagement) — \(title): \(meeting.reason)")
        }
        return lines.joined(separator: "\n")
    }
}
