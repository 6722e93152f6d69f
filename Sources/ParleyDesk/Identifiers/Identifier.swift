/// A typed identifier: `Identifier<Venue>` and `Identifier<Party>` cannot be mixed up.
///
/// Identifiers are short slugs (`panmunjom`, `dmz-hotline`) so that scenario files, the API and the
/// command line can name things the way a staff member would.
public struct Identifier<Subject>: Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The slug itself.
    public let rawValue: String

    /// Wraps a slug without checking it; use `validated(_:)` for input from users.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Wraps a string literal (tests and fixtures).
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Accepts a slug of lower-case letters, digits and `-`, `_` or `.`, 1–64 characters, starting with a
    /// letter or digit.
    /// - Throws: `DeskError.invalidValue` naming what was found.
    public static func validated(_ raw: String, field: String) throws(DeskError) -> Identifier {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        guard let first = raw.first, first.isLetter || first.isNumber, raw.count <= 64,
            raw.allSatisfy({ allowed.contains($0) })
        else {
            throw .invalidValue(
                field: field, expected: "an id of lower-case letters, digits, '-', '_' or '.'", found: raw)
        }
        return Identifier(raw)
    }

    /// The slug, as written.
    public var description: String { rawValue }

    /// Orders identifiers by their slug, so listings are stable.
    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes from a bare JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes as a bare JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
