/// A length of time in whole minutes, written `45m`, `2h`, `1h30m` or `3d`.
public struct Minutes: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The number of minutes.
    public var value: Int

    /// Wraps a number of minutes.
    public init(_ value: Int) { self.value = value }

    /// The length in seconds, for arithmetic on instants.
    public var seconds: Double { Double(value) * 60 }

    /// Parses `1d2h30m`-style text (at least one part, each a whole number followed by d, h or m).
    /// - Throws: `DeskError.invalidValue` naming the field and what was found.
    public static func parse(_ text: String, field: String) throws(DeskError) -> Minutes {
        let failure = DeskError.invalidValue(field: field, expected: "a duration such as 45m, 2h or 1h30m", found: text)
        var total = 0
        var digits = ""
        var sawUnit = false
        for character in text.trimmingCharacters(in: [" "]) {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            let unit: Int
            switch character {
            case "d": unit = 1440
            case "h": unit = 60
            case "m": unit = 1
            default: throw failure
            }
            guard let amount = Int(digits), amount <= 100_000 else { throw failure }
            total += amount * unit
            digits = ""
            sawUnit = true
        }
        guard sawUnit, digits.isEmpty else { throw failure }
        return Minutes(total)
    }

    /// The shortest text form: `1h30m`, `2d`, `0m`.
    public var description: String {
        if value == 0 { return "0m" }
        let parts = [(value / 1440, "d"), (value % 1440 / 60, "h"), (value % 60, "m")]
        return parts.filter { $0.0 > 0 }.map { "\($0.0)\($0.1)" }.joined()
    }

    /// Orders by length.
    public static func < (lhs: Minutes, rhs: Minutes) -> Bool { lhs.value < rhs.value }

    /// Decodes from a bare number of minutes.
    public init(from decoder: any Decoder) throws { value = try decoder.singleValueContainer().decode(Int.self) }

    /// Encodes as a bare number of minutes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}
