import Crypto
import Foundation
import ParleyDesk

/// A signed statement of how long each desk's log (and the accounts') was and what its newest hash was,
/// at one moment.
///
/// The hash chain catches an event changed in the middle of a log, but not the newest events cut off,
/// nor a tail rewritten by someone who recomputes every hash. An auditor who keeps a checkpoint (and the
/// public key) somewhere the database's owner cannot reach catches both: the log must still hold at
/// least that many events, with that hash at that place (docs/adr/0011-signed-checkpoints.md).
public struct Checkpoint: Codable, Sendable, Equatable {
    /// One desk's length and head at the moment of the checkpoint.
    public struct Head: Codable, Sendable, Equatable {
        /// The desk.
        public var desk: String
        /// How many events it had.
        public var events: Int64
        /// The hash of its newest event.
        public var head: String
    }

    /// The format tag, signed with the rest.
    public var format: String
    /// When the checkpoint was taken (`2026-11-26T21:30:00.000Z`).
    public var takenAt: String
    /// Every desk, by name.
    public var desks: [Head]
    /// The Ed25519 public key that signed it, base64.
    public var publicKey: String
    /// The Ed25519 signature over `signedText`, base64.
    public var signature: String

    /// The format this version writes and reads.
    public static let currentFormat = "parley-checkpoint/1"

    /// The exact text that is signed: format, time, then one line per desk in name order.
    public var signedText: String {
        ([format, takenAt] + desks.sorted { $0.desk < $1.desk }.map { "\($0.desk) \($0.events) \($0.head)" })
            .joined(separator: "\n") + "\n"
    }

    /// Takes a checkpoint of every desk in `store`, signed with `key`.
    /// - Throws: `StoreError` when the store cannot be read; `CheckpointError` when a desk's own chain
    ///   does not verify (a checkpoint must not vouch for a damaged log).
    public static func take(
        of store: any EventStore, signedWith key: Curve25519.Signing.PrivateKey, at now: Date
    ) async throws -> Checkpoint {
        var heads: [Head] = []
        for desk in try await recordStreams(in: store) {
            switch ChainVerification.verify(try await store.read(desk: desk, from: 1)) {
            case .intact(let count, let head):
                heads.append(Head(desk: desk, events: Int64(count), head: head))
            case .broken(let sequence, let reason):
                throw CheckpointError(
                    "desk '\(desk)' does not verify at event \(sequence) (\(reason)); no checkpoint was taken")
            }
        }
        var checkpoint = Checkpoint(
            format: currentFormat, takenAt: InstantText.format(now), desks: heads,
            publicKey: key.publicKey.rawRepresentation.base64EncodedString(), signature: "")
        checkpoint.signature = try key.signature(for: Data(checkpoint.signedText.utf8)).base64EncodedString()
        return checkpoint
    }

    /// Checks the signature against `trustedKey` (the auditor's copy, not the one in the file), then the
    /// store against what the checkpoint saw.
    /// - Returns: one finding per desk in the checkpoint, and one per desk created since.
    /// - Throws: `CheckpointError` when the checkpoint is not signed by `trustedKey` or is not one;
    ///   `StoreError` when the store cannot be read.
    public func verify(_ store: any EventStore, trustedKey: Curve25519.Signing.PublicKey) async throws -> [Finding] {
        guard format == Self.currentFormat else {
            throw CheckpointError("format: expected \(Self.currentFormat), found '\(format)'")
        }
        guard publicKey == trustedKey.rawRepresentation.base64EncodedString() else {
            throw CheckpointError("the checkpoint was signed by another key than the one you trust")
        }
        guard let signatureBytes = Data(base64Encoded: signature),
            trustedKey.isValidSignature(signatureBytes, for: Data(signedText.utf8))
        else {
            throw CheckpointError("the signature does not match the checkpoint's contents: it was altered")
        }
        var findings: [Finding] = []
        let present = Set(try await recordStreams(in: store))
        for seen in desks.sorted(by: { $0.desk < $1.desk }) {
            let events = present.contains(seen.desk) ? try await store.read(desk: seen.desk, from: 1) : []
            findings.append(Self.compare(seen, with: events))
        }
        for desk in present.subtracting(desks.map(\.desk)).sorted() {
            findings.append(Finding(desk: desk, verdict: .newSince))
        }
        return findings
    }

    private static func compare(_ seen: Head, with events: [StoredEvent]) -> Finding {
        guard events.count >= seen.events else {
            return Finding(desk: seen.desk, verdict: .truncated(had: seen.events, has: Int64(events.count)))
        }
        if case .broken(let sequence, let reason) = ChainVerification.verify(events) {
            return Finding(desk: seen.desk, verdict: .broken(sequence: sequence, reason: reason))
        }
        // An intact chain whose event at the checkpoint's length differs was rewritten and re-hashed.
        guard events[Int(seen.events) - 1].hash == seen.head else {
            return Finding(desk: seen.desk, verdict: .rewritten(at: seen.events))
        }
        return Finding(desk: seen.desk, verdict: .consistent(grownBy: Int64(events.count) - seen.events))
    }

    /// What the comparison found for one desk.
    public struct Finding: Sendable, Equatable {
        /// The desk.
        public var desk: String
        /// What was found.
        public var verdict: Verdict

        /// Whether the desk's log is what the checkpoint vouched for (perhaps grown since).
        public var isConsistent: Bool {
            switch verdict {
            case .consistent, .newSince: true
            case .truncated, .rewritten, .broken: false
            }
        }

        /// One line for people.
        public var line: String {
            switch verdict {
            case .consistent(let grown):
                "\(desk): consistent with the checkpoint" + (grown > 0 ? ", \(grown) events added since" : "")
            case .newSince:
                "\(desk): created after the checkpoint"
            case .truncated(let had, let has):
                "\(desk): TRUNCATED: the checkpoint saw \(had) events, the log now has \(has)"
            case .rewritten(let sequence):
                "\(desk): REWRITTEN: event \(sequence) no longer has the hash the checkpoint saw "
                    + "(the chain was recomputed after a change)"
            case .broken(let sequence, let reason):
                "\(desk): BROKEN at event \(sequence): \(reason)"
            }
        }
    }

    /// The kinds of finding.
    public enum Verdict: Sendable, Equatable {
        /// The log holds what the checkpoint saw, and `grownBy` events more.
        case consistent(grownBy: Int64)
        /// The desk did not exist when the checkpoint was taken.
        case newSince
        /// Fewer events than the checkpoint saw.
        case truncated(had: Int64, has: Int64)
        /// The chain is whole, but the event at the checkpoint's length has another hash.
        case rewritten(at: Int64)
        /// The chain itself does not verify.
        case broken(sequence: Int64, reason: String)
    }

    enum CodingKeys: String, CodingKey {
        case format
        case takenAt = "taken_at"
        case desks
        case publicKey = "public_key"
        case signature
    }
}

/// A checkpoint that cannot be taken or trusted.
public struct CheckpointError: CategorizedError, Equatable {
    /// What is wrong.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = "checkpoint: " + message }

    /// The person running the check can act on it (another file, another key).
    public var category: ErrorCategory { .user }
}
