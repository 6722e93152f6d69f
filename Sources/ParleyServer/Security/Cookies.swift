import HTTPTypes
import Hummingbird

/// Reading request cookies and bearer tokens without Foundation's string scanning, which showed up in
/// every request's profile.
enum Cookies {
    /// The value of cookie `name`, from any `Cookie` header.
    static func value(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let trimmed = pair.drop { $0 == " " }
                guard let equals = trimmed.firstIndex(of: "="), trimmed[..<equals] == name else { continue }
                return String(trimmed[trimmed.index(after: equals)...])
            }
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
