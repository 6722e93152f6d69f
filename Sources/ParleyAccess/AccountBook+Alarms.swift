import Foundation
import ParleyDesk

/// What each person follows and which alarms they have seen: kept in the accounts stream, so every
/// server shows a person the same alarms, and a record says who saw what when.
extension AccountBook {
    /// The most alarms acknowledged in one write.
    public static let acknowledgementLimit = 200

    /// Starts or stops telling `name` when `engagement` of `desk` moves; nothing is written when that is
    /// already so.
    /// - Throws: `AccessError` when there is no such account.
    public func follow(_ engagement: String, on desk: String, name: String, following: Bool) async throws {
        try await record(actor: name) { state in
            try Self.requireAccount(name, in: state)
            guard state.follows(name, desk: desk, engagement: engagement) != following else { return [] }
            return [
                following
                    ? .engagementFollowed(name: name, desk: desk, engagement: engagement)
                    : .engagementUnfollowed(name: name, desk: desk, engagement: engagement)
            ]
        }
    }

    /// Marks the alarms raised by `sequences` (the desk log's own numbers) of `desk` as seen by `name`;
    /// those already seen are not written again.
    /// - Throws: `AccessError` when there is no such account or more than `acknowledgementLimit` are given.
    public func acknowledgeAlarms(_ sequences: [Int64], on desk: String, name: String) async throws {
        guard sequences.count <= Self.acknowledgementLimit else {
            throw AccessError(.tooManyAlarms, "at most \(Self.acknowledgementLimit) alarms at once")
        }
        try await record(actor: name) { state in
            try Self.requireAccount(name, in: state)
            let seen = state.acknowledged[name]?[desk] ?? []
            let fresh = Array(Set(sequences).subtracting(seen)).sorted()
            return fresh.isEmpty ? [] : [.alarmsAcknowledged(name: name, desk: desk, sequences: fresh)]
        }
    }
}
