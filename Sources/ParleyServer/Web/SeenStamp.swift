import Foundation

/// What a form saw of the one thing it changes: a short fingerprint of that thing as the page showed it.
///
/// A form that changes an engagement, a trip or a record carries the stamp instead of the desk's version,
/// so someone else's entry elsewhere on the desk, or a timer firing, cannot fail it; only a change of the
/// same thing meanwhile does, and then the page shows the thing as it now stands with what was typed.
enum SeenStamp {
    /// The form field that carries it.
    static let field = "seen"

    /// The stamp of `value`: FNV-1a over its JSON, the same on every server and after restarts.
    static func of(_ value: some Encodable) -> String {
        let data = (try? JSON.encoder().encode(value)) ?? Data()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    /// The hidden field carrying `stamp`.
    static func hidden(_ stamp: String) -> HTML {
        "<input type=\"hidden\" name=\"\(field)\" value=\"\(stamp)\">"
    }
}
