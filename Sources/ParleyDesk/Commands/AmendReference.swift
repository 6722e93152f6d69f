/// Change the desk's profile, a party, a principal, a venue, a channel's name and intermediary, or a
/// playbook not yet started.
///
/// Each case holds the record's new value in full. Its id, and a channel's kind, party and status
/// history, stay as they are.
public enum AmendReference: Sendable, Equatable {
    /// A party renamed.
    case party(Party)
    /// A principal renamed, retitled or moved to another party.
    case principal(Principal)
    /// A venue renamed, moved or put in another zone.
    case venue(Venue)
    /// A channel renamed, or reached through another intermediary (or none).
    case channel(Channel.ID, name: String, via: Party.ID?)
    /// The desk retitled, given another home zone, or another webhook (or none).
    case desk(title: String, zone: TimeZoneID, webhook: String?)
    /// A playbook not yet started renamed or given other steps.
    case playbook(Playbook.ID, name: String, steps: [PlaybookStep])
}

/// An `AmendReference` with when the change was decided or learned of, and why.
public struct AmendRecord: Sendable, Equatable {
    /// What changes, and to what.
    public var change: AmendReference
    /// When.
    public var at: ZonedTime
    /// Why.
    public var reason: String

    /// A change of a reference record.
    public init(_ change: AmendReference, at: ZonedTime, reason: String) {
        self.change = change
        self.at = at
        self.reason = reason
    }
}
