import Foundation
import ParleyDesk
import Synchronization

/// One desk's alarms at one version, newest first, kept so that listing a person's alarms does not walk
/// every entry of every desk on each call.
///
/// `/alarms` (and the header's alarm area, every 15 s on every open page) walked all 40 000 entries of
/// 20 desks of 2 000 events and sorted the 20 000 alarms each time: 192 requests a second at best.
struct AlarmIndex: Sendable {
    /// One alarm: the entry that raised it.
    struct Item: Sendable {
        let at: Date
        let number: Int64
        let kind: AlarmKind
        /// The engagement, for moves (listed only to people who follow it).
        let engagement: Engagement.ID?
        /// When the desk learned of it (a move is listed if learned after the person began to follow).
        let learned: Date
    }

    /// The alarms other than moves, newest first (by time, then entry number).
    let items: [Item]
    /// Their entry numbers.
    let numbers: Set<Int64>
    /// Moves of engagements, newest first: few, and each depends on who follows what.
    let moves: [Item]

    /// The alarms of `state`, whose entries are numbered as its readers see them.
    init(of state: DeskState) {
        var items: [Item] = []
        var moves: [Item] = []
        for (number, event) in state.log.entries where state.log.retracted[number] == nil {
            guard let kind = event.alarm else { continue }
            let item = Item(
                at: event.at, number: number, kind: kind, engagement: event.engagement, learned: event.learned)
            if kind == .moved { moves.append(item) } else { items.append(item) }
        }
        let newestFirst = { (a: Item, b: Item) in (a.at, a.number) > (b.at, b.number) }
        self.items = items.sorted(by: newestFirst)
        self.moves = moves.sorted(by: newestFirst)
        numbers = Set(items.map(\.number))
    }

    /// The alarms not in `seen` that `follows` admits among the moves: the newest `limit` of them and
    /// how many there are in all.
    func unseen(_ seen: Set<Int64>, limit: Int, follows: (Item) -> Bool) -> (newest: [Item], total: Int) {
        var total = items.count - seen.lazy.filter { numbers.contains($0) }.count
        var newest: [Item] = []
        for item in items where !seen.contains(item.number) {
            guard newest.count < limit else { break }
            newest.append(item)
        }
        for move in moves where !seen.contains(move.number) && follows(move) {
            total += 1
            newest.append(move)
        }
        return (newest, total)
    }
}

/// Each whole desk's `AlarmIndex` at its latest version seen.
final class AlarmIndexCache: Sendable {
    private let kept = Mutex<[String: (version: Int64, index: AlarmIndex)]>([:])

    /// The index of `desk` at `version`, made from `state` unless kept.
    func index(of desk: String, version: Int64, state: DeskState) -> AlarmIndex {
        if let kept = kept.withLock({ $0[desk] }), kept.version == version { return kept.index }
        let index = AlarmIndex(of: state)
        kept.withLock { kept in
            if kept[desk] == nil, kept.count >= SearchCorpus.capacity, let evicted = kept.keys.first {
                kept[evicted] = nil
            }
            if (kept[desk]?.version ?? 0) <= version { kept[desk] = (version, index) }
        }
        return index
    }
}
