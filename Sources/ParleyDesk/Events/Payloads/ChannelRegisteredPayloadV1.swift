import Foundation

/// `ChannelRegistered`, version 1 (written until 2026-12): the model's own encoding, with a list of
/// `changes` that every version's rules kept empty on a new channel.
struct ChannelRegisteredPayloadV1: UpcastDeskPayload {
    static let type = "ChannelRegistered"
    static let version = 1

    /// The channel's id.
    var id: String
    /// Its name.
    var name: String
    /// What kind of channel.
    var kind: String
    /// Whom it reaches.
    var party: String
    /// The third party it goes through, if any.
    var via: String?
    /// Its status when registered.
    var initialStatus: String
    /// Always empty: decide refused changes on a new channel from the first version on.
    var changes: [WireStatusChange]

    func upcast() throws -> ChannelRegisteredPayload {
        guard changes.isEmpty else { throw PayloadValueError(field: "changes", found: "\(changes.count) changes") }
        return ChannelRegisteredPayload(
            id: id, name: name, kind: kind, party: party, via: via, initialStatus: initialStatus)
    }
}
