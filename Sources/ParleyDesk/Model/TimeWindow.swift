/// A span of time, from one instant to a later one.
public struct TimeWindow: Hashable, Sendable, Codable {
    /// When it opens.
    public var from: ZonedTime
    /// When it closes.
    public var to: ZonedTime

    /// A span from `from` to `to`.
    public init(from: ZonedTime, to: ZonedTime) {
        self.from = from
        self.to = to
    }

    /// Refuses a span that closes before it opens.
    /// - Throws: `DeskError.invertedRange` naming `field`.
    public func validate(field: String) throws(DeskError) {
        guard from.instant <= to.instant else {
            throw .invertedRange(field: field, from: from.display, to: to.display)
        }
    }
}
