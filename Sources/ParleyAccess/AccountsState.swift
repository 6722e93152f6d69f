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

    /// A secret calendar address: what it shows, and as whom.
    public struct CalendarFeed: Sendable, Equatable {
        /// Its id (not the secret).
        public var id: String
        /// Whose it is: it shows what they may read, as they may read it now.
        public var name: String
        /// The desk.
        public var desk: String
        /// The trip, when it is one trip's.
        public var trip: String?
        /// When it was issued.
        public var issued: Date
    }

    /// People by name.
    public private(set) var users: [String: User] = [:]
    /// Compartments by id.
    public private(set) var compartments: [Compartment.ID: CompartmentRecord] = [:]

    /// A name signing in from an address: what the sign-in limits are kept for.
    struct SignInPair: Hashable, Sendable {
        /// The name given.
        var name: String
        /// The address it came from.
        var address: String
    }

    /// What the log says about sign-ins like one being made: refusals within the limit window, and
    /// whether the name has signed in from the address before.
    struct SignInHistory: Sendable, Equatable {
        /// Refusals of this name from this address since it last signed in from there.
        var forPair = 0
        /// Refusals of this name, from anywhere.
        var forName = 0
        /// Refusals from this address, for any name.
        var fromAddress = 0
        /// Whether this name has signed in from this address before (which loosens the limits).
        var familiar = false
    }

    /// Calendar feeds that answer, by id.
    public private(set) var calendarFeeds: [String: CalendarFeed] = [:]
    /// Their ids by the SHA-256 of their secret.
    var calendarFeedsByHash: [String: String] = [:]

    /// The engagements each person follows, by name, as `desk/engagement`, with when they began to.
    public private(set) var following: [String: [String: Date]] = [:]
    /// The alarms each person has acknowledged, by name and desk: the sequence numbers of the events
    /// that raised them.
    public private(set) var acknowledged: [String: [String: Set<Int64>]] = [:]

    /// Open sessions by the SHA-256 of their token.
    var sessions: [String: Session] = [:]
    /// Refused sign-ins: who, from where, when; only those within the limit window of the newest one
    /// are kept (at most `failureMemory` of them; password checks are too slow for more in a window),
    /// and a pair's are forgotten when it signs in (they were the owner's typos).
    var failures: [(pair: SignInPair, at: Date)] = []
    /// The names that have signed in from each address.
    var signedIn: Set<SignInPair> = []

    /// The most refusals kept: more than the server can check passwords for within a limit window.
    static let failureMemory = 50_000

    /// No accounts.
    public init() {}

    /// Applies one event recorded at `at`.
    public mutating func apply(_ event: AccountEvent, at: Date) {
        switch event {
        case .userAdded(let name, let role, let hash):
            users[name] = User(name: name, role: role, passwordHash: hash)
        case .roleChanged(let name, let role):
            users[name]?.role = role
        case .passwordChanged(let name, let hash):
            users[name]?.passwordHash = hash
            sessions = sessions.filter { $0.value.name != name }
            // A new password says the old one may have leaked: so may a feed made with it.
            let ended = Set(calendarFeeds.values.filter { $0.name == name }.map(\.id))
            calendarFeeds = calendarFeeds.filter { !ended.contains($0.key) }
            calendarFeedsByHash = calendarFeedsByHash.filter { !ended.contains($0.value) }
        case .sessionOpened(let tokenHash, let name, let address, let expires):
            sessions[tokenHash] = Session(name: name, expires: expires)
            let pair = SignInPair(name: name, address: address)
            signedIn.insert(pair)
            failures.removeAll { $0.pair == pair }
        case .sessionClosed(let tokenHash, _):
            sessions[tokenHash] = nil
        case .signInFailed(let name, let address, _):
            failures.append((SignInPair(name: name, address: address), at))
            let stale = at.addingTimeInterval(-AccountBook.limitWindow)
            let expired = failures.prefix { $0.at < stale }.count + max(0, failures.count - Self.failureMemory)
            if expired > 0 { failures.removeFirst(min(expired, failures.count)) }
        case .compartmentCreated(let id, let title):
            compartments[id] = CompartmentRecord(id: id, title: title, members: [])
        case .compartmentMemberAdded(let id, let name):
            compartments[id]?.members.insert(name)
        case .compartmentMemberRemoved(let id, let name):
            compartments[id]?.members.remove(name)
        case .calendarFeedIssued(let id, let tokenHash, let name, let desk, let trip):
            calendarFeeds[id] = CalendarFeed(id: id, name: name, desk: desk, trip: trip, issued: at)
            calendarFeedsByHash[tokenHash] = id
        case .calendarFeedRevoked(let id, _):
            calendarFeeds[id] = nil
            calendarFeedsByHash = calendarFeedsByHash.filter { $0.value != id }
        case .engagementFollowed(let name, let desk, let engagement):
            following[name, default: [:]][desk + "/" + engagement] = at
        case .engagementUnfollowed(let name, let desk, let engagement):
            following[name]?[desk + "/" + engagement] = nil
        case .alarmsAcknowledged(let name, let desk, let sequences):
            acknowledged[name, default: [:]][desk, default: []].formUnion(sequences)
        }
    }

    /// Whether `name` follows `engagement` of `desk`.
    public func follows(_ name: String, desk: String, engagement: String) -> Bool {
        since(name, follows: engagement, desk: desk) != nil
    }

    /// When `name` began to follow `engagement` of `desk`, if they do.
    public func since(_ name: String, follows engagement: String, desk: String) -> Date? {
        following[name]?[desk + "/" + engagement]
    }

    /// The compartments `name` is a member of.
    public func clearance(of name: String) -> Clearance {
        .only(Set(compartments.values.filter { $0.members.contains(name) }.map(\.id)))
    }

    /// What the log says about `name` signing in from `address`, counting refusals since `since`.
    func signInHistory(name: String, address: String, since: Date) -> SignInHistory {
        var history = SignInHistory(familiar: signedIn.contains(SignInPair(name: name, address: address)))
        for failure in failures where failure.at >= since {
            if failure.pair.name == name {
                history.forName += 1
                if failure.pair.address == address { history.forPair += 1 }
            }
            if failure.pair.address == address { history.fromAddress += 1 }
        }
        return history
    }
}
