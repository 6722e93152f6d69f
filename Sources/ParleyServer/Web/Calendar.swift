import Foundation
import ParleyDesk

/// An itinerary as an RFC 5545 calendar, each event in its venue's zone with a VTIMEZONE for every zone used.
struct Calendar5545 {
    let trip: Trip
    let itinerary: Itinerary
    let state: DeskState
    let titles: [String: String]

    var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Parley//Itinerary//EN", "CALSCALE:GREGORIAN"]
        let zones = Set(itinerary.visits.map(\.start.zone.identifier)).sorted()
        let instants = itinerary.visits.flatMap { [$0.start.instant, $0.end.instant] }
        for zone in zones { lines += timezone(zone, around: instants) }
        for visit in itinerary.visits {
            let zone = visit.start.zone.identifier
            lines += [
                "BEGIN:VEVENT", "UID:\(trip.id)-\(visit.kind.rawValue)-\(visit.ref)-\(visit.venue)@parley",
                "DTSTAMP:\(Self.utc(itinerary.plannedAt.instant))",
                "DTSTART;TZID=\(zone):\(Self.local(visit.start.instant, zone))",
                "DTEND;TZID=\(zone):\(Self.local(visit.end.instant, zone))",
                "SUMMARY:\(Self.escape(titles[visit.ref] ?? visit.ref))",
                "LOCATION:\(Self.escape(state.venues[visit.venue]?.name ?? visit.venue.rawValue))", "END:VEVENT",
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
        let start = first.addingTimeInterval(-366 * 86_400)
        let end = last.addingTimeInterval(366 * 86_400)
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

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets are folded (RFC 5545 §3.1).
    private static func fold(_ line: String) -> String {
        var result = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                result += "\r\n "
                count = 1
            }
            result.append(character)
            count += size
        }
        return result
    }
}
