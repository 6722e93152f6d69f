import Foundation

/// The checks that keep every number, time, span and text a command carries within `DeskLimits`, so no
/// input can reach a trapping operation or make a read model work for hours.
extension DeskState {
    /// Refuses a time outside the years a desk records.
    static func requireTime(_ time: ZonedTime, field: String) throws(DeskError) {
        guard time.instant.timeIntervalSince1970.isFinite, time.instant >= DeskLimits.earliest,
            time.instant < DeskLimits.latest
        else {
            throw .invalidValue(
                field: field, expected: "a time between the years 1900 and 2199", found: time.display)
        }
        // A span of days ends within the same years as it starts, after it, within a year and a day.
        if case .span(let until) = time.precision,
            !(until.timeIntervalSince1970.isFinite && until <= DeskLimits.latest && until > time.instant
                && until.timeIntervalSince(time.instant) <= 367 * 86_400)
        {
            throw .invalidValue(
                field: field, expected: "a span of days of at most a year, ending by the year 2199",
                found: time.display)
        }
    }

    /// Refuses a range with a bad end, one that closes before it opens, or one longer than `longest`.
    static func requireRange(
        _ window: TimeWindow, field: String, longest: TimeInterval = DeskLimits.longestRange
    ) throws(DeskError) {
        try requireTime(window.from, field: "\(field).from")
        try requireTime(window.to, field: "\(field).to")
        try window.validate(field: field)
        guard window.to.instant.timeIntervalSince(window.from.instant) <= longest else {
            throw .invalidValue(
                field: field, expected: "a span of at most \(Minutes(Int(longest / 60))) (no real desk needs more)",
                found: "\(window.from.display) to \(window.to.display)")
        }
    }

    /// Refuses a length outside `range` (minutes), saying what is allowed.
    static func requireMinutes(_ value: Minutes, field: String, in range: ClosedRange<Int>) throws(DeskError) {
        guard range.contains(value.value) else {
            let lower = range.lowerBound == 0 ? "0m" : "longer than \(Minutes(range.lowerBound - 1))"
            throw .invalidValue(
                field: field, expected: "a length from \(lower) to \(Minutes(range.upperBound))",
                found: "\(value.value) minutes")
        }
    }

    /// Refuses more than `limit` items in one list.
    static func requireCount(_ count: Int, field: String, atMost limit: Int = DeskLimits.maxItems) throws(DeskError) {
        guard count <= limit else {
            throw .invalidValue(field: field, expected: "at most \(limit) items", found: "\(count)")
        }
    }

    /// Refuses a name or title that is blank, invisible, holds control characters, or is too long.
    static func requireName(_ text: String, field: String) throws(DeskError) {
        guard !text.isBlank else {
            throw .invalidValue(field: field, expected: "some visible text", found: text.debugDescription)
        }
        guard text.count <= DeskLimits.maxName else {
            throw .invalidValue(
                field: field, expected: "at most \(DeskLimits.maxName) characters", found: "\(text.count) characters")
        }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidValue(
                field: field, expected: "one line without control characters", found: text.debugDescription)
        }
    }

    /// Refuses a short optional text shown on one line (an owner, a lodging, an office) that is too long
    /// or holds a line break or other control character; empty text is fine.
    static func requireLine(_ text: String, field: String) throws(DeskError) {
        guard !text.isEmpty else { return }
        try requireName(text, field: field)
    }

    /// Refuses free text (a note, a reason, a quote) longer than the limit; `required` also refuses blank text.
    static func requireNote(_ text: String, field: String, required: Bool = false) throws(DeskError) {
        if required, text.isBlank {
            throw .invalidValue(field: field, expected: "some visible text", found: text.debugDescription)
        }
        guard text.count <= DeskLimits.maxText else {
            throw .invalidValue(
                field: field, expected: "at most \(DeskLimits.maxText) characters", found: "\(text.count) characters")
        }
    }
}

extension String {
    /// Whether the string shows nothing: only white space, separators, control, format or other characters
    /// that render invisibly (a zero-width space, a no-break space, an ideographic space, a Hangul filler).
    public var isBlank: Bool {
        unicodeScalars.allSatisfy { scalar in
            let properties = scalar.properties
            switch properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format, .unassigned,
                .privateUse, .surrogate, .nonspacingMark, .enclosingMark:
                return true
            default:
                return properties.isWhitespace || properties.isDefaultIgnorableCodePoint
                    || ["\u{3164}", "\u{FFA0}", "\u{115F}", "\u{1160}", "\u{2800}"].contains(scalar)
            }
        }
    }
}
