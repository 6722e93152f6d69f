import Foundation
import ParleyDesk

/// `/desks/{desk}/edit/{item}/{id}`: a shared record's form, filled with the record as it stands; after a
/// refusal, each message beside its field and everything typed kept.
struct EditPage {
    let desk: String
    let desks: [String]
    let item: EditItem
    let id: String
    let state: DeskState
    /// What was typed, after a refusal; nil shows the record as it stands.
    var form: FormState?

    var html: HTML {
        let name = item.name(of: id, in: state) ?? id
        let shown = form ?? FormState(values: item.values(of: id, in: state))
        let banner: HTML = shown.banner.map { "<p class=\"banner bad\" role=\"alert\">\($0)</p>" } ?? .empty
        let started: HTML =
            item == .playbook && state.playbooks[Playbook.ID(id)]?.startedAt != nil
            ? "<p class=\"banner warn\" role=\"status\">This playbook has started: stop it and define another to change its steps.</p>"
            : .empty
        let body: HTML = """
            <h1>\(item.title): \(name) <span class="muted small">\(item.rawValue) \(id)</span></h1>\(started)\(banner)
            <form class="stack panel" method="post" action="/desks/\(desk)/edit/\(item.rawValue)/\(id)" novalidate>
            \(item.fields(on: state).map { FormFields.render($0, shown, fresh: false) })
            \(item.rows(of: id, on: state).map { FormFields.render($0, shown, fresh: false) })\(SeenStamp.hidden(shown.value(SeenStamp.field, SeenStamp.of(item.values(of: id, in: state)))))
            <div class="actions"><button type="submit">Save the change</button> <a href="/desks/\(desk)#setup">Cancel</a></div>
            </form>\(item == .venue ? FormFields.zoneList : .empty)
            """
        return Layout.page(title: "\(item.title): \(name)", desk: desk, desks: desks, section: "setup", body: body)
    }
}
