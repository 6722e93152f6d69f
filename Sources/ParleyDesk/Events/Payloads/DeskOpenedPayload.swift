import Foundation

/// `DeskOpened`, version 1: the desk's name, title, home zone, when it was opened, and its webhook.
struct DeskOpenedPayload: DeskPayload {
    static let type = "DeskOpened"
    static let version = 1

    /// The desk's name (a slug).
    var name: String
    /// Its title.
    var title: String
    /// Its home zone.
    var zone: String
    /// When it was opened.
    var opened: WireZonedTime
    /// Where due tries and alarms are posted, if anywhere.
    var webhook: String?

    /// The payload of opening `profile`.
    init(_ profile: DeskProfile) {
        name = profile.name
        title = profile.title
        zone = profile.zone.identifier
        opened = WireZonedTime(profile.opened)
        webhook = profile.webhook
    }

    func fact() throws -> DeskEvent.Fact {
        .deskOpened(
            DeskProfile(
                name: name, title: title, zone: try WireValue.zone(zone, field: "zone"),
                opened: try opened.value(field: "opened"), webhook: webhook))
    }
}
