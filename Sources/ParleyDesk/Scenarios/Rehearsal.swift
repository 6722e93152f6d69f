import Foundation

/// A past story re-timed to unfold from a chosen moment at a chosen speed, for staff to rehearse on.
///
/// Every time in every event (when it happened, when it was learned, deadlines, windows, slots) is moved
/// by the same map, `start + (time − origin) / speed`, where `origin` is the story's first event: at speed
/// 1 the story is lived again minute for minute from `start`; at speed 10 an evening passes in under an
/// hour. Lengths (a playbook's waits, an alarm's lead, a task's duration) are kept as written, so at a
/// higher speed they last longer against the story. What a live desk's timers make (a playbook's tries,
/// deadline alarms) is left out: the rehearsal desk's own timers make it, live.
public struct Rehearsal: Sendable {
    /// One event of the story and when, on the rehearsal's clock, it is recorded.
    public struct Step: Sendable, Equatable {
        /// When to record it.
        public let due: Date
        /// The event, re-timed.
        public let event: DeskEvent
    }

    /// Event types a desk's timers write, which the rehearsal's timers write again.
    public static let timerMade: Set<String> = ["PlaybookTryDue", "DeadlineAlarmRaised"]
    /// How every rehearsal desk's name begins, and no other desk's: pages mark such desks as rehearsals.
    public static let deskPrefix = "rehearsal-"
    /// The fastest a story may be rehearsed.
    public static let speeds: ClosedRange<Double> = 1...600

    /// The steps in the order they are recorded (the desk's opening first).
    public let steps: [Step]

    /// The rehearsal of `story` (a desk's events, its opening among them) as desk `desk` titled `title`.
    /// - Throws: `DeskError.invalidValue` for a speed outside `speeds` or a story without an opening;
    ///   what re-reading a re-timed event throws (a bug).
    public init(story: [DeskEvent], desk: String, title: String, from start: Date, speed: Double) throws {
        guard Self.speeds.contains(speed) else {
            throw DeskError.invalidValue(field: "speed", expected: "a speed from 1 to 600", found: "\(speed)")
        }
        guard let origin = story.map(\.at).min(), story.contains(where: { $0.type == "DeskOpened" }) else {
            throw DeskError.invalidValue(field: "story", expected: "a desk's events, its opening first", found: "none")
        }
        func moved(_ time: Date) -> Date {
            InstantText.rounded(start.addingTimeInterval(time.timeIntervalSince(origin) / speed))
        }
        let ordered = story.enumerated().sorted {
            ($0.element.type == "DeskOpened" ? 0 : 1, $0.element.at, $0.offset)
                < ($1.element.type == "DeskOpened" ? 0 : 1, $1.element.at, $1.offset)
        }.map(\.element).filter { !Self.timerMade.contains($0.type) }
        steps = try ordered.map { event in
            var retimed = try Self.retimed(event, by: moved)
            if case .deskOpened(var profile) = retimed.fact {
                profile.name = desk
                profile.title = title
                profile.webhook = nil
                retimed = DeskEvent(at: retimed.at, .deskOpened(profile))
            }
            return Step(due: retimed.at, event: retimed)
        }
    }

    /// `event` with every instant in its stored form moved by `map`: the log's own JSON, so no field of
    /// any type or version is missed.
    private static func retimed(_ event: DeskEvent, by map: (Date) -> Date) throws -> DeskEvent {
        let stored = try JSONSerialization.jsonObject(with: try event.encodedPayload())
        func walk(_ value: Any) -> Any {
            if let text = value as? String, text.count >= 20, text.hasSuffix("Z"), let instant = InstantText.parse(text)
            {
                return InstantText.format(map(instant))
            }
            if let object = value as? [String: Any] { return object.mapValues(walk) }
            if let array = value as? [Any] { return array.map(walk) }
            return value
        }
        let payload = try JSONSerialization.data(withJSONObject: walk(stored), options: [.sortedKeys])
        return try DeskEvent.decode(type: event.type, schemaVersion: event.schemaVersion, payload: payload)
    }
}
