import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The probability chart: a marker at every step that moved the estimate, and why, on hover and in a list.
@Suite("Odds chart")
struct OddsChartTests {
    @Test("each step of the DMZ handshake's estimate has a marker, a name a screen reader reads, and its movers listed")
    func markers() async throws {
        try await demoApplication().test(.router) { anonymous in
            try await SignedInClient(anonymous, as: "viewer").execute(
                uri: "/desks/dmz-2019/engagements/dmz-handshake", method: .get
            ) { response in
                let page = String(buffer: response.body)
                let markers = page.components(separatedBy: "<circle class=\"step\"").count - 1
                #expect(markers >= 2)
                let items = page.components(separatedBy: "<li id=\"step-").count - 1
                #expect(items == markers)
                #expect(page.contains("What moved it (\(markers) steps)"))
                // Every marker names its step: from, to, when, and the largest contributions that moved it.
                let labels = page.components(separatedBy: "<a href=\"#step-").dropFirst().map {
                    String($0.prefix { $0 != ">" })
                }
                #expect(labels.count == markers)
                #expect(labels.allSatisfy { $0.contains("aria-label=\"") && $0.contains("% → ") })
                #expect(labels.contains { $0.range(of: #": [+-]\d\.\d\d "#, options: .regularExpression) != nil })
            }
        }
    }
}

/// The engagement page as of a moment: every part, the heading's state included, as the desk stood then.
@Suite("Engagement as of a moment")
struct EngagementAsOfTests {
    @Test("the DMZ handshake on the evening of 29 June 2019: not yet held, read only, and the timeline links there")
    func asOf() async throws {
        try await demoApplication().test(.router) { anonymous in
            let viewer = SignedInClient(anonymous, as: "viewer")
            let now = try await viewer.execute(uri: "/desks/dmz-2019/engagements/dmz-handshake", method: .get) {
                String(buffer: $0.body)
            }
            #expect(now.contains("<div id=\"engagement-head\" data-live><h1>"))
            #expect(!now.contains("id=\"as-of-banner\""))
            let then = try await viewer.execute(
                uri: "/desks/dmz-2019/engagements/dmz-handshake?as_of=2019-06-29+21:00", method: .get
            ) { response in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            #expect(then.contains("id=\"as-of-banner\"") && then.contains("As of 2019-06-29 21:00 KST"))
            #expect(then.contains("<div class=\"grid as-of\">"))
            // The heading and the panels agree: the meeting was held the next afternoon, not yet that evening.
            let heading = try #require(
                then.components(separatedBy: "<h1>").dropFirst().first?.components(separatedBy: "</h1>").first)
            #expect(!heading.contains("held"))
            #expect(now.components(separatedBy: "<h1>").dropFirst().first?.contains("held") == true)
            #expect(!then.contains("2019-06-30 15:"))
            try await viewer.execute(
                uri: "/desks/dmz-2019/engagements/dmz-handshake?as_of=2018-01-01+00:00", method: .get
            ) { #expect($0.status == .notFound) }
            try await viewer.execute(
                uri: "/desks/dmz-2019/engagements/dmz-handshake?as_of=yesterday", method: .get
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("as_of"))
            }
            try await viewer.execute(uri: "/desks/dmz-2019?as_of=2019-06-29+21:00", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("id=\"as-of-banner\"") && page.contains("<div class=\"grid as-of\">"))
                #expect(page.contains("Handshake with the DPRK leader at the DMZ"))
                #expect(!page.contains(">held</span>"))
            }
            try await viewer.execute(uri: "/desks/dmz-2019", method: .get) {
                #expect(String(buffer: $0.body).contains(">held</span>"))
            }
            try await viewer.execute(uri: "/desks/dmz-2019?as_of=2001-01-01+00:00", method: .get) {
                #expect($0.status == .notFound)
            }
            try await viewer.execute(uri: "/desks/dmz-2019/timeline?as_of=2019-06-29+21:00", method: .get) {
                #expect(
                    String(buffer: $0.body).contains(
                        "href=\"/desks/dmz-2019/engagements/dmz-handshake?as_of=2019%2D06%2D29%2021%3A00%20Asia%2FSeoul\""
                    ))
            }
        }
    }
}
