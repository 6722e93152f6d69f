import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParleyAccess
import ParleyDesk
import ParleyServer
import ParleyStore
import ParleyTestSupport
import Synchronization
import Testing

/// Counts the password checks a hasher makes: what an attacker's guesses actually cost the server.
private final class CheckCounter: Sendable {
    private let count = Mutex(0)
    var checks: Int { count.withLock { $0 } }

    /// A cheap hasher that counts its checks here.
    var hasher: PasswordHasher {
        PasswordHasher(rounds: PasswordHasher.testing.rounds, blockSize: PasswordHasher.testing.blockSize) {
            self.count.withLock { $0 += 1 }
        }
    }

    func reset() { count.withLock { $0 = 0 } }
}

/// A store in memory whose appends take a while, as a database's do: other tasks run between a writer
/// reading the version and its append arriving (without a clock, so the test does not wait on one).
private struct SlowAppendStore: EventStore {
    let base = InMemoryEventStore()

    func append(_ events: [PendingEvent], to desk: String, expectedVersion: Int64) async throws -> [StoredEvent] {
        for _ in 0..<20 { await Task.yield() }
        return try await base.append(events, to: desk, expectedVersion: expectedVersion)
    }

    func read(desk: String, from sequence: Int64) async throws -> [StoredEvent] {
        try await base.read(desk: desk, from: sequence)
    }

    func version(of desk: String) async throws -> Int64 { try await base.version(of: desk) }

    func desks() async throws -> [String] { try await base.desks() }

    func subscribe(desk: String, from sequence: Int64) -> AsyncThrowingStream<StoredEvent, any Error> {
        base.subscribe(desk: desk, from: sequence)
    }

    func event(id: UUID, desk: String) async throws -> StoredEvent? { try await base.event(id: id, desk: desk) }
}

/// A ledger with the test users and nothing else, on a clock that stands still (every attempt falls
/// within one limit window), over a store whose appends take a while.
private func accountsOnly() async throws -> DeskLedger {
    let now = Date(timeIntervalSince1970: 1_761_000_000)
    let ledger = DeskLedger(store: SlowAppendStore(), environment: DeskEnvironment(now: { now }, newID: { UUID() }))
    try await TestUsers.add(to: ledger)
    return ledger
}

/// An API sign-in, as a client sends it.
private func apiSignIn(_ client: some TestClientProtocol, _ name: String, _ password: String) async throws
    -> TestResponse
{
    try await client.execute(
        uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
        body: ByteBuffer(string: #"{"name":"\#(name)","password":"\#(password)"}"#))
}

/// The refusals recorded in the accounts' log.
private func refusals(in ledger: DeskLedger) async throws -> [StoredEvent] {
    try await ledger.store.read(desk: AccountBook.stream, from: 1).filter { $0.type == "SignInFailed" }
}

/// What a sign-in came to, as its caller sees it.
private enum Outcome: Equatable {
    case session, wrong, tooMany
    case other(String)
}

private func outcome(of attempt: () async throws -> String) async -> Outcome {
    do {
        _ = try await attempt()
        return .session
    } catch let error as AccessError {
        switch error.code {
        case .badCredentials: return .wrong
        case .tooManyAttempts: return .tooMany
        default: return .other(error.message)
        }
    } catch {
        return .other("\(error)")
    }
}

@Suite("Sign-in limits")
struct SignInLimitTests {
    @Test("thirty guesses sent at once for one name check only five passwords; the right one after them waits")
    func parallelGuessesAreCountedBeforeTheyAreChecked() async throws {
        let counter = CheckCounter()
        let ledger = try await accountsOnly()
        let app = buildApplication(
            ledger: ledger, configuration: .init(timerInterval: .zero, passwordHasher: counter.hasher))
        try await app.test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for guess in 1...30 {
                    group.addTask { try await apiSignIn(client, "officer", "guess number \(guess)").status }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(counter.checks <= AccountBook.limits.perPair)
            #expect(statuses.filter { $0 == .unauthorized }.count == AccountBook.limits.perPair)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 30 - AccountBook.limits.perPair)
            let right = try await apiSignIn(client, "officer", TestUsers.password)
            #expect(right.status == .tooManyRequests)
            #expect(!String(buffer: right.body).contains("token"))
        }
        #expect(try await refusals(in: ledger).count == AccountBook.limits.perPair)
    }

    @Test("an unknown name costs one password check, exactly like a known name with a wrong password")
    func unknownNamesTakeAsLongAsKnownOnes() async throws {
        let counter = CheckCounter()
        let app = buildApplication(
            ledger: try await accountsOnly(), configuration: .init(timerInterval: .zero, passwordHasher: counter.hasher)
        )
        try await app.test(.router) { client in
            let unknown = try await apiSignIn(client, "nobody-here", "some long password")
            #expect(unknown.status == .unauthorized)
            #expect(counter.checks == 1)
            counter.reset()
            let known = try await apiSignIn(client, "officer", "some long password")
            #expect(known.status == .unauthorized)
            #expect(counter.checks == 1)
            #expect(String(buffer: unknown.body) == String(buffer: known.body))
        }
    }

    @Test("guesses from many addresses do not keep the owner out of the address they signed in from before")
    func ownerGetsInFromAFamiliarAddress() async throws {
        let ledger = try await accountsOnly()
        let book = AccountBook(store: ledger.store, environment: ledger.environment, hasher: .testing)
        #expect(
            await outcome { try await book.signIn(name: "officer", password: TestUsers.password, address: "home") }
                == .session)
        for guess in 1...(AccountBook.limits.perName * 2) {
            _ = await outcome {
                try await book.signIn(name: "officer", password: "guess \(guess)", address: "stranger-\(guess)")
            }
        }
        // A new address is held back (the guessing is spread over addresses), the owner's own is not.
        #expect(
            await outcome { try await book.signIn(name: "officer", password: TestUsers.password, address: "new") }
                == .tooMany)
        #expect(
            await outcome { try await book.signIn(name: "officer", password: TestUsers.password, address: "home") }
                == .session)
    }

    @Test("a flood of guesses from one address holds back new names from it, not people who signed in there before")
    func floodFromOneAddressSparesItsKnownPeople() async throws {
        let ledger = try await accountsOnly()
        let book = AccountBook(store: ledger.store, environment: ledger.environment, hasher: .testing)
        #expect(
            await outcome { try await book.signIn(name: "viewer", password: TestUsers.password, address: "office") }
                == .session)
        for guess in 1...(AccountBook.limits.perAddress + 5) {
            _ = await outcome {
                try await book.signIn(name: "ghost-\(guess)", password: "guess \(guess)", address: "office")
            }
        }
        #expect(
            await outcome { try await book.signIn(name: "officer", password: TestUsers.password, address: "office") }
                == .tooMany)
        #expect(
            await outcome { try await book.signIn(name: "viewer", password: TestUsers.password, address: "office") }
                == .session)
    }

    @Test("the five guesses allowed for a name from one address still hold, and start again after signing in")
    func pairLimitHoldsAndResetsOnSuccess() async throws {
        let ledger = try await accountsOnly()
        let book = AccountBook(store: ledger.store, environment: ledger.environment, hasher: .testing)
        for round in 1...2 {
            for guess in 1..<AccountBook.limits.perPair {
                #expect(
                    await outcome {
                        try await book.signIn(name: "officer", password: "typo \(round) \(guess)", address: "desk")
                    } == .wrong)
            }
            #expect(
                await outcome { try await book.signIn(name: "officer", password: TestUsers.password, address: "desk") }
                    == .session)
        }
        for guess in 1...AccountBook.limits.perPair {
            _ = await outcome { try await book.signIn(name: "officer", password: "guess \(guess)", address: "desk") }
        }
        #expect(
            await outcome { try await book.signIn(name: "officer", password: TestUsers.password, address: "desk") }
                == .tooMany)
    }

    @Test("a hundred sign-ins at once are each answered for what they are, never 'try again later'")
    func floodOfSignInsNeverAnswersUnavailable() async throws {
        let ledger = try await accountsOnly()
        let book = AccountBook(store: ledger.store, environment: ledger.environment, hasher: .testing)
        let names = Role.allCases.map(\.rawValue)
        let outcomes = await withTaskGroup(of: (Bool, Outcome).self) { group in
            for attempt in 0..<100 {
                group.addTask {
                    if attempt.isMultiple(of: 2) {
                        let name = names[attempt % names.count]
                        return (
                            true,
                            await outcome {
                                try await book.signIn(
                                    name: name, password: TestUsers.password, address: "192.0.2.\(attempt)")
                            }
                        )
                    }
                    return (
                        false,
                        await outcome {
                            try await book.signIn(
                                name: "ghost-\(attempt)", password: "a guess", address: "198.51.100.\(attempt)")
                        }
                    )
                }
            }
            return await group.reduce(into: [(Bool, Outcome)]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0.0 }.allSatisfy { $0.1 == .session })
        #expect(outcomes.filter { !$0.0 }.allSatisfy { $0.1 == .wrong })
        #expect(try await refusals(in: ledger).count == 50)
    }
}
