import Foundation
import ParleyDesk

/// The accounts as their events build them.
public struct AccountsState: Sendable {
    /// A person with an account.
    public struct User: Sendable, Equatable {
        /// Their name (the actor on everything they record).
        public var name: String
        /// What they may do.
        public var role: Role
        /// Their password, hashed (`PasswordHasher`).
        var passwordHash: String
    }

    /// A signed-in browser or API client.
    public struct Session: Sendable, Equatable {
        /// Whose it is.
        public var name: String
        /// When it ends by itself.
        public var expires: Date
    }

    /// A need-to-know group and who is in it.
    public struct CompartmentRecord: Sendable, Equatable {
        /// Its id.
        public var id: Compartment.ID
        /// What it is for, in a few words.
        public var title: String
        /// The names of its members.
        public var members: Set<String>
    }

    /// People by name.
    public private(set) var users: [String: User] = [:]
    /// Compartments by id.
    public private(set) var compartments: [Compartment.ID: CompartmentRecord] = [:]
    /// Open sessions by the SHA-256 of their token.
    var sessions: [String: Session] = [:]
    /// Refused sign-ins: who, from where, when (the newest few hundred, for rate limits).
    var failures: [(name: String, address: String, at: Date)] = []

    /// No accounts.
    public init() {}

    /// Applies one event recorded at `at`.
    mutating func apply(_ event: AccountEvent, at: Date) {
        switch event {
        case .userAdded(let name, let role, let hash):
            users[name] = User(name: name, role: role, passwordHash: hash)
        case .roleChanged(let name, let role):
            users[name]?.role = role
        case .passwordChanged(let name, let hash):
            users[name]?.passwordHash = hash
            sessions = sessions.filter { $0.value.name != name }
        case .sessionOpened(let tokenHash, let name, _, let expires):
            sessions[tokenHash] = Session(name: name, expires: expires)
        case .sessionClosed(let tokenHash, _):
            sessions[tokenHash] = nil
        case .signInFailed(let name, let address, _):
            failures.append((name, address, at))
            if failures.count > 500 { failures.removeFirst(failures.count - 500) }
        case .compartmentCreated(let id, let title):
            compartments[id] = CompartmentRecord(id: id, title: title, members: [])
        case .compartmentMemberAdded(let id, let name):
            compartments[id]?.members.insert(name)
        case .compartmentMemberRemoved(let id, let name):
            compartments[id]?.members.remove(name)
        }
    }

    /// The compartments `name` is a member of.
    public func clearance(of name: String) -> Clearance {
        .only(Set(compartments.values.filter { $0.members.contains(name) }.map(\.id)))
    }

    /// Refused sign-ins for `name`, and from `address`, since `since`.
    func failureCounts(name: String, address: String, since: Date) -> (forName: Int, fromAddress: Int) {
        let recent = failures.filter { $0.at >= since }
        return (recent.filter { $0.name == name }.count, recent.filter { $0.address == address }.count)
    }
}
