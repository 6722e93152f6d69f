import Foundation
import ParleyDesk

/// `AlarmsAcknowledged`, version 1: a person marked alarms of a desk as seen.
struct AlarmsAcknowledgedPayload: AccountPayload {
    static let type = "AlarmsAcknowledged"
    static let version = 1
    static let key = "alarmsAcknowledged"

    /// Who.
    var name: String
    /// The desk.
    var desk: String
    /// The alarms: the sequence numbers, in the desk's own log, of the events that raised them.
    var sequences: [Int64]

    func event() throws -> AccountEvent { .alarmsAcknowledged(name: name, desk: desk, sequences: sequences) }
}
