import Foundation
import ParleyDesk

/// An itinerary as an RFC 5545 calendar, each event in its venue's zone with a VTIMEZONE for every zone used.
struct Calendar5545 {
    let trip: Trip
    let itinerary: Itinerary
    let state: DeskState
    let titles: [String: String]

    /// The trip's deadlines: those of its engagements, due as a moment (a start and an equal end).
    private var deadlines: [Deadline] {
        state.deadlines.values.filter { deadline in
            deadline.engagement.flatMap { state.engagements[$0]?.trip } == trip.id
        }.sorted { ($0.due.instant, $0.id) < ($1.due.instant, $1.id) }
    }

    var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Parley//Itinerary//EN", "CALSCALE:GREGORIAN"]
        let times =
            itinerary.visits.flatMap { [$0.start, $0.end] } + trip.stays.flatMap { [$0.period.from, $0.period.to] }
            + deadlines.map(\.due)
        let zones = Set(times.map(\.zone.identifier)).sorted()
        let instants = times.map(\.instant)
        for zone in zones { lines += timezone(zone, around: instants) }
        let stamp = Self.utc(itinerary.plannedAt.instant)
        for visit in itinerary.visits {
            let zone = visit.start.zone.identifier
            let uid = "\(trip.id)-\(visit.kind.rawValue)-\(visit.ref)-\(visit.venue)"
            lines += [
                "BEGIN:VEVENT", "UID:\(Self.escape(uid))@parley",
                "DTSTAMP:\(stamp)",
                "DTSTART;TZID=\(zone):\(Self.local(visit.start.instant, zone))",
                "DTEND;TZID=\(zone):\(Self.local(visit.end.instant, zone))",
                "SUMMARY:\(Self.escape(titles[visit.ref] ?? visit.ref))",
                "LOCATION:\(Self.escape(state.venues[visit.venue]?.name ?? visit.venue.rawValue))", "END:VEVENT",
            ]
        }
        for (index, stay) in trip.stays.enumerated() {
            let zone = stay.period.from.zone.identifier
            let venue = state.venues[stay.venue]?.name ?? stay.venue.rawValue
            lines += [
                "BEGIN:VEVENT", "UID:\(Self.escape("\(trip.id)-stay-\(index)-\(stay.venue)"))@parley",
                "DTSTAMP:\(stamp)",
                "DTSTART;TZID=\(zone):\(Self.local(stay.period.from.instant, zone))",
                "DTEND;TZID=\(stay.period.to.zone.identifier):\(Self.local(stay.period.to.instant, stay.period.to.zone.identifier))",
                "SUMMARY:\(Self.escape("Stay: " + venue))",
                "LOCATION:\(Self.escape(stay.lodging.isEmpty ? venue : stay.lodging))", "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        for deadline in deadlines {
            let zone = deadline.due.zone.identifier
            let due = Self.local(deadline.due.instant, zone)
            lines += [
                "BEGIN:VEVENT", "UID:\(Self.escape("\(trip.id)-deadline-\(deadline.id)"))@parley", "DTSTAMP:\(stamp)",
                "DTSTART;TZID=\(zone):\(due)", "DTEND;TZID=\(zone):\(due)",
                "SUMMARY:\(Self.escape("Deadline: \(deadline.title) (\(deadline.status.rawValue))"))",
                "TRANSP:TRANSPARENT", "END:VEVENT",
            ]
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
