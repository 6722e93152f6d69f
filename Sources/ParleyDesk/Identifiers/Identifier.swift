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
        // Bytes, not characters: every allowed character is ASCII (this runs on every request's desk name).
        func allowed(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
        let bytes = raw.utf8
        guard let first = bytes.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "_"),
            first != UInt8(ascii: "."), bytes.count <= 64, bytes.allSatisfy(allowed)
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
