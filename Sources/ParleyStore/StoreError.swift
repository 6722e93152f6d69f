import ParleyDesk

/// A failure of the event log: a stale append, or storage that cannot be used.
public struct StoreError: CategorizedError, Equatable {
    /// What kind of failure.
    public enum Code: Sendable, Equatable {
        /// The desk has moved on since the writer read it.
        case conflict(desk: String, expected: Int64, actual: Int64)
        /// The storage refused (read-only, full disk, unreachable server).
        case unavailable
        /// The stored data is not what Parley wrote.
        case corrupt
    }

    /// What kind of failure.
    public var code: Code
    /// What happened, with the remedy where there is one.
    public var detail: String
    /// Whether an append may have been recorded all the same (the connection failed while committing, or
    /// the database stopped answering a write): only a keyed repeat can tell.
    public var outcomeUnknown: Bool

    /// A failure with its code and detail; `outcomeUnknown` when an append may have committed.
    public init(_ code: Code, _ detail: String, outcomeUnknown: Bool = false) {
        self.code = code
        self.detail = detail
        self.outcomeUnknown = outcomeUnknown
    }

    /// A stale append is a conflict, storage that refuses is unavailable, damaged data is internal.
    public var category: ErrorCategory {
        switch code {
        case .conflict: .conflict
        case .unavailable: .unavailable
        case .corrupt: .internal
        }
    }

    /// One line.
    public var message: String {
        switch code {
        case .conflict(let desk, let expected, let actual):
            "desk '\(desk)' has changed: expected version \(expected), found \(actual); reload and try again"
        case .unavailable, .corrupt:
            detail
        }
    }

    /// The conflict error for a stale `expected` version.
    public static func conflict(desk: String, expected: Int64, actual: Int64) -> StoreError {
        StoreError(.conflict(desk: desk, expected: expected, actual: actual), "")
    }
}
