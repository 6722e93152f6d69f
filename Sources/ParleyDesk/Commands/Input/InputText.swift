import Foundation

/// Reading what a person typed (in a web form or an API body) into the desk's values, the same way for
/// every entry point, with the field named in every refusal.
public enum InputText {
    /// A time: empty or missing means `now` in the desk's zone; otherwise as `ZonedTime.parse` reads it,
    /// in the desk's zone unless the text names one.
    /// - Throws: `DeskError.invalidValue` naming `field`.
    public static func time(_ text: String?, field: String, on state: DeskState, now: Date) throws(DeskError)
        -> ZonedTime
    {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return ZonedTime(now, zone: state.zone)
        }
        return try ZonedTime.parse(text, field: field, defaultZone: state.zone)
    }

    /// When something was said, tried or moved: as `time`, or a day or a span of days as
    /// `ZonedTime.parseReported` reads them (a source may give no more).
    /// - Throws: `DeskError.invalidValue` naming `field`.
    public static func reportedTime(_ text: String?, field: String, on state: DeskState, now: Date)
        throws(DeskError) -> ZonedTime
    {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return ZonedTime(now, zone: state.zone)
        }
        return try ZonedTime.parseReported(text, field: field, defaultZone: state.zone)
    }

    /// A time that must be given (a deadline's due time has no sensible default).
    /// - Throws: `DeskError.invalidValue` naming `field`.
    public static func requiredTime(_ text: String, field: String, on state: DeskState) throws(DeskError)
        -> ZonedTime
    {
        try ZonedTime.parse(text, field: field, defaultZone: state.zone)
    }

    /// One of an enumeration's tokens (`in-contact`, `replied`).
    /// - Throws: `DeskError.invalidValue` listing the tokens allowed.
    public static func choice<Value: RawRepresentable & CaseIterable>(_ raw: String, field: String)
        throws(DeskError) -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: raw) else {
            throw .invalidValue(
                field: field, expected: "one of " + Value.allCases.map(\.rawValue).joined(separator: ", "), found: raw)
        }
        return value
    }

    /// Lead times such as `2h` and `30m`.
    /// - Throws: `DeskError.invalidValue` naming `field`.
    public static func leadTimes(_ texts: [String], field: String) throws(DeskError) -> [Minutes] {
        var leads: [Minutes] = []
        for text in texts { leads.append(try Minutes.parse(text, field: field)) }
        return leads
    }

    /// An optional id: empty text means none.
    public static func optional(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

extension InputText {
    /// The id of something new: the one given (checked as a slug), or one made from `title`
    /// (`"Panmunjom meeting"` → `panmunjom-meeting`) with `-2`, `-3`… added while `taken` says it is.
    /// - Throws: `DeskError.invalidValue` naming `field` when a given id is not a slug.
    public static func newID(
        _ given: String?, from title: String, field: String = "id", taken: (String) -> Bool
    ) throws(DeskError) -> String {
        if let given = optional(given?.trimmingCharacters(in: .whitespaces)) {
            return try Identifier<Never>.validated(given, field: field).rawValue
        }
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        for scalar in folded.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        slug = String(slug.prefix(56))
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "item" }
        var candidate = slug
        var number = 2
        while taken(candidate), number < 10_000 {
            candidate = "\(slug)-\(number)"
            number += 1
        }
        return candidate
    }

    /// Refuses a list longer than a desk holds, before any of it is read.
    /// - Throws: `DeskError.invalidValue` naming `field`.
    public static func requireCount(_ count: Int, field: String) throws(DeskError) {
        guard count <= DeskLimits.maxItems else {
            throw .invalidValue(field: field, expected: "at most \(DeskLimits.maxItems) items", found: "\(count)")
        }
    }

    /// A whole number typed in a form (`3`); nil when empty.
    /// - Throws: `DeskError.invalidValue` naming `field`.
    public static func integer(_ text: String, field: String, expected: String) throws(DeskError) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let value = Int(trimmed) else { throw .invalidValue(field: field, expected: expected, found: trimmed) }
        return value
    }

    /// A decimal number typed in a form (`37.95`, `-122,4` is refused); nil when empty.
    /// - Throws: `DeskError.invalidValue` naming `field`.
    public static func decimal(_ text: String, field: String, expected: String) throws(DeskError) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let value = Double(trimmed), value.isFinite else {
            throw .invalidValue(field: field, expected: expected, found: trimmed)
        }
        return value
    }
}
