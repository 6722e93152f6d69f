import Foundation
import Hummingbird
import ParleyDesk
import ParleyStore

extension WebController {
    func registerEngagementRoutes(on router: Router<DeskRequestContext>) {
        router.get("/desks/:desk/engagements/:id") { request, context -> HTML in
            let desk = try context.parameters.require("desk")
            let (state, version) = try await server.load(desk, as: context.clearance)
            // As of a moment (`?as_of=`, as the timeline's box sends it): the whole page as it stood then.
            let asOfText = FormBody(parsing: request.uri.query ?? "")["as_of"]
            let asOf =
                asOfText.isEmpty
                ? nil : try ZonedTime.parse(asOfText, field: "as_of", defaultZone: state.zone).instant
            return try await engagementPage(
                desk: desk, id: try context.parameters.require("id"), state: state, version: version,
                as: context.clearance, asOf: asOf)
        }
        router.get("/desks/:desk/engagements/:id/brief") { _, context -> HTML in
            let desk = try context.parameters.require("desk")
            let id = Engagement.ID(try context.parameters.require("id"))
            let (state, _) = try await server.load(desk, as: context.clearance)
            guard let engagement = state.engagements[id] else {
                throw HTTPError(.notFound, message: "no engagement '\(id)' on desk '\(desk)'")
            }
            return BriefPage(
                desk: desk, desks: try await server.desks(), state: state, engagement: engagement, now: server.now
            ).html
        }
        router.post("/desks/:desk/engagements/:id/move") { request, context -> Response in
            try await engagementForm(request, context, name: "move") { form, state, id in
                let slot =
                    form["slot_start"].trimmingCharacters(in: .whitespaces).isEmpty
                    ? nil
                    : SlotInput.Terms(
                        start: form["slot_start"], duration: form["slot_duration"], venue: form["slot_venue"])
                return try MoveInput(
                    to: form["to"], at: form["at"], by: form["by"].isEmpty ? "web" : form["by"], reason: form["reason"],
                    slot: slot
                ).command(id, on: state, now: server.now)
            }
        }
        router.post("/desks/:desk/engagements/:id/signals") { request, context -> Response in
            try await engagementForm(request, context, name: "signal") { form, state, id in
                let attribution = form["attribution"].split(whereSeparator: \.isNewline).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }.filter { !$0.isEmpty }
                return try SignalInput(
                    id: nil, engagement: id.rawValue, at: form["at"], summary: form["summary"], quote: form["quote"],
                    attribution: attribution, stance: form["stance"], grade: form["grade"], side: form["side"]
                ).command(on: state, now: server.now, newID: server.newSlug("signal"))
            }
        }
        router.post("/desks/:desk/engagements/:id/messages") { request, context -> Response in
            try await engagementForm(request, context, name: "message") { form, state, id in
                try MessageInput(
                    id: nil, engagement: id.rawValue, channel: form["channel"], from: form["from"], at: form["at"],
                    summary: form["summary"], quote: form["quote"], stance: form["stance"], asks: form["asks"]
                ).command(on: state, now: server.now, newID: server.newSlug("message"))
            }
        }
        router.post("/desks/:desk/engagements/:id/amend") { request, context -> Response in
            try await engagementForm(request, context, name: "amend") { form, state, id in
                // A priority that is not a number is refused by name, like any other field.
                var priority: Int?
                if !form["priority"].isEmpty {
                    guard let number = Int(form["priority"]) else {
                        throw DeskError.invalidValue(
                            field: "priority", expected: "a number from 1 to 5", found: form["priority"])
                    }
                    priority = number
                }
                let venues = form["venues"].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
                // One window a line: `from – to` (or `from to to`), each a time in the desk's zone unless named.
                var windows: [WindowInput]?
                let lines = form["windows"].split(whereSeparator: \.isNewline).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }.filter { !$0.isEmpty }
                if !lines.isEmpty {
                    windows = try lines.enumerated().map { index, line in
                        guard let range = line.range(of: " – ") ?? line.range(of: " to ") ?? line.range(of: " - ")
                        else {
                            throw DeskError.invalidValue(
                                field: "windows", expected: "one window a line, as 'from – to'",
                                found: "line \(index + 1): \(line)")
                        }
                        return WindowInput(
                            from: String(line[..<range.lowerBound]), to: String(line[range.upperBound...]))
                    }
                }
                return try EngagementAmendmentInput(
                    title: form["title"], purpose: form["purpose"], priority: priority,
                    duration: form["duration"].isEmpty ? nil : form["duration"], venues: venues.isEmpty ? nil : venues,
                    windows: windows,
                    at: form["at"], reason: form["reason"]
                ).command(id, on: state, now: server.now)
            }
        }
        router.post("/desks/:desk/deadlines/:deadline/move") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let id = Deadline.ID(try context.parameters.require("deadline"))
            let (state, _) = try await server.load(desk, as: context.clearance)
            guard let engagement = state.deadlines[id]?.engagement else {
                throw HTTPError(.notFound, message: "no deadline '\(id)' of an engagement")
            }
            let form = try await FormBody.read(request)
            return try await submit(
                form: form, desk: desk, redirect: "/desks/\(desk)/engagements/\(engagement)#deadlines", context: context
            ) { state in
                try DeadlineMoveInput(due: form["due"], at: form["at"], reason: form["reason"]).command(
                    id, on: state, now: server.now)
            } page: { state, version, formState in
                try await engagementPage(
                    desk: desk, id: engagement.rawValue, state: state, version: version, form: formState,
                    active: "deadline-resolve", as: context.clearance)
            }
        }
        router.post("/desks/:desk/engagements/:id/deadlines") { request, context -> Response in
            try await engagementForm(request, context, name: "deadline") { form, state, id in
                try DeadlineInput(
                    id: nil, title: form["title"], engagement: id.rawValue, owedBy: form["owed_by"], due: form["due"],
                    alarms: form["alarms"].split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
                ).command(on: state, newID: server.newSlug("deadline"))
            }
        }
        router.post("/desks/:desk/playbooks/:playbook/start") { request, context -> Response in
            try await playbookForm(request, context) { form, state, id in
                try PlaybookStartInput(at: form["at"]).command(id, on: state, now: server.now)
            }
        }
        router.post("/desks/:desk/playbooks/:playbook/stop") { request, context -> Response in
            try await playbookForm(request, context) { form, state, id in
                try PlaybookStopInput(at: nil, reason: form["reason"]).command(id, on: state, now: server.now)
            }
        }
        router.post("/desks/:desk/deadlines/:deadline/resolve") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let id = Deadline.ID(try context.parameters.require("deadline"))
            let (state, _) = try await server.load(desk, as: context.clearance)
            guard let engagement = state.deadlines[id]?.engagement else {
                throw HTTPError(.notFound, message: "no deadline '\(id)' of an engagement")
            }
            let form = try await FormBody.read(request)
            return try await submit(
                form: form, desk: desk, redirect: "/desks/\(desk)/engagements/\(engagement)#deadlines", context: context
            ) { state in
                try ResolutionInput(status: form["status"], at: form["at"], note: form["note"]).command(
                    id, on: state, now: server.now)
            } page: { state, version, formState in
                try await engagementPage(
                    desk: desk, id: engagement.rawValue, state: state, version: version, form: formState,
                    active: "deadline-resolve", as: context.clearance)
            }
        }
        router.post("/desks/:desk/tasks/:task/amend") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let taskID = AdvanceTask.ID(try context.parameters.require("task"))
            let (state, _) = try await server.load(desk, as: context.clearance)
            guard let task = state.tasks[taskID] else {
                throw HTTPError(.notFound, message: "no advance task '\(taskID)'")
            }
            var values = try await FormBody.read(request).values
            values["task"] = taskID.rawValue
            let form = FormBody(copying: values)
            return try await submit(
                form: form, desk: desk, redirect: "/desks/\(desk)/engagements/\(task.engagement)#tasks",
                context: context
            ) { state in
                // A field left empty (or out) stays as it is; an owner left empty is nobody.
                func given(_ field: String) -> String? { form[field].isEmpty ? nil : form[field] }
                return try TaskAmendmentInput(
                    title: given("title"), duration: given("duration"), leadTime: given("lead_time"),
                    owner: form.values["owner"].map { _ in form["owner"] }, reason: form["reason"]
                ).command(taskID, on: state, now: server.now)
            } page: { state, version, formState in
                var formState = formState
                // The small form shows every refusal above the tasks, whichever field it names.
                if formState.banner == nil, let first = formState.errors.sorted(by: { $0.key < $1.key }).first {
                    formState.banner = "\(first.key): \(first.value)"
                }
                return try await engagementPage(
                    desk: desk, id: task.engagement.rawValue, state: state, version: version, form: formState,
                    active: "task", as: context.clearance)
            }
        }
        router.post("/desks/:desk/tasks/:task") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let taskID = AdvanceTask.ID(try context.parameters.require("task"))
            let (state, _) = try await server.load(desk, as: context.clearance)
            guard let task = state.tasks[taskID] else {
                throw HTTPError(.notFound, message: "no advance task '\(taskID)'")
            }
            let form = try await FormBody.read(request)
            var values = form.values
            values["task"] = taskID.rawValue
            return try await submit(
                form: FormBody(copying: values), desk: desk,
                redirect: "/desks/\(desk)/engagements/\(task.engagement)#tasks", context: context
            ) { state in
                try TaskProgressInput(status: form["status"], at: form["at"]).command(
                    taskID, on: state, now: server.now)
            } page: { state, version, formState in
                try await engagementPage(
                    desk: desk, id: task.engagement.rawValue, state: state, version: version, form: formState,
                    active: "task", as: context.clearance)
            }
        }
    }

    private func engagementForm(
        _ request: Request, _ context: DeskRequestContext, name: String,
        command: @escaping (FormBody, DeskState, Engagement.ID) throws -> DeskCommand
    ) async throws -> Response {
        let desk = try context.parameters.require("desk")
        let id = try context.parameters.require("id")
        let form = try await FormBody.read(request)
        let seen: (DeskState) -> String? = { $0.engagements[Engagement.ID(id)].map(SeenStamp.of) }
        return try await submit(
            form: form, desk: desk, redirect: "/desks/\(desk)/engagements/\(id)", context: context, seen: seen
        ) { state in
            guard state.engagements[Engagement.ID(id)] != nil else {
                throw HTTPError(.notFound, message: "no engagement '\(id)'")
            }
            return try command(form, state, Engagement.ID(id))
        } page: { state, version, formState in
            try await engagementPage(
                desk: desk, id: id, state: state, version: version, form: formState, active: name,
                as: context.clearance)
        }
    }

    /// A form posted about a playbook: runs `command` on the playbook the path names, then goes back to its
    /// engagement's page, or shows that page again with the refusal above the playbooks.
    private func playbookForm(
        _ request: Request, _ context: DeskRequestContext,
        command: @escaping (FormBody, DeskState, Playbook.ID) throws -> DeskCommand
    ) async throws -> Response {
        let desk = try context.parameters.require("desk")
        let id = Playbook.ID(try context.parameters.require("playbook"))
        let (state, _) = try await server.load(desk, as: context.clearance)
        guard let playbook = state.playbooks[id] else { throw HTTPError(.notFound, message: "no playbook '\(id)'") }
        let form = try await FormBody.read(request)
        return try await submit(
            form: form, desk: desk, redirect: "/desks/\(desk)/engagements/\(playbook.engagement)#playbooks",
            context: context
        ) { state in
            try command(form, state, id)
        } page: { state, version, formState in
            try await engagementPage(
                desk: desk, id: playbook.engagement.rawValue, state: state, version: version, form: formState,
                active: "playbook", as: context.clearance)
        }
    }

    func engagementPage(
        desk: String, id: String, state: DeskState, version: Int64, form: FormState = FormState(), active: String = "",
        as clearance: Clearance, asOf: Date? = nil
    ) async throws -> HTML {
        guard state.engagements[Engagement.ID(id)] != nil else {
            throw HTTPError(.notFound, message: "no engagement '\(id)' on desk '\(desk)'")
        }
        var entries = try await server.view(desk, as: clearance).entries(from: server.ledger.store, desk: desk)
        var shown = state
        if let asOf {
            // As the desk knew it then: what was learned by that moment, folded.
            entries = entries.filter { $0.event.learned <= asOf }
            shown = DeskState.folding(entries.map(\.event), asOf: asOf, .asKnown)
        }
        guard let engagement = shown.engagements[Engagement.ID(id)] else {
            throw HTTPError(
                .notFound,
                message:
                    "engagement '\(id)' was not yet on desk '\(desk)' at \(ZonedTime.display(asOf ?? server.now, in: state.zone))"
            )
        }
        let events = entries.filter { $0.event.concerns(engagement.id, in: shown) }
        return EngagementPage(
            desk: desk, desks: try await server.desks(), state: shown, version: version, engagement: engagement,
            events: events, log: entries.map(\.event), form: form, activeForm: active, now: asOf ?? server.now,
            asOf: asOf
        ).html
    }
}
