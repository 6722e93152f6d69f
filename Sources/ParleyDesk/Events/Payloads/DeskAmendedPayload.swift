import Foundation

/// `DeskAmended`, version 1: the desk's title, home zone and webhook after the change, and the amendment.
struct DeskAmendedPayload: DeskPayload {
    static let type = "DeskAmended"
    static let version = 1

    /// The title.
    var title: String
    /// The home zone.
    var zone: String
    /// Where due tries and alarms are posted, if anywhere.
    var webhook: String?
    /// When, why, what changed.
    var amendment: WireAmendment

    /// The payload of amending the desk to `title`, `zone` and `webhook`.
    init(title: String, zone: TimeZoneID, webhook: String?, amendment: Amendment) {
        self.title = title
        self.zone = zone.identifier
        self.webhook = webhook
        self.amendment = WireAmendment(amendment)
    }

    func fact() throws -> DeskEvent.Fact {
        .deskAmended(
            title: title, zone: try WireValue.zone(zone, field: "zone"), webhook: webhook,
            try amendment.value(field: "amendment"))
    }
}
