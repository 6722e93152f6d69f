import Foundation

/// The clock and the id source, injected so that nothing in the core reads the wall clock or makes up
/// random ids, and every test and replay is deterministic.
public struct DeskEnvironment: Sendable {
    /// The current instant (kept to the millisecond by callers that store it).
    public var now: @Sendable () -> Date
    /// A fresh event id.
    public var newID: @Sendable () -> UUID

    /// An environment from a clock and an id source.
    public init(now: @escaping @Sendable () -> Date, newID: @escaping @Sendable () -> UUID) {
        self.now = now
        self.newID = newID
    }
}
