import Foundation

/// The entries a state was folded from, numbered, and which of them were retracted: kept so that the
/// desk can be folded again without a retracted entry, and a retraction can be checked against what
/// came after it.
///
/// Two states are the same desk however they were reached (a scenario exported and imported again folds
/// from other entries), so every log compares equal to every other.
public struct DeskLog: Sendable, Equatable {
    /// Entry numbers, ascending (the log's sequences; a redacted view's own numbers; gaps where a cut
    /// left entries out).
    public private(set) var numbers: [Int64] = []
    /// The entries, in the order of `numbers`.
    public private(set) var events: [DeskEvent] = []
    /// Retracted entries by number.
    public private(set) var retracted: [Int64: RetractedEntry] = [:]
    /// Whether a retraction was folded in and the desk is still to be folded again without it.
    var needsRefold = false

    /// An empty log.
    public init() {}

    /// Every log is the same for comparing states: a state is what was folded, not how.
    public static func == (_: DeskLog, _: DeskLog) -> Bool { true }

    /// The number the next entry gets when none is given.
    public var nextNumber: Int64 { (numbers.last ?? 0) + 1 }

    /// The entry numbered `number`, if the log holds it.
    public func event(_ number: Int64) -> DeskEvent? {
        var low = 0
        var high = numbers.count
        while low < high {
            let middle = (low + high) / 2
            if numbers[middle] < number { low = middle + 1 } else { high = middle }
        }
        return low < numbers.count && numbers[low] == number ? events[low] : nil
    }

    /// The entries in order, each with its number.
    public var entries: Zip2Sequence<[Int64], [DeskEvent]> { zip(numbers, events) }

    /// The entries that count: neither retracted nor retractions themselves.
    public var standing: [DeskEvent] {
        entries.compactMap { number, event in
            retracted[number] == nil && !event.isRetraction ? event : nil
        }
    }

    mutating func append(_ event: DeskEvent, number: Int64) {
        numbers.append(number)
        events.append(event)
    }

    mutating func retract(_ entry: RetractedEntry) { retracted[entry.entry] = entry }
}
