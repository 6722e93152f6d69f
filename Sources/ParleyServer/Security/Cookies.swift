import HTTPTypes
import Hummingbird

/// Reading request cookies and bearer tokens without Foundation's string scanning, which showed up in
/// every request's profile.
enum Cookies {
    /// The value of cookie `name`, from any `Cookie` header.
    static func value(_ name: String, in request: Request) -> String? {
        let wanted = name.utf8
        for header in request.headers[values: .cookie] {
            var header = header
            if let found = header.withUTF8({ value(named: wanted, in: $0) }) { return found }
        }
        return nil
    }

    /// One pass over a `Cookie` header's bytes: `name=value` pairs split by `;` and spaces.
    private static func value(named name: String.UTF8View, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        while index < bytes.count {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
            let pair = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1
            guard pair.count > name.count, pair[name.count] == UInt8(ascii: "="), pair.starts(with: name) else {
                continue
            }
            return String(decoding: UnsafeBufferPointer(rebasing: pair[(name.count + 1)...]), as: UTF8.self)
        }
        return nil
    }

    /// The token of an `Authorization: Bearer TOKEN` header.
    static func bearer(in request: Request) -> String? {
        guard let header = request.headers[.authorization], header.utf8.starts(with: "Bearer ".utf8) else {
            return nil
        }
        let token = header.dropFirst("Bearer ".count).drop { $0 == " " }
        return token.isEmpty ? nil : String(token)
    }
}
