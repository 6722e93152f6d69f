import Foundation

/// Reading the log's plain values (strings and numbers) back into the desk's value types.
enum WireValue {
    /// A token such as `in-contact` or `state-media`: the raw value of one of the desk's enumerations.
    /// - Throws: `PayloadValueError` for a token the enumeration does not have.
    static func token<Token: RawRepresentable>(_ raw: String, field: String) throws -> Token
    where Token.RawValue == String {
        guard let token = Token(rawValue: raw) else { throw PayloadValueError(field: field, found: raw) }
        return token
    }

    /// An IANA zone name.
    /// - Throws: `PayloadValueError` for a name this system's zone database does not hold.
    static func zone(_ raw: String, field: String) throws -> TimeZoneID {
        do { return try TimeZoneID.validated(raw, field: field) } catch {
            throw PayloadValueError(field: field, found: raw)
        }
    }

    /// An Admiralty grade such as `B2`.
    /// - Throws: `PayloadValueError` for anything else.
    static func grade(_ raw: String, field: String) throws -> AdmiraltyGrade {
        do { return try AdmiraltyGrade(parsing: raw, field: field) } catch {
            throw PayloadValueError(field: field, found: raw)
        }
    }
}
