import Foundation
import ParleyDesk

/// A shared record a staff corrects from the browser (`/desks/{desk}/edit/{item}/{id}`): its form, filled
/// with the record as it stands, and the amendment it makes — the same input as the API's
/// `POST /api/v1/desks/{desk}/{collection}/{id}/amend`.
enum EditItem: String, CaseIterable, Sendable {
    case party, principal, venue, channel, playbook

    /// The API collection of such records.
    var collection: String {
        switch self {
        case .party: "parties"
        case .principal: "principals"
        case .venue: "venues"
        case .channel: "channels"
        case .playbook: "playbooks"
        }
    }

    /// The page's heading.
    var title: String { "Change a \(rawValue)" }

    /// The record's name as people read it, or nil when the desk holds no such record.
    func name(of id: String, in state: DeskState) -> String? {
        switch self {
        case .party: state.parties[Party.ID(id)]?.name
        case .principal: state.principals[Principal.ID(id)]?.name
        case .venue: state.venues[Venue.ID(id)]?.name
        case .channel: state.channels[Channel.ID(id)]?.name
        case .playbook: state.playbooks[Playbook.ID(id)]?.name
        }
    }

    /// The record's values as a person would type them, by field name.
    func values(of id: String, in state: DeskState) -> [String: String] {
        switch self {
        case .party:
            return ["name": state.parties[Party.ID(id)]?.name ?? ""]
        case .principal:
            guard let principal = state.principals[Principal.ID(id)] else { return [:] }
            return ["name": principal.name, "title": principal.title, "party": principal.party.rawValue]
        case .venue:
            guard let venue = state.venues[Venue.ID(id)] else { return [:] }
            return [
                "name": venue.name, "city": venue.city, "zone": venue.zone.identifier,
                "latitude": venue.coordinates.map { "\($0.latitude)" } ?? "",
                "longitude": venue.coordinates.map { "\($0.longitude)" } ?? "",
            ]
        case .channel:
            guard let channel = state.channels[Channel.ID(id)] else { return [:] }
            return ["name": channel.name, "via": channel.via?.rawValue ?? ""]
        case .playbook:
            guard let playbook = state.playbooks[Playbook.ID(id)] else { return [:] }
            var values = ["name": playbook.name]
            for (index, step) in playbook.steps.enumerated() {
                values["steps[\(index)].channel"] = step.channel.rawValue
                values["steps[\(index)].wait"] = step.wait.description
                values["steps[\(index)].repeat"] = "\(step.repeats)"
            }
            return values
        }
    }

    /// The fields that can change, then when and why.
    func fields(on state: DeskState) -> [FormField] {
        let parties = state.parties.values.sorted { $0.name < $1.name }.map {
            FormField.Option(value: $0.id.rawValue, label: $0.name)
        }
        let own: [FormField]
        switch self {
        case .party, .playbook:
            own = [FormField(name: "name", label: "Name", required: true)]
        case .principal:
            own = [
                FormField(name: "name", label: "Name", required: true), FormField(name: "title", label: "Office"),
                FormField(name: "party", label: "Party", kind: .choice(parties), required: true),
            ]
        case .venue:
            own = [
                FormField(name: "name", label: "Name", required: true), FormField(name: "city", label: "City"),
                FormField(
                    name: "zone", label: "Time zone", kind: .zone, hint: "an IANA zone; start typing to search",
                    required: true),
                FormField(
                    name: "latitude", label: "Latitude", hint: "degrees, north positive; with the longitude, or neither"
                ),
                FormField(name: "longitude", label: "Longitude", hint: "degrees, east positive"),
            ]
        case .channel:
            own = [
                FormField(name: "name", label: "Name", required: true),
                FormField(
                    name: "via", label: "Through",
                    kind: .choice([FormField.Option(value: "", label: "— (direct)")] + parties),
                    hint: "the intermediary, if any"),
            ]
        }
        return own + [
            FormField(
                name: "at", label: "Changed at", placeholder: "now",
                hint: "when it was decided or learned of; in \(state.zone.identifier) unless you name a zone"),
            FormField(name: "reason", label: "Reason", placeholder: "why it changes", required: true),
        ]
    }

    /// The repeated rows: a playbook's steps (two empty ones to add).
    func rows(of id: String, on state: DeskState) -> [FormRows] {
        guard self == .playbook, let playbook = state.playbooks[Playbook.ID(id)] else { return [] }
        let channels =
            [FormField.Option(value: "", label: "—")]
            + state.channels.values.sorted { $0.name < $1.name }.map {
                FormField.Option(value: $0.id.rawValue, label: "\($0.name) (\($0.kind.rawValue))")
            }
        return [
            FormRows(
                name: "steps", legend: "Steps, in order", count: playbook.steps.count + 2,
                fields: [
                    FormField(name: "channel", label: "Try", kind: .choice(channels)),
                    FormField(name: "wait", label: "Then wait", hint: "for an answer: 30m, 2h"),
                    FormField(name: "repeat", label: "Times"),
                ])
        ]
    }

    /// The amendment `form` asks for, read through the API's input.
    /// - Throws: `DeskError` naming the field that cannot be read.
    func input(_ form: FormBody, id: String, on state: DeskState) throws(DeskError) -> RecordAmendmentInput {
        let at = InputText.optional(form["at"])
        switch self {
        case .party:
            return RecordAmendmentInput(name: form["name"], at: at, reason: form["reason"])
        case .principal:
            return RecordAmendmentInput(
                name: form["name"], title: form["title"], party: form["party"], at: at, reason: form["reason"])
        case .venue:
            let latitude = try InputText.decimal(form["latitude"], field: "latitude", expected: "degrees, -90 to 90")
            let longitude = try InputText.decimal(
                form["longitude"], field: "longitude", expected: "degrees, -180 to 180")
            // Both emptied: the place is no longer known.
            let forget = latitude == nil && longitude == nil && state.venues[Venue.ID(id)]?.coordinates != nil
            return RecordAmendmentInput(
                name: form["name"], city: form["city"], latitude: latitude, longitude: longitude, zone: form["zone"],
                forgetCoordinates: forget ? true : nil, at: at, reason: form["reason"])
        case .channel:
            return RecordAmendmentInput(name: form["name"], via: form["via"], at: at, reason: form["reason"])
        case .playbook:
            let steps = try rows(of: id, on: state).first?.playbookSteps(in: form) ?? []
            return RecordAmendmentInput(name: form["name"], steps: steps, at: at, reason: form["reason"])
        }
    }
}
