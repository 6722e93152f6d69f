import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ParleyDesk
import ParleyServer
import ParleyStore
import ParleyTestSupport
import Testing

/// A title that tries to end its line and write properties of its own, with every character TEXT escapes,
/// control characters TEXT forbids, and text long enough to fold.
private let hostileTitle =
    "Dinner\r\nATTENDEE:mailto:spy@example.org\rORGANIZER:x\nDESCRIPTION:y; a, b \\ c\u{0}\u{7}\u{1B}[31m\tend "
    + String(repeating: "会談", count: 30) + " 👨‍👩‍👧 " + "e" + String(repeating: "\u{301}", count: 40)
private let hostileVenue = "Hall\rEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:forged;room,1\\"

/// The itinerary calendar of a desk whose log already holds a commitment and a venue with hostile names
/// (appended as stored events, as an old log or an import would have them).
private func calendar() async throws -> String {
    let store = InMemoryEventStore()
    let ledger = DeskLedger(store: store, environment: .fixed(start: Date(timeIntervalSince1970: 1_761_000_000)))
    let zone = try TimeZoneID.validated("Asia/Seoul", field: "zone")
    func at(_ text: String) throws -> ZonedTime { try ZonedTime.parse(text, field: "at", defaultZone: zone) }
    let opened = try at("2025-10-01 09:00")
    let venue = Venue(
        id: "hall", name: hostileVenue, city: "Seoul", coordinates: Coordinates(latitude: 37.5, longitude: 127),
        zone: zone)
    let dinner = TimeWindow(from: try at("2025-10-29 19:00"), to: try at("2025-10-29 21:00"))
    let trip = Trip(
        id: "visit", title: "Visit", principal: "p",
        stays: [Stay(venue: "hall", lodging: "Hotel", period: .init(from: opened, to: try at("2025-10-31 09:00")))],
        commitments: [FixedCommitment(id: "dinner", title: hostileTitle, venue: "hall", period: dinner)])
    let itinerary = Itinerary(
        trip: "visit", plannedAt: opened,
        visits: [
            PlannedVisit(kind: .commitment, ref: "dinner", venue: "hall", day: 0, start: dinner.from, end: dinner.to)
        ],
        leftOut: [])
    let facts: [DeskEvent.Fact] = [
        .deskOpened(DeskProfile(name: "cal", title: "Calendar", zone: zone, opened: opened)),
        .partyRegistered(Party(id: "us", name: "US")),
        .principalRegistered(Principal(id: "p", name: "P", title: "", party: "us")),
        .venueRegistered(venue), .tripPlanned(trip), .itineraryPlanned(itinerary),
    ]
    _ = try await store.append(
        try facts.map {
            try PendingEvent(DeskEvent(at: opened.instant, $0), id: UUID(), actor: "test", recordedAt: Date())
        },
        to: "cal", expectedVersion: 0)
    try await TestUsers.add(to: ledger)
    return try await buildApplication(ledger: ledger).test(.router) { anonymous in
        let response = try await SignedInClient(anonymous, as: "viewer").execute(
            uri: "/desks/cal/trips/visit/itinerary.ics", method: .get)
        #expect(response.status == .ok)
        return String(buffer: response.body)
    }
}

/// The content lines of `text` as written (`folded`) or joined again (RFC 5545 §3.1), split on CRLF by
/// scalars: a continuation's space may combine with the accent after it into one Swift character.
private func contentLines(_ text: String, unfolded: Bool) -> [String] {
    var lines: [String] = []
    var line = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
        if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
            if unfolded, index + 2 < scalars.count, scalars[index + 2] == " " {
                index += 3
                continue
            }
            lines.append(String(line))
            line = String.UnicodeScalarView()
            index += 2
            continue
        }
        line.append(scalars[index])
        index += 1
    }
    if !line.isEmpty { lines.append(String(line)) }
    return lines
}

@Suite("Calendar escaping")
struct CalendarEscapingTests {
    @Test("hostile titles and venue names cannot end a line: CR and LF are escaped, control characters dropped")
    func noLineBreaksInValues() async throws {
        let text = try await calendar()
        let bytes = Array(text.utf8)
        // Every CR starts a CRLF and every LF ends one: the only line breaks are the writer's own.
        for (index, byte) in bytes.enumerated() {
            if byte == 13 { #expect(index + 1 < bytes.count && bytes[index + 1] == 10) }
            if byte == 10 { #expect(index > 0 && bytes[index - 1] == 13) }
        }
        let lines = contentLines(text, unfolded: true)
        let names = lines.compactMap { $0.split(separator: ":", maxSplits: 1).first.map(String.init) }
        #expect(!names.contains("ATTENDEE") && !names.contains("ORGANIZER") && !names.contains("DESCRIPTION"))
        // The calendar, its zone, the zone's standard time, the meeting, and the stay.
        #expect(names.filter { $0 == "BEGIN" }.count == 5)
        #expect(names.filter { $0 == "SUMMARY" }.count == 2 && names.filter { $0 == "LOCATION" }.count == 2)
        let summary = try #require(lines.first { $0.hasPrefix("SUMMARY:") })
        #expect(
            summary.hasPrefix(
                #"SUMMARY:Dinner\nATTENDEE:mailto:spy@example.org\nORGANIZER:x\nDESCRIPTION:y\; a\, b \\ c[31m"#
                    + "\tend 会談"))
        #expect(!summary.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\t" })
        #expect(
            lines.contains(#"LOCATION:Hall\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:forged\;room\,1\\"#))
    }

    @Test("lines fold at 75 octets between whole UTF-8 sequences, even inside one long character")
    func folding() async throws {
        let text = try await calendar()
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let physical = contentLines(text, unfolded: false)
        for line in physical {
            #expect(line.utf8.count <= 75, "\(line)")
            // Each piece decodes on its own: no UTF-8 sequence was cut in two.
            #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
        }
        let summary = try #require(contentLines(text, unfolded: true).first { $0.hasPrefix("SUMMARY:") })
        #expect(summary.hasSuffix(" 👨‍👩‍👧 e" + String(repeating: "\u{301}", count: 40)))
        #expect(physical.filter { $0.hasPrefix(" ") }.count >= 3)
    }
}
