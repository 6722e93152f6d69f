import Foundation

/// `DeadlineSet`, version 1 (written until 2026-12): the model's own encoding, with a `status`,
/// `resolvedAt` and `alarmsRaised` that every version's rules kept open, absent and empty on a new deadline.
struct DeadlineSetPayloadV1: UpcastDeskPayload {
    static let type = "DeadlineSet"
    static let version = 1

    /// The deadline's id.
    var id: String
    /// What is owed.
    var title: String
    /// The engagement it belongs to, if any.
    var engagement: String?
    /// The party that owes it.
    var owedBy: String
    /// When it is due.
    var due: WireZonedTime
    /// Alarm lead times, in minutes.
    var alarms: [Int]
    /// A note.
    var note: String
    /// Always `open` on a new deadline.
    var status: String
    /// Always absent on a new deadline.
    var resolvedAt: WireZonedTime?
    /// Always empty on a new deadline.
    var alarmsRaised: [Int]

    private enum CodingKeys: String, CodingKey {
        case id, title, engagement, owedBy, due, alarms, note, status, resolvedAt, alarmsRaised
    }

    /// Reads the payload; logs from before alarms existed have neither `alarms` nor `alarmsRaised`.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        engagement = try container.decodeIfPresent(String.self, forKey: .engagement)
        owedBy = try container.decode(String.self, forKey: .owedBy)
        due = try container.decode(WireZonedTime.self, forKey: .due)
        alarms = try container.decodeIfPresent([Int].self, forKey: .alarms) ?? []
        note = try container.decode(String.self, forKey: .note)
        status = try container.decode(String.self, forKey: .status)
        resolvedAt = try container.decodeIfPresent(WireZonedTime.self, forKey: .resolvedAt)
        alarmsRaised = try container.decodeIfPresent([Int].self, forKey: .alarmsRaised) ?? []
    }

    func upcast() throws -> DeadlineSetPayload {
        guard status == DeadlineStatus.open.rawValue, resolvedAt == nil, alarmsRaised.isEmpty else {
            throw PayloadValueError(field: "status", found: status)
        }
        return DeadlineSetPayload(
            id: id, title: title, engagement: engagement, owedBy: owedBy, due: due, alarms: alarms, note: note)
    }
}
