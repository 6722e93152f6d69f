import Foundation
import Hummingbird
import ParleyDesk
import ParleyPlanner
import ParleyStore

extension WebController {
    func registerTripAndTimelineRoutes(on router: Router<DeskRequestContext>) {
        router.get("/desks/:desk/trips/:trip") { _, context -> HTML in
            let desk = try context.parameters.require("desk")
            let (state, version) = try await server.load(desk, as: context.clearance)
            let problem = try tripProblem(try context.parameters.require("trip"), state)
            return TripPage(
                desk: desk, desks: try await server.desks(), state: state, version: version, problem: problem
            ).html
        }
        router.get("/desks/:desk/trips/:trip/brief") { _, context -> HTML in
            let desk = try context.parameters.require("desk")
            let (state, _) = try await server.load(desk, as: context.clearance)
            let problem = try tripProblem(try context.parameters.require("trip"), state)
            return TripBriefPage(
                desk: desk, desks: try await server.desks(), state: state, problem: problem, now: server.now
            ).html
        }
        router.post("/desks/:desk/trips/:trip/plan") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let tripID = try context.parameters.require("trip")
            let form = try await FormBody.read(request)
            do {
                try await server.planTrip(
                    tripID, on: desk, actor: context.actor, as: context.clearance, expectedVersion: form.version)
            } catch let refusal as TripPlanningError where refusal.category == .user {
                // The trip as it stands, with why it was not re-planned and the ways out, where the staff were.
                let (state, version) = try await server.load(desk, as: context.clearance)
                var page = TripPage(
                    desk: desk, desks: try await server.desks(), state: state, version: version,
                    problem: try tripProblem(tripID, state))
                page.planRefusal = refusal.message
                return Page.response(page.html, status: .unprocessableContent, for: context)
            }
            return Page.redirect(to: "/desks/\(desk)/trips/\(tripID)")
        }
        router.post("/desks/:desk/trips/:trip/amend") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let tripID = Trip.ID(try context.parameters.require("trip"))
            let form = try await FormBody.read(request)
            let (state, version) = try await server.load(desk, as: context.clearance)
            guard let trip = state.trips[tripID] else {
                throw HTTPError(.notFound, message: "no trip '\(tripID)' on desk '\(desk)'")
            }
            let rows = TripPage.rows(on: state, stays: trip.stays.count + 2, commitments: trip.commitments.count + 2)
            // Someone else changed this trip since the form was shown: show it as it stands, keep the typing.
            if let typed = form.values[SeenStamp.field], typed != SeenStamp.of(trip) {
                var shown = FormState(values: form.shown)
                shown.values[SeenStamp.field] = SeenStamp.of(trip)
                shown.banner =
                    "Someone else changed this trip while you were editing: its stays and commitments above are as "
                    + "they now stand. Nothing was saved; what you typed is kept below. Check it, then save again."
                let page = TripPage(
                    desk: desk, desks: try await server.desks(), state: state, version: version,
                    problem: try tripProblem(tripID.rawValue, state), form: shown)
                return Page.response(page.html, status: .conflict, for: context)
            }
            do {
                // Rows are read by their position in the form, so a commitment keeps the id its row carried.
                let stays = rows[0].filled(in: form).map {
                    StayInput(
                        venue: $0["venue"] ?? "", lodging: $0["lodging"], from: $0["from"] ?? "", to: $0["to"] ?? "")
                }
                let commitments = rows[1].filledIndices(in: form).map { index -> CommitmentInput in
                    let field = { (name: String) in form["commitments[\(index)].\(name)"] }
                    return CommitmentInput(
                        id: InputText.optional(field("id")), title: field("title"), venue: field("venue"),
                        start: field("start"), end: field("end"))
                }
                let command = try TripAmendmentInput(
                    title: form["title"], stays: stays, commitments: commitments, at: InputText.optional(form["at"]),
                    reason: form["reason"]
                ).command(tripID, on: state, now: server.now)
                _ = try await server.execute(
                    command, on: desk, actor: context.actor, expectedVersion: nil, as: context.clearance)
                return Page.redirect(to: "/desks/\(desk)/trips/\(tripID)")
            } catch let error as DeskError {
                let shown = Self.refused(error, form, rows: rows)
                let page = TripPage(
                    desk: desk, desks: try await server.desks(), state: state, version: version,
                    problem: try tripProblem(tripID.rawValue, state), form: shown)
                return Page.response(page.html, status: .unprocessableContent, for: context)
            }
        }
        router.get("/desks/:desk/trips/:trip/itinerary.ics") { _, context -> Response in
            let desk = try context.parameters.require("desk")
            let (state, _) = try await server.load(desk, as: context.clearance)
            let problem = try tripProblem(try context.parameters.require("trip"), state)
            guard let itinerary = state.itineraries[problem.trip.id] else {
                throw HTTPError(.notFound, message: "trip '\(problem.trip.id)' has not been planned yet")
            }
            let titles = Dictionary(problem.items.map { ($0.ref, $0.title) }, uniquingKeysWith: { first, _ in first })
            let text = Calendar5545(trip: problem.trip, itinerary: itinerary, state: state, titles: titles).text
            return Response(
                status: .ok, headers: [.contentType: "text/calendar; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.post("/desks/:desk/entries/:entry/retract") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let text = try context.parameters.require("entry")
            let form = try await FormBody.read(request)
            return try await submit(
                form: form, desk: desk, redirect: "/desks/\(desk)/timeline#entry-\(text)", context: context
            ) { state in
                guard let entry = Int64(text), entry > 0 else {
                    throw DeskError.invalidValue(field: "entry", expected: "an entry number, 1 or more", found: text)
                }
                return try RetractionInput(reason: form["reason"]).command(entry, on: state, now: server.now)
            } page: { _, _, formState in
                var formState = formState
                // The refusal is shown above the timeline, whichever field it names.
                if formState.banner == nil, let first = formState.errors.first {
                    formState.banner = "Entry \(text) was not retracted: \(first.key): \(first.value)"
                }
                let view = try await server.view(desk, as: context.clearance)
                return TimelinePage(
                    desk: desk, desks: try await server.desks(), full: view.state,
                    entries: try await view.entries(from: server.ledger.store, desk: desk), engagement: "", type: "",
                    asOfText: "", asOf: nil, asOfError: nil, form: formState
                ).html
            }
        }
        router.get("/desks/:desk/timeline") { request, context -> HTML in
            let desk = try context.parameters.require("desk")
            let view = try await server.view(desk, as: context.clearance)
            let state = view.state
            let entries = try await view.entries(from: server.ledger.store, desk: desk)
            // Read as a form is: a browser's GET form sends a space as `+` (`2019-06-29+21:00`).
            let query = FormBody(parsing: request.uri.query ?? "")
            let asOfText = query["as_of"]
            var asOf: Date?
            var asOfError: String?
            if !asOfText.isEmpty {
                do {
                    asOf = try ZonedTime.parse(asOfText, field: "as_of", defaultZone: state.zone).instant
                } catch {
                    asOfError = (error as? DeskError)?.reason ?? "\(error)"
                }
            }
            return TimelinePage(
                desk: desk, desks: try await server.desks(), full: state, entries: entries,
                engagement: query["engagement"],
                type: query["type"], asOfText: asOfText, asOf: asOf, asOfError: asOfError,
                hindsight: query["as_happened"] == "1" ? .asHappened : .asKnown
            ).html
        }
    }

    private func tripProblem(_ id: String, _ state: DeskState) throws -> TripProblem {
        try server.tripProblem(id, state)
    }
}
