import Synchronization

/// The sign-in attempts whose passwords this process is checking right now.
///
/// The limits count refusals in the log, but an attempt is only refused (and recorded) after its
/// password has been checked, which takes long on purpose. Counted from the log alone, thirty guesses
/// sent at once would all see the same few refusals and all be checked. So an attempt is counted here
/// before its password is checked and until its outcome is in the log: the log's refusals plus these
/// never pass a limit. An attempt that would pass one only because others are still being checked
/// waits for them (they may turn out right) instead of being refused.
final class SignInGate: Sendable {
    /// An admitted attempt, to be handed back with `release` once its outcome is recorded.
    struct Ticket: Sendable {
        fileprivate let id: UInt64
    }

    /// Attempts being checked that count towards a new one's limits.
    struct InFlight: Sendable, Equatable {
        /// For the same name from the same address.
        var forPair = 0
        /// For the same name.
        var forName = 0
        /// From the same address.
        var fromAddress = 0
    }

    /// What to do with an attempt.
    enum Verdict: Sendable {
        /// Check its password now.
        case admit
        /// Wait until an attempt being checked is recorded, then ask again.
        case wait
        /// Refuse it without checking its password.
        case refuse
    }

    private enum Answer: Sendable {
        case admitted(Ticket)
        case refused
        case askAgain
    }

    private struct Checking: Sendable {
        var next: UInt64 = 0
        var attempts: [UInt64: AccountsState.SignInPair] = [:]
        var waiting: [CheckedContinuation<Answer, Never>] = []
    }

    private let checking = Mutex(Checking())

    /// Admits `pair`'s attempt when `verdict`, asked with the attempts being checked (and while no other
    /// attempt can be admitted), says so; waits while it says `.wait`.
    /// - Returns: the ticket to release, or nil when the attempt is refused.
    func admit(_ pair: AccountsState.SignInPair, verdict: (InFlight) -> Verdict) async -> Ticket? {
        while true {
            // Asked and, when it must wait, queued under one lock: a release in between cannot be missed.
            let answer = await withCheckedContinuation { (continuation: CheckedContinuation<Answer, Never>) in
                checking.withLock { checking in
                    var inFlight = InFlight()
                    for other in checking.attempts.values {
                        if other.name == pair.name {
                            inFlight.forName += 1
                            if other.address == pair.address { inFlight.forPair += 1 }
                        }
                        if other.address == pair.address { inFlight.fromAddress += 1 }
                    }
                    switch verdict(inFlight) {
                    case .admit:
                        let ticket = Ticket(id: checking.next)
                        checking.next += 1
                        checking.attempts[ticket.id] = pair
                        continuation.resume(returning: .admitted(ticket))
                    case .refuse:
                        continuation.resume(returning: .refused)
                    case .wait:
                        checking.waiting.append(continuation)
                    }
                }
            }
            switch answer {
            case .admitted(let ticket): return ticket
            case .refused: return nil
            case .askAgain: continue
            }
        }
    }

    /// Ends an admitted attempt (its refusal, if it was refused, is in the log by now); every waiting
    /// attempt asks again.
    func release(_ ticket: Ticket) {
        let waiting = checking.withLock { checking in
            checking.attempts[ticket.id] = nil
            defer { checking.waiting = [] }
            return checking.waiting
        }
        for continuation in waiting { continuation.resume(returning: .askAgain) }
    }
}
