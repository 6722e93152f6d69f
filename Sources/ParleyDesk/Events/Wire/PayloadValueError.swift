import Foundation

/// A stored value that is not one the desk knows: an unknown token, zone or grade inside a payload.
struct PayloadValueError: Error, CustomStringConvertible {
    /// The payload field.
    var field: String
    /// What was stored.
    var found: String
    /// One line for `EventDecodingError`.
    var description: String { "field '\(field)' holds '\(found)', which this version does not know" }
}
