/// Bytes written as text: lower-case hex for hashes, unpadded base64url for tokens.
public enum ByteText {
    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let base64URLDigits = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// `bytes` as lower-case hex, two digits a byte.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `bytes` as unpadded base64url (safe in cookies, URLs and headers).
    public static func base64URL(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 6 {
                bits -= 6
                text.append(base64URLDigits[(buffer >> bits) & 63])
            }
            buffer &= (1 << bits) - 1
        }
        if bits > 0 { text.append(base64URLDigits[(buffer << (6 - bits)) & 63]) }
        return String(decoding: text, as: UTF8.self)
    }

    /// `byteCount` bytes from the system's secure generator, as base64url: for session and form tokens
    /// and generated passwords.
    public static func randomToken(byteCount: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount + 8)
        while bytes.count < byteCount {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        return base64URL(bytes.prefix(byteCount))
    }
}
