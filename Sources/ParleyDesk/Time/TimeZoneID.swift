import Foundation

/// An IANA time-zone name that this machine's time-zone database knows (`Asia/Seoul`, `America/New_York`).
public struct TimeZoneID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The IANA name.
    public let identifier: String

    /// UTC, for instants given with `Z` and no zone.
    public static let utc = TimeZoneID(unchecked: "UTC")

    private init(unchecked identifier: String) { self.identifier = identifier }

    /// Accepts an IANA zone name; abbreviations (`KST`) and offsets (`GMT+9`) are refused because they
    /// hide daylight-saving rules.
    /// - Throws: `DeskError.invalidValue` naming the field and what was found.
    public static func validated(_ identifier: String, field: String) throws(DeskError) -> TimeZoneID {
        // Foundation's list on Linux lacks some current names (Asia/Kolkata beside the older Asia/Calcutta);
        // a Region/City name the zone database resolves to itself is as good. Etc/ zones are bare offsets.
        let known =
            identifier == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(identifier)
            || (identifier.contains("/") && !identifier.hasPrefix("Etc/")
                && TimeZone(identifier: identifier)?.identifier == identifier)
        guard known, TimeZone(identifier: identifier) != nil else {
            throw .invalidValue(field: field, expected: "an IANA time zone such as Asia/Seoul", found: identifier)
        }
        return TimeZoneID(unchecked: identifier)
    }

    /// The Foundation zone (always present: the name was checked).
    public var timeZone: TimeZone { TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0)! }

    /// The IANA name.
    public var description: String { identifier }

    /// Decodes from a bare IANA name, refusing one this machine does not know.
    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try Self.validated(name, field: "zone")
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    /// Encodes as a bare IANA name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }

    /// The short name people use for this zone at `instant` (`KST`, `EDT`), or `UTC+9` where none is
    /// customary; Linux Foundation only offers `GMT+9`, so the common ones are listed here.
    public func abbreviation(at instant: Date) -> String {
        let zone = timeZone
        let daylight = zone.isDaylightSavingTime(for: instant)
        if let names = Self.abbreviations[identifier] { return daylight ? names.daylight : names.standard }
        let seconds = zone.secondsFromGMT(for: instant)
        if seconds == 0 { return "UTC" }
        let sign = seconds < 0 ? "-" : "+"
        let hours = abs(seconds) / 3600
        let minutes = abs(seconds) % 3600 / 60
        return minutes == 0 ? "UTC\(sign)\(hours)" : "UTC\(sign)\(hours):\(String(format: "%02d", minutes))"
    }

    private static let abbreviations: [String: (standard: String, daylight: String)] = [
        "UTC": ("UTC", "UTC"), "Etc/UTC": ("UTC", "UTC"),
        "Asia/Seoul": ("KST", "KDT"), "Asia/Pyongyang": ("KST", "KST"), "Asia/Tokyo": ("JST", "JDT"),
        "Asia/Shanghai": ("CST", "CDT"), "Asia/Hong_Kong": ("HKT", "HKST"), "Asia/Taipei": ("CST", "CDT"),
        "Asia/Singapore": ("SGT", "SGT"), "Asia/Ho_Chi_Minh": ("ICT", "ICT"), "Asia/Bangkok": ("ICT", "ICT"),
        "Asia/Kuala_Lumpur": ("MYT", "MYT"), "Asia/Manila": ("PHT", "PHT"), "Asia/Jakarta": ("WIB", "WIB"),
        "Asia/Kolkata": ("IST", "IST"), "Australia/Sydney": ("AEST", "AEDT"),
        "America/New_York": ("EST", "EDT"), "America/Chicago": ("CST", "CDT"), "America/Denver": ("MST", "MDT"),
        "America/Los_Angeles": ("PST", "PDT"), "Pacific/Honolulu": ("HST", "HST"),
        "America/Anchorage": ("AKST", "AKDT"),
        "Europe/London": ("GMT", "BST"), "Europe/Dublin": ("GMT", "IST"), "Europe/Lisbon": ("WET", "WEST"),
        "Atlantic/Reykjavik": ("GMT", "GMT"), "Europe/Paris": ("CET", "CEST"), "Europe/Berlin": ("CET", "CEST"),
        "Europe/Brussels": ("CET", "CEST"), "Europe/Zurich": ("CET", "CEST"), "Europe/Vienna": ("CET", "CEST"),
        "Europe/Rome": ("CET", "CEST"), "Europe/Madrid": ("CET", "CEST"), "Europe/Amsterdam": ("CET", "CEST"),
        "Europe/Warsaw": ("CET", "CEST"), "Europe/Prague": ("CET", "CEST"), "Europe/Budapest": ("CET", "CEST"),
        "Europe/Stockholm": ("CET", "CEST"), "Europe/Oslo": ("CET", "CEST"), "Europe/Copenhagen": ("CET", "CEST"),
        "Europe/Belgrade": ("CET", "CEST"), "Europe/Athens": ("EET", "EEST"), "Europe/Helsinki": ("EET", "EEST"),
        "Europe/Kyiv": ("EET", "EEST"), "Europe/Kiev": ("EET", "EEST"), "Europe/Bucharest": ("EET", "EEST"),
        "Europe/Istanbul": ("TRT", "TRT"), "Europe/Moscow": ("MSK", "MSD"), "Europe/Minsk": ("MSK", "MSK"),
        "Asia/Calcutta": ("IST", "IST"), "Asia/Karachi": ("PKT", "PKST"), "Asia/Kabul": ("AFT", "AFT"),
        "Asia/Tehran": ("IRST", "IRDT"), "Asia/Dubai": ("GST", "GST"), "Asia/Riyadh": ("AST", "AST"),
        "Asia/Jerusalem": ("IST", "IDT"), "Asia/Baku": ("AZT", "AZST"), "Africa/Cairo": ("EET", "EEST"),
        "Africa/Johannesburg": ("SAST", "SAST"), "Africa/Nairobi": ("EAT", "EAT"), "Africa/Lagos": ("WAT", "WAT"),
        "America/Toronto": ("EST", "EDT"), "America/Havana": ("CST", "CDT"), "America/Panama": ("EST", "EST"),
        "America/Mexico_City": ("CST", "CDT"), "America/Sao_Paulo": ("BRT", "BRST"),
        "Pacific/Auckland": ("NZST", "NZDT"),
    ]
}
