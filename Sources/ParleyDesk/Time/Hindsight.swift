import Foundation

/// How a past moment is seen: with what the desk knew then, or with everything that had happened by
/// then, including what it learned only later.
public enum Hindsight: String, Sendable, CaseIterable {
    /// Only what the desk had learned by then (the default for `--as-of` and the estimate).
    case asKnown = "as-known"
    /// Everything that had happened by then, whenever the desk learned of it.
    case asHappened = "as-happened"
}

extension DeskState {
    /// The desk as it stood at `moment`: the events past by then (as known, or as happened), folded in
    /// log order; `events` is the whole log from its first entry, so entries keep their numbers.
    public static func folding(_ events: some Sequence<DeskEvent>, asOf moment: Date, _ hindsight: Hindsight)
        -> DeskState
    {
        var state = DeskState()
        for (index, event) in events.enumerated() where event.isPast(moment, hindsight) {
            state.append(event, entry: Int64(index + 1))
        }
        state.settle()
        return state
    }
}
