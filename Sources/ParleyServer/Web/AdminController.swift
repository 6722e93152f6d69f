import Foundation
import Hummingbird
import ParleyAccess

/// People: the admins' page listing accounts, adding one and changing a role.
struct AdminController: Sendable {
    let accounts: AccountBook

    func register(on router: Router<DeskRequestContext>) {
        router.get("/admin/users") { _, context -> Response in
            Page.response(try await page(message: nil), status: .ok, for: context)
        }
        router.post("/admin/users") { request, context -> Response in
            let form = try await FormBody.read(request)
            do {
                guard let role = Role(rawValue: form.values["role"] ?? "") else {
                    throw AccessError(.badName, "role: expected viewer, officer or admin")
                }
                try await accounts.addUser(
                    form.values["name"]?.trimmingCharacters(in: .whitespaces) ?? "", role: role,
                    password: form.values["password"] ?? "", actor: context.actor)
                return Page.redirect(to: "/admin/users")
            } catch let error as AccessError {
                return Page.response(
                    try await page(message: error.message), status: .unprocessableContent, for: context)
            }
        }
        router.post("/admin/users/:name/revoke") { _, context -> Response in
            try await accounts.revokeSessions(of: try context.parameters.require("name"), actor: context.actor)
            return Page.redirect(to: "/admin/users")
        }
        router.post("/admin/users/:name/role") { request, context -> Response in
            let form = try await FormBody.read(request)
            guard let role = Role(rawValue: form.values["role"] ?? "") else {
                return Page.response(
                    try await page(message: "role: expected viewer, officer or admin"), status: .unprocessableContent,
                    for: context)
            }
            try await accounts.changeRole(
                of: try context.parameters.require("name"), to: role, actor: context.actor)
            return Page.redirect(to: "/admin/users")
        }
    }

    private func page(message: String?) async throws -> HTML {
        let users = try await accounts.state().users.values.sorted { $0.name < $1.name }
        let rows = HTML.join(
            users.map { user in
                let options = HTML.join(
                    Role.allCases.map { role in
                        role == user.role
                            ? "<option selected>\(role.rawValue)</option>" : "<option>\(role.rawValue)</option>"
                    })
                return """
                    <tr><td>\(user.name)</td><td>\(user.role.rawValue)</td><td>
                    <form class="actions" method="post" action="/admin/users/\(user.name)/role">
                    <select name="role" aria-label="Role of \(user.name)">\(options)</select><button type="submit">Change</button></form>
                    <form class="actions" method="post" action="/admin/users/\(user.name)/revoke"><button type="submit">End their sessions</button></form>
                    </td></tr>
                    """
            })
        let error: HTML = message.map { "<p class=\"banner bad\" id=\"error-users\">\($0)</p>" } ?? .empty
        return Layout.page(
            title: "People", desk: nil, desks: [], section: "",
            body: """
                <h1>People</h1>
                \(error)
                <section class="panel"><table><thead><tr><th>Name</th><th>Role</th><th></th></tr></thead><tbody>\(rows)</tbody></table></section>
                <section class="panel spaced-top"><h2>Add a person</h2>
                <form class="stack" method="post" action="/admin/users">
                <label>Name <input name="name" required></label>
                <label>Role <select name="role"><option>viewer</option><option>officer</option><option>admin</option></select></label>
                <label>Password (at least 12 characters) <input name="password" type="password" autocomplete="new-password" required></label>
                <button type="submit">Add</button>
                </form></section>
                """)
    }
}
