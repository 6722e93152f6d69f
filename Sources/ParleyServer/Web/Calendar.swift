import Foundation
import ParleyDesk

/// Events as an RFC 5545 calendar, each in its own zone with a VTIMEZONE for every zone used.
struct Calendar5545 {
    /// One VEVENT.
    struct Entry: Equatable {
        /// Unique within the calendar and stable across fetches, so a subscribed calendar updates in place.
        var uid: String
        /// When it starts, in its own zone.
        var start: ZonedTime
        /// When it ends, in its own zone.
        var end: ZonedTime
        /// Its title.
        var summary: String
        /// Where, if anywhere.
        var location: String?
        /// Whether it leaves the time free (a stay, a deadline) rather than busy (a meeting, a journey).
        var transparent = false
    }

    /// The events.
    let entries: [Entry]
    /// When the calendar was made (each event's DTSTAMP).
    let stamp: Date

    /// A trip's calendar: its stays, its planned meetings, the journeys between them and its
    /// engagements' deadlines.
    init(trip: Trip, itinerary: Itinerary?, state: DeskState, titles: [String: String]) {
        entries =
            Self.entries(trip: trip, itinerary: itinerary, state: state, titles: titles)
            + Self.deadlineEntries(
                state.deadlines.values.filter { $0.engagement.flatMap { state.engagements[$0]?.trip } == trip.id },
                prefix: trip.id.rawValue)
        stamp = itinerary?.plannedAt.instant ?? state.profile?.opened.instant ?? Date(timeIntervalSince1970: 0)
    }

    /// A desk's calendar: every trip's, every deadline, and every agreed meeting no planned trip holds.
    init(desk state: DeskState, titles: (Trip) -> [String: String]) {
        var entries: [Entry] = []
        var placed: Set<String> = []
        for trip in state.trips.values.sorted(by: { $0.id < $1.id }) {
            let itinerary = state.itineraries[trip.id]
            for visit in itinerary?.visits ?? [] where visit.kind == .engagement { placed.insert(visit.ref) }
            entries += Self.entries(trip: trip, itinerary: itinerary, state: state, titles: titles(trip))
        }
        for engagement in state.engagements.values.sorted(by: { $0.id < $1.id })
        where !placed.contains(engagement.id.rawValue) {
            guard let slot = engagement.agreedSlot else { continue }
            entries.append(
                Entry(
                    uid: "agreed-\(engagement.id)", start: slot.start,
                    end: ZonedTime(
                        // A log written before decide bounded lengths may hold any number.
                        slot.start.instant.addingTimeInterval(
                            Double(min(max(slot.duration.value, 0), DeskLimits.longestMeeting.value)) * 60),
                        zone: slot.start.zone),
                    summary: "Agreed: " + engagement.title,
                    location: state.venues[slot.venue]?.name ?? slot.venue.rawValue))
        }
        self.entries = entries + Self.deadlineEntries(Array(state.deadlines.values), prefix: "desk")
        stamp = state.profile?.opened.instant ?? Date(timeIntervalSince1970: 0)
    }

    private static func entries(trip: Trip, itinerary: Itinerary?, state: DeskState, titles: [String: String])
        -> [Entry]
    {
        var entries: [Entry] = []
        let visits = (itinerary?.visits ?? []).sorted { ($0.start.instant, $0.ref) < ($1.start.instant, $1.ref) }
        for visit in visits {
            let title = titles[visit.ref] ?? visit.ref
            let agreed =
                visit.kind == .engagement
                && state.engagements[Engagement.ID(visit.ref)]?.agreedSlot != nil
            entries.append(
                Entry(
                    uid: "\(trip.id)-\(visit.kind.rawValue)-\(visit.ref)-\(visit.venue)", start: visit.start,
                    end: visit.end,
                    summary: visit.kind == .engagement ? (agreed ? "Agreed: " : "Planned: ") + title : title,
                    location: state.venues[visit.venue]?.name ?? visit.venue.rawValue))
        }
        // The days as the planner makes them from the trip's stays (a trip no longer plannable has none).
        let days = (try? TripProblem(trip: trip.id, in: state))?.days ?? []
        for journey in itinerary.map({ Journey.of($0, days: days, in: state) }) ?? [] {
            let origin = state.venues[journey.from]?.name ?? journey.from.rawValue
            let destination = state.venues[journey.to]?.name ?? journey.to.rawValue
            entries.append(
                Entry(
                    uid: "\(trip.id)-travel-\(journey.key)", start: journey.leaving, end: journey.arriving,
                    summary: "Travel: \(origin) to \(destination) (\(Minutes(journey.minutes)))", location: origin))
        }
        for (index, stay) in trip.stays.enumerated() {
            let venue = state.venues[stay.venue]?.name ?? stay.venue.rawValue
            entries.append(
                Entry(
                    uid: "\(trip.id)-stay-\(index)-\(stay.venue)", start: stay.period.from, end: stay.period.to,
                    summary: "Stay: " + venue, location: stay.lodging.isEmpty ? venue : stay.lodging,
                    transparent: true))
        }
        return entries
    }

    /// Deadlines, due as a moment (a start and an equal end).
    private static func deadlineEntries(_ deadlines: [Deadline], prefix: String) -> [Entry] {
        deadlines.sorted { ($0.due.instant, $0.id) < ($1.due.instant, $1.id) }.map { deadline in
            Entry(
                uid: "\(prefix)-deadline-\(deadline.id)", start: deadline.due, end: deadline.due,
                summary: "Deadline: \(deadline.title) (\(deadline.status.rawValue))", location: nil,
                transparent: true)
        }
    }

    var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Parley//Itinerary//EN", "CALSCALE:GREGORIAN"]
        let times = entries.flatMap { [$0.start, $0.end] }
        let zones = Set(times.map(\.zone.identifier)).sorted()
        let instants = times.map(\.instant)
        for zone in zones { lines += timezone(zone, around: instants) }
        let stamp = Self.utc(stamp)
        for entry in entries {
            lines += [
                "BEGIN:VEVENT", "UID:\(Self.escape(entry.uid))@parley", "DTSTAMP:\(stamp)",
                "DTSTART;TZID=\(entry.start.zone.identifier):\(Self.local(entry.start.instant, entry.start.zone.identifier))",
                "DTEND;TZID=\(entry.end.zone.identifier):\(Self.local(entry.end.instant, entry.end.zone.identifier))",
                "SUMMARY:\(Self.escape(entry.summary))",
            ]
            if let location = entry.location { lines.append("LOCATION:\(Self.escape(location))") }
            if entry.transparent { lines.append("TRANSP:TRANSPARENT") }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A VTIMEZONE with the offsets in force and every transition within a year of the events.
    private func timezone(_ identifier: String, around instants: [Date]) -> [String] {
        guard let zone = TimeZone(identifier: identifier), let first = instants.min(), let last = instants.max() else {
            return []
        }
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(identifier)"]
        // Within the years a desk records: a log written before the limits may hold a stay from year 1 to
        // 9999, whose every transition would be listed otherwise.
        let start = max(first, DeskLimits.earliest).addingTimeInterval(-366 * 86_400)
        let end = min(last, DeskLimits.latest).addingTimeInterval(366 * 86_400)
        var transitions: [Date] = []
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            transitions.append(next)
            cursor = next
        }
        if transitions.isEmpty {
            let offset = zone.secondsFromGMT(for: first)
            lines += [
                "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:\(Self.offset(offset))",
                "TZOFFSETTO:\(Self.offset(offset))",
                "END:STANDARD",
            ]
        } else {
            for transition in transitions {
                let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
                let after = zone.secondsFromGMT(for: transition)
                let kind = zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
                lines += [
                    "BEGIN:\(kind)", "DTSTART:\(Self.wallClock(transition, offset: before))",
                    "TZOFFSETFROM:\(Self.offset(before))",
                    "TZOFFSETTO:\(Self.offset(after))", "END:\(kind)",
                ]
            }
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    private static let gmt: Foundation.Calendar = {
        var calendar = Foundation.Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    private static func wallClock(_ instant: Date, offset: Int) -> String {
        let c = gmt.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: instant.addingTimeInterval(Double(offset)))
        return String(format: "%04d%02d%02dT%02d%02d%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    private static func local(_ instant: Date, _ zone: String) -> String {
        wallClock(instant, offset: TimeZone(identifier: zone)?.secondsFromGMT(for: instant) ?? 0)
    }

    private static func utc(_ instant: Date) -> String { wallClock(instant, offset: 0) + "Z" }

    private static func offset(_ seconds: Int) -> String {
        String(format: "%@%02d%02d", seconds < 0 ? "-" : "+", abs(seconds) / 3600, abs(seconds) % 3600 / 60)
    }

    /// A TEXT value as RFC 5545 §3.3.11 writes it: backslash, semicolon and comma escaped, each line break
    /// (CRLF, lone CR or LF) as `\n`, and every other control character dropped (TEXT allows none but tab).
    ///
    /// A raw CR or LF would end the content line and let the text write properties of its own.
    private static func escape(_ text: String) -> String {
        var escaped = ""
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\r": escaped += "\\n"
            case "\n": if !afterCR { escaped += "\\n" }
            case "\t": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.properties.generalCategory != .control { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }

    /// Lines longer than 75 octets are folded (RFC 5545 §3.1): CRLF and a space before the octet that would
    /// pass 75, always between whole UTF-8 sequences (never inside one), so unfolding gives the line back.
    private static func fold(_ line: String) -> String {
        var result = ""
        var count = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if count + size > 75 {
                result += "\r\n "
                count = 1
            }
            result.unicodeScalars.append(scalar)
            count += size
        }
        return result
    }
}
