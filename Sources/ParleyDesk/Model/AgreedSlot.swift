/// When and where both sides agreed the meeting takes place.
public struct AgreedSlot: Hashable, Sendable, Codable {
    /// When it starts.
    public var start: ZonedTime
    /// How long it lasts.
    public var duration: Minutes
    /// Where.
    public var venue: Venue.ID
    /// When it was agreed (or last changed).
    public var agreedAt: ZonedTime

    /// An agreed start, length and venue.
    public init(start: ZonedTime, duration: Minutes, venue: Venue.ID, agreedAt: ZonedTime) {
        self.start = start
        self.duration = duration
        self.venue = venue
        self.agreedAt = agreedAt
    }
}
