/// What a desk is: its name, title, the zone its times default to, and when it was opened.
public struct DeskProfile: Hashable, Sendable, Codable {
    /// The slug that names the desk (`dmz-2019`).
    public var name: String
    /// A title people read.
    public var title: String
    /// The zone times are shown in unless they carry their own.
    public var zone: TimeZoneID
    /// When the desk was opened.
    public var opened: ZonedTime
    /// Where due playbook tries and deadline alarms are POSTed as JSON, if anywhere.
    public var webhook: String?

    /// A desk profile.
    public init(name: String, title: String, zone: TimeZoneID, opened: ZonedTime, webhook: String? = nil) {
        self.webhook = webhook
        self.name = name
        self.title = title
        self.zone = zone
        self.opened = opened
    }
}
