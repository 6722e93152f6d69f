/// A piece of HTML.
///
/// Text interpolated into it is escaped; only other `HTML` values go in as markup, so nothing a user
/// typed can become markup by accident.
public struct HTML: ExpressibleByStringInterpolation, Sendable, Equatable {
    /// The markup.
    public let rendered: String

    /// Markup written in the source code.
    public init(stringLiteral value: String) { rendered = value }

    /// Markup with interpolated values: text escaped, `HTML` inserted as is.
    public init(stringInterpolation: Interpolation) { rendered = stringInterpolation.output }

    private init(raw: String) { rendered = raw }

    /// Nothing.
    public static let empty = HTML(stringLiteral: "")

    /// Joins pieces of markup.
    public static func join(_ parts: [HTML], separator: HTML = .empty) -> HTML {
        HTML(raw: parts.map(\.rendered).joined(separator: separator.rendered))
    }

    /// Markup produced by trusted code (an SVG drawn here), never from user input.
    static func trusted(_ markup: String) -> HTML { HTML(raw: markup) }

    /// Escapes text for use in element content and quoted attribute values.
    public static func escape(_ text: String) -> String {
        // Bytes, not scalars: the five characters are ASCII, and a text without any (most of them) is
        // returned as it is. Scalar by scalar, escaping was a fifth of a long page's rendering.
        let special: (UInt8) -> Bool = { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }
        guard text.utf8.contains(where: special) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 38: bytes += "&amp;".utf8
            case 60: bytes += "&lt;".utf8
            case 62: bytes += "&gt;".utf8
            case 34: bytes += "&quot;".utf8
            case 39: bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Builds markup from literals and escaped values.
    public struct Interpolation: StringInterpolationProtocol {
        var output = ""

        /// Room for the literal parts.
        public init(literalCapacity: Int, interpolationCount: Int) { output.reserveCapacity(literalCapacity * 2) }

        /// A literal part of the markup.
        public mutating func appendLiteral(_ literal: String) { output += literal }

        /// Text, escaped.
        public mutating func appendInterpolation(_ text: String) { output += HTML.escape(text) }

        /// Markup, as is.
        public mutating func appendInterpolation(_ html: HTML) { output += html.rendered }

        /// Several pieces of markup, one after another.
        public mutating func appendInterpolation(_ parts: [HTML]) { output += parts.map(\.rendered).joined() }

        /// Any value's description, escaped.
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            output += HTML.escape(value.description)
        }
    }
}
