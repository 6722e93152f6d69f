import ParleyDesk

/// A mistake in how a command was called (a missing desk, an unreadable file); the user's to fix.
struct CommandLineError: CategorizedError {
    let message: String
    var category: ErrorCategory { .user }

    init(_ message: String) { self.message = message }
}
