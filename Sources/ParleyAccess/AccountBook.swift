import Crypto
import Foundation
import ParleyDesk
import ParleyStore
import Synchronization

/// Accounts and sessions, kept in the `~accounts` stream of the desks' own event store.
///
/// Every server sharing the store sees the same people and sessions: its copy is re-checked against
/// the log at most every quarter second, so a revoked session or a changed role takes effect on every
/// server within that. Sign-in refusals are events too, so rate limits hold across servers.
public final class AccountBook: Sendable {
    /// The stream holding the accounts.
    public static let stream = accountsStream

    let environment: DeskEnvironment
    private let hasher: PasswordHasher
    let folds: FoldedStreams<AccountsState>
    private let attempts = SignInGate()
    /// What a password given for a name without an account is checked against, at the cost of a real one,
    /// so that the time taken does not tell which names have accounts.
    private let decoyHash: String
    /// The identities of open sessions already looked up in the copy of the accounts at `version`.
    ///
    /// A request does not hash its token again (a tenth of a cached page's time went there). Unknown
    /// tokens are never kept: a flood of made-up ones cannot fill it.
    private let recognised = Mutex<(version: Int64, byToken: [String: (identity: Identity, expires: Date)])>(
        (-1, [:]))

    /// How long a session lasts.
    public static let sessionLength: TimeInterval = 12 * 3_600
    /// Refused sign-ins allowed within `limitWindow` (ADR 12 says why).
    ///
    /// For one name from one address (since it last signed in from there) always; and, from an address
    /// the name has never signed in from, for the name from anywhere and from the address for any name.
    public static let limits = (perPair: 5, perName: 10, perAddress: 20)
    /// The window the limits count over.
    public static let limitWindow: TimeInterval = 15 * 60
    /// How many times a write to the accounts is decided again after another server wrote first.
    static let writeAttempts = 20

    /// A book over `store`, hashing new passwords with `hasher`; its copy of the accounts is trusted for a
    /// quarter second on `clock`.
    public init(
        store: any EventStore, environment: DeskEnvironment, hasher: PasswordHasher = .standard,
        clock: SteadyClock = .system
    ) {
        self.environment = environment
        self.hasher = hasher
        folds = FoldedStreams(store: store, empty: AccountsState(), clock: clock, freshFor: .milliseconds(250)) {
            state, stored in
            state.apply(try AccountEvent.decode(stored), at: stored.recordedAt)
        }
        // The hasher's own cost and a salt like a real one; no password derives a key of zeros (in practice).
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        decoyHash =
            "scrypt$\(hasher.rounds)$\(hasher.blockSize)$1$\(salt)$" + Data(count: 32).base64EncodedString()
    }

    /// The accounts as of the log (at most a quarter second old).
    public func state() async throws -> AccountsState { try await folds.current(Self.stream).state }

    private func refresh() async throws -> AccountsState { try await folds.refreshed(Self.stream).state }

    /// Appends what `decide` yields on the newest state through the one write path (`FoldedStreams.write`),
    /// deciding again at once if another server wrote first.
    ///
    /// Writes from this process take turns (the write path's), so they never conflict with each other; a
    /// conflict means another server (or a `parley user` command) wrote, and the write is decided again on
    /// the state with its events folded in.
    @discardableResult
    func record(actor: String, _ decide: (AccountsState) throws -> [AccountEvent]) async throws
        -> AccountsState
    {
        do {
            return try await folds.write(to: Self.stream, attempts: Self.writeAttempts, startFresh: true) { folded, _ in
                let events = try decide(folded.state)
                if events.isEmpty { return .nothing }
                let now = InstantText.rounded(environment.now())
                return .append(try events.map { try $0.pending(actor: actor, at: now, id: environment.newID()) })
            }.after.state
        } catch let error as StoreError {
            guard case .conflict = error.code else { throw error }
            throw StoreError(.unavailable, "the accounts kept changing under this write; try again")
        }
    }

    /// Whether anyone has an account yet.
    public func isEmpty() async throws -> Bool { try await state().users.isEmpty }

    /// Gives `name` an account.
    /// - Throws: `AccessError` for a name already taken, a malformed name, or a short password.
    public func addUser(_ name: String, role: Role, password: String, actor: String) async throws {
        guard name.count <= 64, let first = name.first, first.isLetter,
            name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
        else {
            throw AccessError(.badName, "name: expected letters, digits, '-', '_' or '.', starting with a letter")
        }
        try Self.requireStrong(password)
        let hash = try hasher.hash(password)
        try await record(actor: actor) { state in
            guard state.users[name] == nil else {
                throw AccessError(.nameTaken, "name: '\(name)' already has an account")
            }
            return [.userAdded(name: name, role: role, passwordHash: hash)]
        }
    }

    /// Changes `name`'s role.
    /// - Throws: `AccessError` when there is no such account.
    public func changeRole(of name: String, to role: Role, actor: String) async throws {
        try await record(actor: actor) { state in
            try Self.requireAccount(name, in: state)
            return [.roleChanged(name: name, role: role)]
        }
    }

    /// Sets `name`'s password; every session of theirs ends.
    /// - Throws: `AccessError` when there is no such account or the password is too short.
    public func changePassword(of name: String, to password: String, actor: String) async throws {
        try Self.requireStrong(password)
        let hash = try hasher.hash(password)
        try await record(actor: actor) { state in
            try Self.requireAccount(name, in: state)
            return [.passwordChanged(name: name, passwordHash: hash)]
        }
    }

    /// Ends every open session of `name` (a lost laptop, someone leaving); returns how many ended.
    /// - Throws: `AccessError` when there is no such account.
    @discardableResult
    public func revokeSessions(of name: String, actor: String) async throws -> Int {
        var ended = 0
        try await record(actor: actor) { state in
            try Self.requireAccount(name, in: state)
            let open = state.sessions.filter { $0.value.name == name }.keys.sorted()
            ended = open.count
            // Their calendar feeds end too: revoking someone's sessions means what they opened may be in
            // other hands.
            let feeds = state.calendarFeeds.values.filter { $0.name == name }.map(\.id).sorted()
            return open.map { .sessionClosed(tokenHash: $0, reason: "revoked by \(actor)") }
                + feeds.map { .calendarFeedRevoked(id: $0, reason: "sessions revoked by \(actor)") }
        }
        return ended
    }

    /// Creates an empty compartment.
    /// - Throws: `AccessError` for a malformed or taken id, or an empty title.
    public func createCompartment(_ id: String, title: String, actor: String) async throws {
        let compartment: Compartment.ID
        do {
            compartment = try Compartment.ID.validated(id, field: "compartment")
        } catch {
            throw AccessError(.badName, error.message)
        }
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isBlank else { throw AccessError(.badName, "title: expected a few words saying what it is for") }
        guard title.count <= DeskLimits.maxName,
            !title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw AccessError(
                .badName,
                "title: expected one line of at most \(DeskLimits.maxName) characters without control characters")
        }
        try await record(actor: actor) { state in
            guard state.compartments[compartment] == nil else {
                throw AccessError(.nameTaken, "compartment: '\(id)' already exists")
            }
            return [.compartmentCreated(compartment: compartment, title: title)]
        }
    }

    /// Makes `name` a member of `compartment` (nothing happens when they already are).
    /// - Throws: `AccessError` when there is no such account or compartment.
    public func addMember(_ name: String, to compartment: String, actor: String) async throws {
        try await record(actor: actor) { state in
            try Self.requireAccount(name, in: state)
            let record = try Self.requireCompartment(compartment, in: state)
            return record.members.contains(name) ? [] : [.compartmentMemberAdded(compartment: record.id, name: name)]
        }
    }

    /// Takes `name` out of `compartment` (nothing happens when they were not in it).
    /// - Throws: `AccessError` when there is no such compartment.
    public func removeMember(_ name: String, from compartment: String, actor: String) async throws {
        try await record(actor: actor) { state in
            let record = try Self.requireCompartment(compartment, in: state)
            return record.members.contains(name) ? [.compartmentMemberRemoved(compartment: record.id, name: name)] : []
        }
    }

    private static func requireCompartment(_ id: String, in state: AccountsState) throws
        -> AccountsState.CompartmentRecord
    {
        guard let record = state.compartments[Compartment.ID(id)] else {
            throw AccessError(.unknownCompartment, "compartment: no compartment named '\(id)'")
        }
        return record
    }

    private static func requireStrong(_ password: String) throws {
        guard password.count >= 12 else {
            throw AccessError(.weakPassword, "password: expected at least 12 characters")
        }
    }

    static func requireAccount(_ name: String, in state: AccountsState) throws {
        guard state.users[name] != nil else { throw AccessError(.unknownUser, "name: no account named '\(name)'") }
    }

    /// Checks a name and password and opens a session.
    ///
    /// The limits are counted before the password is checked, with the attempts this process is
    /// checking at the moment, so parallel guesses cannot pass them (`SignInGate`); a name without an
    /// account costs one password check like any other, so the time taken does not tell whether it has one.
    /// - Returns: the session token, to be given to the browser or client and never stored.
    /// - Throws: `AccessError` `.tooManyAttempts` (with when to try again) or `.badCredentials`; a
    ///   refusal is recorded, with the address.
    public func signIn(name: String, password: String, address: String) async throws -> String {
        // Other servers' refusals too, not a copy up to a quarter second old.
        let known = try await refresh()
        let pair = AccountsState.SignInPair(name: name, address: address)
        let since = environment.now().addingTimeInterval(-Self.limitWindow)
        let admitted = await attempts.admit(pair) { inFlight in
            // The newest copy: refusals this process recorded while the attempt waited are in it.
            let state = folds.held(Self.stream)?.folded.state ?? known
            let history = state.signInHistory(name: name, address: address, since: since)
            return Self.verdict(history, inFlight)
        }
        guard let ticket = admitted else {
            throw AccessError(
                .tooManyAttempts,
                "too many refused sign-ins for this name or from this address; try again in 15 minutes")
        }
        // Released only when the outcome is in this process's copy of the log, so it is never uncounted.
        defer { attempts.release(ticket) }
        let user = (folds.held(Self.stream)?.folded.state ?? known).users[name]
        guard hasher.check(password, against: user?.passwordHash ?? decoyHash), let user else {
            let reason = user == nil ? "no such account" : "wrong password"
            try await record(actor: name) { _ in [.signInFailed(name: name, address: address, reason: reason)] }
            throw AccessError(.badCredentials, "the name or the password is wrong")
        }
        let token = Self.newToken()
        let expires = environment.now().addingTimeInterval(Self.sessionLength)
        try await record(actor: name) { _ in
            [.sessionOpened(tokenHash: Self.hash(token), name: user.name, address: address, expires: expires)]
        }
        return token
    }

    /// Whether an attempt with `history` in the log and `inFlight` attempts being checked may be checked:
    /// the limit for its name and address always, and, from an address its name never signed in from,
    /// the limits for the name from anywhere and for the address.
    private static func verdict(_ history: AccountsState.SignInHistory, _ inFlight: SignInGate.InFlight)
        -> SignInGate.Verdict
    {
        var counts = [(history.forPair, inFlight.forPair, limits.perPair)]
        if !history.familiar {
            counts.append((history.forName, inFlight.forName, limits.perName))
            counts.append((history.fromAddress, inFlight.fromAddress, limits.perAddress))
        }
        if counts.contains(where: { recorded, _, limit in recorded >= limit }) { return .refuse }
        if counts.contains(where: { recorded, checking, limit in recorded + checking >= limit }) { return .wait }
        return .admit
    }

    /// Ends the session of `token` (signing out, or an admin revoking it).
    public func signOut(token: String, actor: String, reason: String = "signed out") async throws {
        let tokenHash = Self.hash(token)
        guard try await state().sessions[tokenHash] != nil else { return }
        try await record(actor: actor) { _ in [.sessionClosed(tokenHash: tokenHash, reason: reason)] }
    }

    /// Who holds `token`, if it is an open, unexpired session of an existing account.
    public func identify(token: String) async throws -> Identity? {
        if let known = identifyIfFresh(token: token) { return known }
        return Self.identity(of: token, in: try await refresh(), at: environment.now())
    }

    /// The same answer as `identify` without suspending, when the copy of the accounts is fresh enough;
    /// nil (not `.some(nil)`) when the log must be read first.
    ///
    /// Every request asks this, so it must not wait for a task switch when nothing needs reading.
    public func identifyIfFresh(token: String) -> Identity?? {
        guard let held = folds.held(Self.stream), held.fresh else { return nil }
        let now = environment.now()
        let version = held.folded.version
        if let known = recognised.withLock({ $0.version == version ? $0.byToken[token] : nil }) {
            return .some(known.expires > now ? known.identity : nil)
        }
        guard let found = Self.session(of: token, in: held.folded.state, at: now) else { return .some(nil) }
        recognised.withLock { recognised in
            if recognised.version != version || recognised.byToken.count >= 4_096 {
                recognised = (version, [:])
            }
            recognised.byToken[token] = found
        }
        return .some(found.identity)
    }

    private static func identity(of token: String, in state: AccountsState, at now: Date) -> Identity? {
        session(of: token, in: state, at: now)?.identity
    }

    /// Who holds `token` in `state` and until when, if it is an open session of an existing account.
    private static func session(of token: String, in state: AccountsState, at now: Date)
        -> (identity: Identity, expires: Date)?
    {
        guard let session = state.sessions[hash(token)], session.expires > now, let user = state.users[session.name]
        else { return nil }
        return (Identity(name: user.name, role: user.role, clearance: state.clearance(of: user.name)), session.expires)
    }

    static func newToken() -> String { ByteText.randomToken() }

    /// The form token for pages shown to the holder of session token `session`: derived from it (43
    /// base64url characters, like a random one), so only that session's own pages can know it.
    public static func formToken(boundTo session: String) -> String {
        ByteText.base64URL(SHA256.hash(data: Data(("parley-form\u{0}" + session).utf8)))
    }

    static func hash(_ token: String) -> String { ByteText.hex(SHA256.hash(data: Data(token.utf8))) }
}

/// A signed-in person.
public struct Identity: Sendable, Equatable {
    /// Their name: the actor on everything they record.
    public var name: String
    /// What they may do.
    public var role: Role
    /// The compartments they are a member of, as of when they were identified.
    public var clearance: Clearance

    /// A person with a role.
    public init(name: String, role: Role, clearance: Clearance = .uncompartmented) {
        self.name = name
        self.role = role
        self.clearance = clearance
    }
}

/// A refusal about accounts: a wrong password, too many attempts, a name taken.
public struct AccessError: CategorizedError, Equatable {
    /// What kind.
    public enum Code: Sendable, Equatable {
        /// The name or the password is wrong (deliberately not saying which).
        case badCredentials
        /// Too many refused sign-ins lately.
        case tooManyAttempts
        /// The name is not usable.
        case badName
        /// The name already has an account.
        case nameTaken
        /// No such account.
        case unknownUser
        /// The password is too short.
        case weakPassword
        /// No such compartment.
        case unknownCompartment
        /// No calendar feed that answers has that id.
        case unknownCalendarFeed
        /// The person holds as many calendar feeds as anyone may.
        case tooManyFeeds
        /// More alarms than one write acknowledges.
        case tooManyAlarms
    }

    /// What kind.
    public var code: Code
    /// What to tell the person.
    public var message: String

    /// A refusal.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The person can fix it.
    public var category: ErrorCategory { .user }
}
