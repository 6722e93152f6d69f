/// How far a signal can be trusted on the Admiralty scale, written `B2`.
///
/// The letter is the source's reliability (A completely reliable … E unreliable, F cannot be judged),
/// the digit the information's credibility (1 confirmed … 5 improbable, 6 cannot be judged).
public struct AdmiraltyGrade: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A–F.
    public let source: Character
    /// 1–6.
    public let information: Int

    /// Parses `B2`-style text.
    /// - Throws: `DeskError.invalidValue` for anything but a letter A–F followed by a digit 1–6.
    public init(parsing text: String, field: String = "grade") throws(DeskError) {
        let characters = Array(text)
        guard characters.count == 2, "ABCDEF".contains(characters[0]), let digit = Int(String(characters[1])),
            (1...6).contains(digit)
        else {
            throw .invalidValue(
                field: field, expected: "an Admiralty grade: source A–F and information 1–6, e.g. B2", found: text)
        }
        source = characters[0]
        information = digit
    }

    /// The grade as written: `B2`.
    public var description: String { "\(source)\(information)" }

    /// Decodes from `"B2"`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try AdmiraltyGrade(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    /// Encodes as `"B2"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
