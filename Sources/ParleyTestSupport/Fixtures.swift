import Foundation
import ParleyDesk

/// Named values from the DMZ 2019 story, for tests that need a small, believable desk.
public enum Fixtures {
    /// Seoul's zone.
    public static let seoul = try! TimeZoneID.validated("Asia/Seoul", field: "zone")

    /// A time in Seoul on 29 or 30 June 2019 (`"06-29 07:51"`).
    public static func kst(_ dayAndClock: String) -> ZonedTime {
        try! ZonedTime.parse("2019-\(dayAndClock) Asia/Seoul", field: "at", defaultZone: nil)
    }

    /// When the desk opens.
    public static let opened = kst("06-28 20:00")

    /// The DMZ engagement's id.
    public static let engagementID: Engagement.ID = "dmz-handshake"

    /// The events of a desk with two parties, two principals, Panmunjom, a hotline, and the DMZ
    /// engagement in state `idea`.
    public static var desk: [DeskEvent] {
        let at = opened.instant
        return [
            DeskEvent(at: at, .deskOpened(DeskProfile(name: "dmz-2019", title: "DMZ", zone: seoul, opened: opened))),
            DeskEvent(at: at, .partyRegistered(Party(id: "us", name: "United States"))),
            DeskEvent(at: at, .partyRegistered(Party(id: "dprk", name: "DPRK"))),
            DeskEvent(
                at: at,
                .principalRegistered(Principal(id: "trump", name: "Donald Trump", title: "President", party: "us"))),
            DeskEvent(
                at: at,
                .principalRegistered(Principal(id: "kim", name: "Kim Jong Un", title: "Chairman", party: "dprk"))),
            DeskEvent(at: at, .venueRegistered(panmunjom)),
            DeskEvent(
                at: at,
                .channelRegistered(
                    Channel(id: "dmz-hotline", name: "Hotline", kind: .hotline, party: "dprk", status: .dormant))),
            DeskEvent(at: at, .engagementOpened(engagement)),
        ]
    }

    /// Panmunjom.
    public static let panmunjom = Venue(
        id: "panmunjom", name: "Panmunjom", city: "Panmunjom",
        coordinates: Coordinates(latitude: 37.9558, longitude: 126.6769), zone: seoul)

    /// The DMZ engagement, as first recorded.
    public static let engagement = Engagement(
        id: engagementID, title: "Handshake at the DMZ", principals: ["trump", "kim"], counterpart: "dprk",
        purpose: "Shake hands", priority: 2, trip: nil, duration: Minutes(60), venues: ["panmunjom"],
        windows: [TimeWindow(from: kst("06-30 08:00"), to: kst("06-30 18:00"))], opened: opened)

    /// An advance task at Panmunjom for the DMZ engagement.
    public static func task(_ id: String, dependsOn: [String] = []) -> AdvanceTask {
        AdvanceTask(
            id: AdvanceTask.ID(id), title: "Task \(id)", kind: .siteSurvey, engagement: engagementID,
            venue: "panmunjom", duration: Minutes(60), leadTime: Minutes(30),
            dependsOn: dependsOn.map { AdvanceTask.ID($0) })
    }

    /// A signal on the DMZ engagement with the given attribution and grade.
    public static func signal(_ id: String, attribution: [String] = ["KCNA"], grade: String = "B2") -> Signal {
        Signal(
            id: Signal.ID(id), engagement: engagementID, at: kst("06-29 13:00"), summary: "An interesting suggestion",
            quote: nil, attribution: attribution, stance: .open, grade: try! AdmiraltyGrade(parsing: grade))
    }
}
