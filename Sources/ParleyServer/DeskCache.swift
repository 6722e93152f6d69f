import ParleyStore

/// The desks the server's ledger keeps folded, as live updates and `/metrics` see them; the ledger
/// itself keeps them (`DeskLedger`, `FoldedStreams`), so that writes and reads share one copy.
struct DeskCache: Sendable {
    let ledger: DeskLedger

    /// How many folded desks and redacted copies are kept now.
    var count: Int { ledger.keptCount }

    /// The cache's size in Prometheus' text format, for `/metrics`.
    var metricsText: String {
        [
            "# HELP parley_desk_cache_entries Folded desks and redacted copies kept between requests.",
            "# TYPE parley_desk_cache_entries gauge", "parley_desk_cache_entries \(count)",
        ].joined(separator: "\n") + "\n"
    }

    /// Notes that `desk` has reached `version` (a live event, perhaps written by another server), so the
    /// next look reads what is new instead of trusting the copy held.
    func observe(_ desk: String, version: Int64) { ledger.observe(desk, version: version) }

    /// Makes the next look at `desk` ask the store for what is new.
    func invalidate(_ desk: String) { ledger.invalidate(desk) }
}
