import Foundation
import Hummingbird
import ParleyAccess
import ParleyDesk

/// Compartments: the admins' page listing them with their members, creating one, adding and removing a
/// member.
///
/// Admins manage compartments without being cleared for them: seeing an engagement in one takes
/// membership, and an admin who adds themselves leaves that in the record like any other change.
struct CompartmentsController: Sendable {
    let accounts: AccountBook

    func register(on router: Router<DeskRequestContext>) {
        router.get("/admin/compartments") { _, context -> Response in
            Page.response(try await page(message: nil), status: .ok, for: context)
        }
        router.post("/admin/compartments") { request, context -> Response in
            let form = try await FormBody.read(request)
            return try await refusingOnPage(for: context) {
                try await accounts.createCompartment(
                    form["id"].trimmingCharacters(in: .whitespaces), title: form["title"], actor: context.actor)
            }
        }
        router.post("/admin/compartments/:compartment/members") { request, context -> Response in
            let form = try await FormBody.read(request)
            let compartment = try context.parameters.require("compartment")
            return try await refusingOnPage(for: context) {
                try await accounts.addMember(
                    form["name"].trimmingCharacters(in: .whitespaces), to: compartment, actor: context.actor)
            }
        }
        router.post("/admin/compartments/:compartment/members/:name/remove") { _, context -> Response in
            let compartment = try context.parameters.require("compartment")
            let name = try context.parameters.require("name")
            return try await refusingOnPage(for: context) {
                try await accounts.removeMember(name, from: compartment, actor: context.actor)
            }
        }
    }

    /// Runs a change and goes back to the list, or shows the list again (for the request of `context`)
    /// with what was refused.
    private func refusingOnPage(for context: DeskRequestContext, _ change: () async throws -> Void) async throws
        -> Response
    {
        do {
            try await change()
            return Page.redirect(to: "/admin/compartments")
        } catch let error as AccessError {
            return Page.response(
                try await page(message: error.message), status: .unprocessableContent, for: context)
        }
    }

    private func page(message: String?) async throws -> HTML {
        let state = try await accounts.state()
        let people = state.users.keys.sorted()
        let rows = HTML.join(
            state.compartments.values.sorted { $0.id < $1.id }.map { compartment in
                let members = HTML.join(
                    compartment.members.sorted().map { name in
                        """
                        <li>\(name) <form class="actions" method="post" action="/admin/compartments/\(compartment.id)/members/\(name)/remove"><button type="submit">Remove</button></form></li>
                        """
                    })
                let outside = people.filter { !compartment.members.contains($0) }
                let add: HTML =
                    outside.isEmpty
                    ? "<p class=\"muted small\">Everyone with an account is a member.</p>"
                    : """
                    <form class="actions" method="post" action="/admin/compartments/\(compartment.id)/members">
                    <select name="name" aria-label="Person to add to \(compartment.id.rawValue)">\(HTML.join(outside.map { "<option>\($0)</option>" }))</select><button type="submit">Add</button></form>
                    """
                return """
                    <tr><td><code>\(compartment.id.rawValue)</code></td><td>\(compartment.title)</td>
                    <td><ul class="plain">\(members)</ul>\(add)</td></tr>
                    """
            })
        let error: HTML = message.map { "<p class=\"banner bad\" id=\"error-compartments\">\($0)</p>" } ?? .empty
        return Layout.page(
            title: "Compartments", desk: nil, desks: [], section: "",
            body: """
                <h1>Compartments</h1>
                <p>An engagement in a compartment, and everything that touches it, is seen only by the compartment's members. Being an admin does not make you one.</p>
                \(error)
                <section class="panel"><table><thead><tr><th>Id</th><th>What for</th><th>Members</th></tr></thead><tbody>\(rows)</tbody></table></section>
                <section class="panel spaced-top"><h2>Create a compartment</h2>
                <form class="stack" method="post" action="/admin/compartments">
                <label>Id (lower-case letters, digits, '-') <input name="id" required></label>
                <label>What it is for <input name="title" required></label>
                <button type="submit">Create</button>
                </form></section>
                """)
    }
}
