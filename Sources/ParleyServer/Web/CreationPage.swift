import Foundation
import ParleyDesk

/// `/desks/{desk}/new/{item}`: the form that adds one thing to the desk, with examples from the desk and,
/// after a refusal, each message beside its field and everything typed kept.
struct CreationPage {
    let desk: String
    let desks: [String]
    let item: NewItem
    let state: DeskState
    let now: Date
    /// Fields a link chose (`?engagement=…`).
    var preset: [String: String] = [:]
    var form = FormState()
    /// Whether nothing was submitted yet (initial values shown).
    var fresh = true

    var html: HTML {
        let title = state.profile?.title ?? desk
        let body: HTML
        if let missing = item.missing(in: state) {
            body = """
                <h1>\(item.title) <span class="muted small">\(title)</span></h1>
                <p class="banner warn" role="status">\(missing)</p>
                <p><a href="/desks/\(desk)#setup">Back to the desk's set-up</a></p>
                """
        } else {
            let fields = item.fields(on: state, now: now, preset: preset).map {
                FormFields.render($0, form, fresh: fresh)
            }
            let rows = item.rows(on: state, now: now).map { FormFields.render($0, form, fresh: fresh) }
            let banner: HTML = form.banner.map { "<p class=\"banner bad\" role=\"alert\">\($0)</p>" } ?? .empty
            body = """
                <h1>\(item.title) <span class="muted small">\(title) · times in \(state.zone.identifier) unless you name a zone</span></h1>
                <p>\(item.intro)</p>\(banner)
                <form class="stack panel" method="post" action="/desks/\(desk)/new/\(item.rawValue)" novalidate>
                \(fields)\(rows)
                <div class="actions"><button type="submit">\(item.title)</button> <a href="/desks/\(desk)#setup">Cancel</a></div>
                </form>\(FormFields.zoneList)
                """
        }
        return Layout.page(title: item.title, desk: desk, desks: desks, section: "setup", body: body)
    }
}
