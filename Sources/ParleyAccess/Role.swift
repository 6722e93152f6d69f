/// What a person may do on the desks: read, record, or also manage people.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    /// Reads everything they are cleared for.
    case viewer
    /// Also records attempts, signals, deadlines and tasks, and moves engagements.
    case officer
    /// Also manages accounts.
    case admin

    /// Whether this role grants `permission`.
    public func grants(_ permission: Permission) -> Bool {
        switch permission {
        case .open, .read: true
        case .record: self >= .officer
        case .administer: self == .admin
        }
    }

    /// Viewer < officer < admin.
    public static func < (left: Role, right: Role) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }
}

/// What a route needs.
public enum Permission: String, Sendable, CaseIterable {
    /// Anyone, signed in or not (the login page, health, static files).
    case open
    /// A signed-in person of any role.
    case read
    /// An officer or admin.
    case record
    /// An admin.
    case administer
}
