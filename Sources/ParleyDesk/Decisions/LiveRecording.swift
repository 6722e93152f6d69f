import Foundation

extension DeskEvent {
    /// How far a clock may be ahead, or an entry behind, before it counts: five minutes.
    public static let clockTolerance: TimeInterval = 5 * 60

    /// Events decided for someone recording as things happen (the browser, the API), as the log keeps them.
    ///
    /// An event dated in the future, beyond the clock tolerance, is refused: it is a typo (a time in the
    /// wrong zone) that would otherwise make every later move "earlier than the last one". A plan — a
    /// deadline's due time, a window, an agreed slot — is a value inside an event, never its date, so it
    /// is not affected. An event dated earlier than that is stamped as learned `now`, so a replay as of a
    /// past moment does not show what nobody knew yet. Imports and replays keep the times they carry.
    /// - Throws: `DeskError.invalidValue` naming the time field.
    public static func recordedLive(_ events: [DeskEvent], now: Date, zone: TimeZoneID) throws(DeskError)
        -> [DeskEvent]
    {
        try events.map { (event) throws(DeskError) -> DeskEvent in
            if event.at > now.addingTimeInterval(clockTolerance) {
                let field = if case .engagementOpened = event.fact { "opened" } else { "at" }
                throw .invalidValue(
                    field: field,
                    expected: "a time no later than now (\(ZonedTime.display(now, in: zone))): check the zone, or "
                        + "record it when it happens",
                    found: ZonedTime.display(event.at, in: zone))
            }
            guard event.at < now.addingTimeInterval(-clockTolerance), event.known == nil else { return event }
            var learned = event
            learned.known = now
            return learned
        }
    }
}
