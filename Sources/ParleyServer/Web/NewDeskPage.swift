import Foundation
import ParleyDesk

/// `/new-desk`: opening a desk (admins), named from its title unless a name is given.
struct NewDeskPage {
    let desks: [String]
    let now: Date
    var form = FormState()

    var html: HTML {
        let fields: [FormField] = [
            FormField(name: "title", label: "Title", placeholder: "the effort, in a few words", required: true),
            FormField(
                name: "zone", label: "Home zone", kind: .zone, placeholder: "Europe/Zurich",
                hint: "an IANA zone: times typed on this desk are in it unless they name another", required: true),
            FormField(
                name: "name", label: "Name", placeholder: "made from the title",
                hint: "lower-case letters, digits and '-'; it appears in every address"),
        ]
        let banner: HTML = form.banner.map { "<p class=\"banner bad\" role=\"alert\">\($0)</p>" } ?? .empty
        let body: HTML = """
            <h1>Open a desk</h1>
            <p>A desk holds one effort: its parties, principals, venues, trips and the meetings we want.</p>\(banner)
            <form class="stack panel" method="post" action="/new-desk" novalidate>
            \(fields.map { FormFields.render($0, form, fresh: form.values.isEmpty) })
            <div class="actions"><button type="submit">Open the desk</button> <a href="/">Cancel</a></div>
            </form>\(FormFields.zoneList)
            """
        return Layout.page(title: "Open a desk", desk: nil, desks: desks, section: "", body: body)
    }
}
