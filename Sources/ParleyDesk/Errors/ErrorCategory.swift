/// How an error is reported: the one sorting every front end (command line, web, API) maps from.
public enum ErrorCategory: String, Sendable {
    /// The input was wrong; the message says what and where.
    case user
    /// Someone else changed the desk first; re-read and try again.
    case conflict
    /// The storage cannot be used now (a full or read-only disk, a database server that does not
    /// answer); nothing was written, and the same request may succeed later.
    case unavailable
    /// Parley itself failed; the detail goes to the log.
    case `internal`
}

/// An error that knows its category and has a one-line message fit for the person who caused it.
public protocol CategorizedError: Error {
    /// Which of user, conflict, unavailable or internal this is.
    var category: ErrorCategory { get }
    /// One line saying what was refused and why.
    var message: String { get }
}
