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
