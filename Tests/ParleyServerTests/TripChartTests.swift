import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The trip chart: days in their own zones, fixed, agreed and planned meetings told apart, journeys with
/// their length, labels that never overlap, and the same as a list for phones.
@Suite("Trip chart")
struct TripChartTests {
    @Test(
        "the planned Asia trip: a Korean day in KST, the drive to Busan with its length, labels apart, a list of days")
    func asiaTrip() async throws {
        try await demoApplication().test(.router) { anonymous in
            let officer = SignedInClient(anonymous)
            try await officer.execute(
                uri: "/api/v1/desks/asia-trip/trips/asia-2025/plan", method: .post,
                headers: [.contentType: "application/json"]
            ) { #expect($0.status == .created) }
            try await officer.execute(uri: "/desks/asia-trip/trips/asia-2025", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains(">Thu 30 Oct 2025</text>") && page.contains(">KST · Asia/Seoul</text>"))
                #expect(page.contains(">Mon 27 Oct 2025</text>") && page.contains(">JST · Asia/Tokyo</text>"))
                #expect(page.contains("planned, optional") && page.contains("agreed or confirmed"))
                #expect(page.contains("→ Gimhae air base, Busan 1h35m"))
                #expect(
                    page.contains(
                        "Travel from APEC venue, Gyeongju to Gimhae air base, Busan, leaving 08:25 KST: 1h35m"))
                #expect(page.contains("<ol class=\"trip-days plain\">"))
                #expect(page.contains("<li><strong>Thu 30 Oct 2025, Asia/Seoul (KST)</strong>"))
                // Labels on one line never run into each other (the chart's font is 11 px: 6.2 px a letter).
                let svg = try #require(page.components(separatedBy: "<div class=\"trip-chart\">").last)
                let texts = svg.components(separatedBy: "<text x=\"").dropFirst().compactMap {
                    piece -> (x: Double, y: Double, width: Double)? in
                    let fields = piece.components(separatedBy: "\"")
                    guard fields.count > 3, let x = Double(fields[0]), fields[1] == " y=",
                        let y = Double(fields[2]), x >= 150, !fields[3].contains("text-anchor"),
                        let text = piece.split(separator: ">", maxSplits: 1).last?.split(separator: "<").first
                    else { return nil }
                    return (x, y, Double(text.count) * 6.2)
                }
                let labels = texts.filter { $0.y > 40 }
                #expect(labels.count >= 3)
                for (index, label) in labels.enumerated() {
                    for other in labels.dropFirst(index + 1) where other.y == label.y {
                        #expect(
                            other.x >= label.x + label.width || label.x >= other.x + other.width,
                            "labels at \(label.x) and \(other.x) overlap on line \(label.y)")
                    }
                }
            }
        }
    }
}
