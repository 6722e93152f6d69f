import Foundation

/// `PlaybookDefined`, version 1 (written until 2026-12): the model's own encoding, run included.
///
/// The run (`startedAt`,
/// `due`, `stopped`) that versions before 2026-12 did not all refuse on a new playbook (a `stopped` could
/// pass). It is read as written, run included, so such a log folds to the desk it always did.
struct PlaybookDefinedPayloadV1: DeskPayload {
    static let type = "PlaybookDefined"
    static let version = 1

    /// The playbook's id.
    var id: String
    /// Its name.
    var name: String
    /// The engagement it serves.
    var engagement: String
    /// Its steps, in order.
    var steps: [PlaybookDefinedPayload.Step]
    /// When it was started, if the payload said so.
    var startedAt: WireZonedTime?
    /// Tries already due, if the payload said so.
    var due: [WirePlaybookTry]
    /// Its stop, if the payload said so.
    var stopped: WirePlaybookStop?

    private enum CodingKeys: String, CodingKey {
        case id, name, engagement, steps, startedAt, due, stopped
    }

    /// Reads the payload; logs from before playbooks ran have no `due`.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        engagement = try container.decode(String.self, forKey: .engagement)
        steps = try container.decode([PlaybookDefinedPayload.Step].self, forKey: .steps)
        startedAt = try container.decodeIfPresent(WireZonedTime.self, forKey: .startedAt)
        due = try container.decodeIfPresent([WirePlaybookTry].self, forKey: .due) ?? []
        stopped = try container.decodeIfPresent(WirePlaybookStop.self, forKey: .stopped)
    }

    func fact() throws -> DeskEvent.Fact {
        var playbook = PlaybookDefinedPayload(id: id, name: name, engagement: engagement, steps: steps).playbook
        playbook.startedAt = try startedAt?.value(field: "startedAt")
        playbook.due = due.map(\.value)
        playbook.stopped = stopped?.value
        return .playbookDefined(playbook)
    }
}
