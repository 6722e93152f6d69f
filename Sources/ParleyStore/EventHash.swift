import Crypto
import Foundation
import ParleyDesk

/// The hash chain: SHA-256 over a canonical encoding of the envelope.
///
/// Every field but the hash itself, length-prefixed; see docs/adr/0002-event-hash-chain.md.
public enum EventHash {
    /// The previous hash of a desk's first event.
    public static let genesis = String(repeating: "0", count: 64)

    /// The hash `event` should carry, from its other fields.
    public static func compute(_ event: StoredEvent) -> String {
        var hasher = SHA256()
        func field(_ bytes: some DataProtocol) {
            var length = UInt64(bytes.count).bigEndian
            withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
            hasher.update(data: bytes)
        }
        func field(_ text: String) { field(Data(text.utf8)) }
        field("parley-event/1")
        field(event.desk)
        field(String(event.sequence))
        field(event.id.uuidString.lowercased())
        field(event.type)
        field(String(event.schemaVersion))
        field(event.actor)
        field(InstantText.format(event.recordedAt))
        field(event.previousHash)
        field(event.payload)
        return ByteText.hex(hasher.finalize())
    }

}
