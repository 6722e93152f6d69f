import Foundation
import Hummingbird
import ParleyDesk
import ParleyStore

extension WebController {
    /// The forms that add things: a new desk (admins), and each noun of a desk (officers).
    func registerCreationRoutes(on router: Router<DeskRequestContext>) {
        router.get("/new-desk") { _, context -> Response in
            Page.response(NewDeskPage(desks: try await server.desks(), now: server.now).html, status: .ok, for: context)
        }
        router.post("/new-desk") { request, context -> Response in
            let form = try await FormBody.read(request)
            let existing = Set(try await server.desks())
            do {
                let command = try DeskInput(
                    name: InputText.optional(form["name"]), title: form["title"], zone: form["zone"]
                )
                .command(now: server.now) { existing.contains($0) || !PathGuard<DeskRequestContext>.canNameADesk($0) }
                guard case .openDesk(let profile) = command else { throw HTTPError(.internalServerError) }
                _ = try await server.execute(
                    command, on: profile.name, actor: context.actor, expectedVersion: nil, as: context.clearance)
                return Page.redirect(to: "/desks/\(profile.name)#setup")
            } catch let error as DeskError {
                var page = NewDeskPage(desks: Array(existing).sorted(), now: server.now)
                page.form = Self.refused(error, form, rows: [])
                return Page.response(page.html, status: .unprocessableContent, for: context)
            }
        }
        router.post("/rehearsals") { request, context -> Response in
            let form = try await FormBody.read(request)
            guard let speed = Double(form["speed"]) else {
                throw RequestInputError(message: "speed: expected a number from 1 to 600", field: "speed")
            }
            let desk = try await server.startRehearsal(speed: speed, actor: context.actor)
            return Page.redirect(to: "/desks/\(desk)")
        }
        router.get("/desks/:desk/new/:item") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let item = try Self.newItem(context)
            let (state, _) = try await server.load(desk, as: context.clearance)
            var preset: [String: String] = [:]
            for name in ["engagement", "trip"] {
                if let value = request.uri.queryParameters.get(name) { preset[name] = value }
            }
            let page = CreationPage(
                desk: desk, desks: try await server.desks(), item: item, state: state, now: server.now, preset: preset)
            return Page.response(page.html, status: .ok, for: context)
        }
        router.post("/desks/:desk/new/:item") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let item = try Self.newItem(context)
            let form = try await FormBody.read(request)
            // Adding something new takes no version: someone else's entry or a timer firing meanwhile cannot
            // fail it, and the desk itself refuses what would now clash (an id taken, a venue gone).
            let (state, _) = try await server.load(desk, as: context.clearance)
            do {
                let commands = try item.commands(form, on: state, now: server.now)
                var destination = "/desks/\(desk)"
                for (index, command) in commands.enumerated() {
                    let outcome = try await server.execute(
                        command, on: desk, actor: context.actor, expectedVersion: nil, as: context.clearance)
                    // The id as stored: inside a compartment the ledger adds a part of its own.
                    if index == 0, let fact = try outcome.events.first?.decoded().fact {
                        destination = NewItem.destination(of: fact, desk: desk)
                    }
                }
                return Page.redirect(to: destination)
            } catch let error as DeskError {
                var page = CreationPage(
                    desk: desk, desks: try await server.desks(), item: item, state: state, now: server.now)
                page.form = Self.refused(error, form, rows: item.rows(on: state, now: server.now))
                page.fresh = false
                return Page.response(page.html, status: .unprocessableContent, for: context)
            }
        }
    }

    /// The forms that change a shared record: a party, principal, venue, channel or playbook.
    func registerEditRoutes(on router: Router<DeskRequestContext>) {
        router.get("/desks/:desk/edit/:item/:id") { _, context -> Response in
            let desk = try context.parameters.require("desk")
            let (item, id) = try Self.editItem(context)
            let (state, _) = try await server.load(desk, as: context.clearance)
            guard item.name(of: id, in: state) != nil else {
                throw HTTPError(.notFound, message: "no \(item.rawValue) '\(id)' on desk '\(desk)'")
            }
            let page = EditPage(desk: desk, desks: try await server.desks(), item: item, id: id, state: state)
            return Page.response(page.html, status: .ok, for: context)
        }
        router.post("/desks/:desk/edit/:item/:id") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let (item, id) = try Self.editItem(context)
            let form = try await FormBody.read(request)
            let (state, _) = try await server.load(desk, as: context.clearance)
            guard item.name(of: id, in: state) != nil else {
                throw HTTPError(.notFound, message: "no \(item.rawValue) '\(id)' on desk '\(desk)'")
            }
            let stamp = SeenStamp.of(item.values(of: id, in: state))
            if let typed = form.values[SeenStamp.field], typed != stamp {
                var shown = FormState(values: form.shown)
                shown.values[SeenStamp.field] = stamp
                shown.banner =
                    "Someone else changed this \(item.rawValue) while you were editing (now: "
                    + item.values(of: id, in: state).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                    .joined(separator: ", ")
                    + "). Nothing was saved; what you typed is kept below. Check it, then save again."
                let page = EditPage(
                    desk: desk, desks: try await server.desks(), item: item, id: id, state: state, form: shown)
                return Page.response(page.html, status: .conflict, for: context)
            }
            do {
                guard
                    let command = try item.input(form, id: id, on: state).command(
                        item.collection, id: id, on: state, now: server.now)
                else { throw HTTPError(.notFound, message: "no \(item.rawValue) '\(id)'") }
                _ = try await server.execute(
                    command, on: desk, actor: context.actor, expectedVersion: nil, as: context.clearance)
                let playbook = state.playbooks[Playbook.ID(id)]
                return Page.redirect(
                    to: item == .playbook
                        ? "/desks/\(desk)/engagements/\(playbook?.engagement.rawValue ?? "")#playbooks"
                        : "/desks/\(desk)#setup")
            } catch let error as DeskError {
                let shown = Self.refused(error, form, rows: item.rows(of: id, on: state))
                let page = EditPage(
                    desk: desk, desks: try await server.desks(), item: item, id: id, state: state, form: shown)
                return Page.response(page.html, status: .unprocessableContent, for: context)
            }
        }
    }

    /// The record kind and id named in the path, or 404.
    private static func editItem(_ context: DeskRequestContext) throws -> (EditItem, String) {
        let name = try context.parameters.require("item")
        guard let item = EditItem(rawValue: name) else {
            throw HTTPError(
                .notFound,
                message: "nothing called '\(name)' can be changed here; try "
                    + EditItem.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return (item, try context.parameters.require("id"))
    }

    /// The item named in the path, or 404.
    private static func newItem(_ context: DeskRequestContext) throws -> NewItem {
        let name = try context.parameters.require("item")
        guard let item = NewItem(rawValue: name) else {
            throw HTTPError(
                .notFound,
                message: "nothing called '\(name)' can be added; try "
                    + NewItem.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return item
    }

    /// The form shown again after `error`: what was typed, and the message beside the field it names
    /// (in the form's own row numbers), beside a row's first field for a refusal of a whole row, or above
    /// the form when the form has no such field.
    static func refused(_ error: DeskError, _ form: FormBody, rows: [FormRows]) -> FormState {
        var shown = FormState(values: form.shown)
        let named = error.field.map { field in
            rows.lazy.compactMap { $0.formField(for: field, in: form) }.first ?? field
        }
        if let field = named, form.lists[field] != nil {
            shown.errors[field] = error.reason
        } else if let field = named, let row = rowField(field), form.lists[row] != nil {
            shown.errors[row] = error.reason
        } else {
            shown.banner = error.message
        }
        return shown
    }

    /// A refusal of a whole row (`stays[1]`, a stay that ends before it starts) is shown beside the row's
    /// first field.
    private static func rowField(_ field: String) -> String? {
        guard field.hasSuffix("]") else { return nil }
        let names = ["stays": "venue", "commitments": "title", "windows": "from", "steps": "channel"]
        guard let open = field.firstIndex(of: "["), let first = names[String(field[..<open])] else { return nil }
        return field + "." + first
    }
}
