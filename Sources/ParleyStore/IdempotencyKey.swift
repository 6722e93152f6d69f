import Crypto
import Foundation
import ParleyDesk

/// A client's name for one write, so that repeating the write (after a lost answer, a timeout, a 503)
/// records it at most once (docs/adr/0014).
///
/// The key is kept in the log itself: the events a keyed write appends get ids derived from the desk,
/// the writer and the key, and every engine refuses a second event with an id it already holds, in the
/// same transaction as the append. So a repeat finds the first write's events on any server, after any
/// restart, and the hash chain and the log's format are unchanged.
public struct IdempotencyKey: Sendable, Hashable {
    /// The key as the client sent it.
    public let rawValue: String

    /// Accepts 1–200 visible ASCII characters (a UUID, a ULID, a client's own counter).
    /// - Throws: `DeskError.invalidValue` naming the header.
    public init(_ rawValue: String) throws(DeskError) {
        guard (1...200).contains(rawValue.utf8.count), rawValue.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
        else {
            throw .invalidValue(
                field: "Idempotency-Key", expected: "1 to 200 visible ASCII characters, such as a UUID",
                found: String(rawValue.prefix(40)))
        }
        self.rawValue = rawValue
    }

    /// The id of the `index`th event a write with this key by `actor` appends to `desk`.
    ///
    /// A name-based UUID (version 8, RFC 9562) from SHA-256, so it looks like any other event id.
    public func eventID(desk: String, actor: String, index: Int) -> UUID {
        var hasher = SHA256()
        for part in ["parley-idempotency-v1", desk, actor, rawValue, String(index)] {
            hasher.update(data: Data(part.utf8))
            hasher.update(data: Data([0]))
        }
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
