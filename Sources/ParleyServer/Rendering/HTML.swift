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
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
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
