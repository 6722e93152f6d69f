/// Why and when a record was changed, and which of its fields changed: what an amendment event says
/// beside the new values, so the log shows what changed, when and why (who is in the log's envelope).
public struct Amendment: Hashable, Sendable, Codable {
    /// When the change was decided or learned of.
    public var at: ZonedTime
    /// Why.
    public var reason: String
    /// The names of the fields that changed, as scenario files and the API spell them.
    public var changed: [String]

    /// ` (title, windows): reason` — what changed and why, for timelines.
    public var summary: String {
        (changed.isEmpty ? "" : " (" + changed.joined(separator: ", ") + ")") + ": " + reason
    }

    /// An amendment.
    public init(at: ZonedTime, reason: String, changed: [String]) {
        self.at = at
        self.reason = reason
        self.changed = changed
    }
}
