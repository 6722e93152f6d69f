import Foundation
import Hummingbird
import ParleyDesk
import ParleyStore

/// The desk's pages and the forms that change it.
struct WebController: Sendable {
    let server: DeskServer
    let notifier: WebhookNotifier

    func register(on router: Router<DeskRequestContext>) {
        registerEngagementRoutes(on: router)
        registerTripAndTimelineRoutes(on: router)
        registerCreationRoutes(on: router)
        registerEditRoutes(on: router)
        router.get("/desks/:desk/notifications") { _, context -> HTML in
            let desk = try context.parameters.require("desk")
            let view = try await server.view(desk, as: context.clearance)
            // Only deliveries about events this reader may see, numbered as they see them.
            let deliveries = notifier.deliveries(for: desk).compactMap { delivery in
                view.viewerSequence(of: delivery.job.sequence).map { (sequence: $0, delivery: delivery) }
            }
            return NotificationsPage(
                desk: desk, desks: try await server.desks(), state: view.state, deliveries: deliveries
            ).html
        }
        router.get("/search") { request, context -> Response in
            let form = FormBody(parsing: request.uri.query ?? "")
            let result = try await server.search(
                form["q"], offset: try DeskServer.searchOffset(form["offset"]), as: context.clearance)
            return Page.response(
                SearchPage(result: result, desks: try await server.desks()).html, status: .ok, for: context)
        }
        router.get("/calibration") { _, _ -> HTML in
            CalibrationPage(summary: server.configuration.calibration, desks: try await server.desks()).html
        }
        router.get("/") { _, context -> Response in
            let desks = try await server.desks()
            guard !desks.isEmpty else {
                return Page.response(
                    Layout.page(
                        title: "No desks", desk: nil, desks: [], section: "",
                        body:
                            "<h1>No desks yet</h1><p><a class=\"button\" href=\"/new-desk\">Open a desk</a> (admins), then add its parties, principals, venues and meetings in the browser. A scenario file can also be imported with <code>parley import FILE</code>.</p>\(HomePage.rehearsalPanel(server.configuration.rehearsalStory?.title))"
                    ),
                    status: .ok, for: context)
            }
            var views: [(name: String, view: DeskView)] = []
            for name in desks.prefix(HomePage.limit) {
                views.append((name, try await server.view(name, as: context.clearance)))
            }
            // Kept while no desk this reader sees has changed, within the same minute: "since yesterday"
            // moves by the minute at most, and the countdowns run in the browser.
            let stamp =
                views.map { "\($0.name)@\($0.view.version)" }.joined(separator: ",") + "#"
                + String(Int(server.now.timeIntervalSince1970 / 60)) + "#" + desks.joined(separator: ",")
            let key = "home:" + views.map(\.view.key).joined(separator: ",")
            if let page = server.rendered.cachedPage(for: key, stamp: stamp) {
                return page.response(status: .ok, for: context)
            }
            // One request rebuilds it (about a second at 20 desks of 2 000 events); the others meanwhile
            // are shown the page kept, at most that much older.
            guard server.rendered.claimRebuild(of: key) else {
                if let kept = server.rendered.keptPage(for: key) { return kept.response(status: .ok, for: context) }
                return try await homePage(views, desks: desks, key: key, stamp: stamp, for: context)
            }
            defer { server.rendered.endRebuild(of: key) }
            return try await homePage(views, desks: desks, key: key, stamp: stamp, for: context)
        }
        router.get("/desks/:desk") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let view = try await server.view(desk, as: context.clearance)
            let desks = try await server.desks()
            // As of a moment (`?as_of=`): the desk as it was known then, read only and never cached.
            let asOfText = FormBody(parsing: request.uri.query ?? "")["as_of"]
            if !asOfText.isEmpty {
                let moment = try ZonedTime.parse(asOfText, field: "as_of", defaultZone: view.state.zone).instant
                let entries = try await view.entries(from: server.ledger.store, desk: desk).map(\.event)
                    .filter { $0.learned <= moment }
                let then = DeskState.folding(entries, asOf: moment, .asKnown)
                guard then.profile != nil else {
                    throw HTTPError(
                        .notFound,
                        message: "desk '\(desk)' was not open yet at \(ZonedTime.display(moment, in: view.state.zone))")
                }
                return Page.response(
                    DashboardPage(
                        desk: desk, desks: desks, state: then, version: Int64(entries.count), now: moment,
                        asOf: moment
                    ).html, status: .ok, for: context)
            }
            let stamp = server.stamp(view.version) + desks.joined(separator: ",")
            return server.rendered.page(for: "dashboard:\(desk):\(view.key)", stamp: stamp) {
                DashboardPage(desk: desk, desks: desks, state: view.state, version: view.version, now: server.now).html
                    .rendered
            }.response(status: .ok, for: context)
        }
        router.post("/desks/:desk/amend") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let form = try await FormBody.read(request)
            return try await submit(form: form, desk: desk, redirect: "/desks/\(desk)", context: context) { state in
                // Left empty: unchanged; the webhook `none`: removed.
                func given(_ field: String) -> String? { form[field].isEmpty ? nil : form[field] }
                let webhook = given("webhook").map { $0.lowercased() == "none" ? "" : $0 }
                guard
                    let command = try RecordAmendmentInput(
                        title: given("title"), zone: given("zone"), webhook: webhook, reason: form["reason"]
                    ).command("desk", id: desk, on: state, now: server.now)
                else { throw DeskError.deskNotOpened }
                return command
            } page: { state, version, formState in
                var formState = formState
                formState.values["settings"] = "1"
                return DashboardPage(
                    desk: desk, desks: try await server.desks(), state: state, version: version, now: server.now,
                    form: formState
                ).html
            }
        }
        router.post("/desks/:desk/channels/:channel/status") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let channel = Channel.ID(try context.parameters.require("channel"))
            var values = try await FormBody.read(request).values
            values["status_of"] = channel.rawValue
            let form = FormBody(copying: values)
            return try await submit(form: form, desk: desk, redirect: "/desks/\(desk)#channels", context: context) {
                state in
                guard state.channels[channel] != nil else {
                    throw HTTPError(.notFound, message: "no channel '\(channel)'")
                }
                return try ChannelStatusInput(status: form["status"], at: form["at"], reason: form["reason"]).command(
                    channel, on: state, now: server.now)
            } page: { state, version, formState in
                var formState = formState
                // Every refusal of this small form is shown beside it, whichever field it names.
                if let banner = formState.banner { formState.errors["status_of"] = banner }
                formState.banner = nil
                return DashboardPage(
                    desk: desk, desks: try await server.desks(), state: state, version: version, now: server.now,
                    form: formState
                ).html
            }
        }
        router.post("/desks/:desk/attempts") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let form = try await FormBody.read(request)
            return try await submit(form: form, desk: desk, redirect: "/desks/\(desk)#channels", context: context) {
                state in
                try AttemptInput(
                    id: nil, channel: form["channel"], engagement: form["engagement"], at: form["at"],
                    outcome: form["outcome"], note: form["note"]
                ).command(on: state, now: server.now, newID: server.newSlug("attempt"))
            } page: { state, version, formState in
                DashboardPage(
                    desk: desk, desks: try await server.desks(), state: state, version: version, now: server.now,
                    form: formState
                ).html
            }
        }
    }

    /// Runs the command a form describes; on a refusal re-renders the page with the message beside the
    /// field, on a stale version says so, and in both cases keeps what was typed.
    ///
    /// The command is the signed-in person's (`context`), decided on the desk as they may see it.
    /// A form that carries a `SeenStamp` (`seen`) is refused only when the thing it changes changed since
    /// its page was shown (`seen` gives that thing's stamp now); one without it is checked against the
    /// desk's version, if it carries one.
    func submit(
        form: FormBody, desk: String, redirect: String, context: DeskRequestContext,
        seen: ((DeskState) -> String?)? = nil,
        command: (DeskState) async throws -> DeskCommand,
        page: (DeskState, Int64, FormState) async throws -> HTML
    ) async throws -> Response {
        let (state, version) = try await server.load(desk, as: context.clearance)
        var formState = FormState(values: form.values)
        let typedStamp = form.values[SeenStamp.field]
        if let seen, let typedStamp, let current = seen(state), current != typedStamp {
            formState.banner =
                "Someone else changed this while you were editing: it is shown below as it now stands. "
                + "Nothing was saved; what you typed is kept. Check it, then submit again."
            formState.values[SeenStamp.field] = current
            return Page.response(try await page(state, version, formState), status: .conflict, for: context)
        }
        do {
            _ = try await server.execute(
                try await command(state), on: desk, actor: context.actor,
                expectedVersion: seen != nil && typedStamp != nil ? nil : form.version, as: context.clearance)
            return Page.redirect(to: redirect)
        } catch let error as DeskError {
            // Beside the field when the form has one by that name (`slot.start` is typed in `slot_start`);
            // otherwise (an id the desk made up, say) above the form, so no refusal goes unseen.
            if let field = error.field,
                form.values[field] != nil || form.values[field.replacingOccurrences(of: ".", with: "_")] != nil
            {
                formState.errors[field] = error.reason
            } else {
                formState.banner = error.message
            }
            return Page.response(
                try await page(state, version, formState), status: .unprocessableContent, for: context)
        } catch let error as StoreError {
            guard case .conflict(_, _, let actual) = error.code else { throw error }
            formState.banner =
                "Someone else changed this desk while you were editing (it is now at version \(actual)). "
                + "Nothing was saved; your entry is kept below. Check the desk, then submit again."
            formState.values["version"] = String(actual)
            let (fresh, freshVersion) = try await server.load(desk, as: context.clearance)
            return Page.response(
                try await page(fresh, freshVersion, formState), status: .conflict, for: context)
        }
    }

    /// Renders the home page of `views`, keeping it for `key` at `stamp`.
    private func homePage(
        _ views: [(name: String, view: DeskView)], desks: [String], key: String, stamp: String,
        for context: DeskRequestContext
    ) async throws -> Response {
        var shown: [HomePage.Desk] = []
        let cutoff = server.now.addingTimeInterval(-86_400)
        for (name, view) in views {
            let dayBefore: DeskState
            if view.isRedacted {
                // Held in memory already, and per reader: folded here.
                let entries = try await view.entries(from: server.ledger.store, desk: name).map(\.event)
                dayBefore = DeskState.folding(entries, asOf: cutoff, .asKnown)
            } else {
                dayBefore = try await server.dayBefore.state(of: name, version: view.version, asOf: cutoff) { from in
                    try await server.ledger.store.read(desk: name, from: from).map { ($0.sequence, try $0.decoded()) }
                }
            }
            shown.append(HomePage.Desk(name: name, state: view.state, dayBefore: dayBefore))
        }
        var page = HomePage(desks: shown, names: desks, now: server.now)
        page.rehearsal = server.configuration.rehearsalStory?.title
        let html = page.html
        return server.rendered.page(for: key, stamp: stamp) { html.rendered }.response(status: .ok, for: context)
    }
}
