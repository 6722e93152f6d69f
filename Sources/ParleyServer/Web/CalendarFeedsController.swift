import Foundation
import HTTPTypes
import Hummingbird
import ParleyAccess
import ParleyDesk

/// Calendar feeds: a secret address per person for a desk or one of its trips.
///
/// A calendar application fetches it without a session: stays, meetings agreed and planned, journeys
/// between them and deadlines, each in its own zone. The address is shown once; the list page and the
/// API revoke it.
///
/// A feed shows what its owner may read now: a compartment they leave, or an account that goes, stops
/// what it showed. Unknown, revoked and malformed secrets all get the same 404.
struct CalendarFeedsController: Sendable {
    let server: DeskServer
    let accounts: AccountBook

    func register(on router: Router<DeskRequestContext>) {
        router.get("/calendars/:file") { _, context -> Response in
            let file = try context.parameters.require("file")
            guard file.hasSuffix(".ics"), let found = try await accounts.calendarFeed(secret: String(file.dropLast(4)))
            else { throw Self.noFeed }
            let text = try await calendar(found.feed, as: found.owner)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/calendar; charset=utf-8", .cacheControl: "private, max-age=60",
                    .contentDisposition: "inline; filename=\"\(found.feed.id).ics\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("/calendar-feeds") { request, context -> Response in
            Page.response(try await page(for: context, request: request), status: .ok, for: context)
        }
        router.post("/calendar-feeds") { request, context -> Response in
            let form = try await FormBody.read(request)
            let problem: String
            do {
                let issued = try await issue(desk: form["desk"], trip: form["trip"], for: context)
                return Page.response(
                    try await page(for: context, request: request, issued: issued), status: .ok, for: context)
            } catch let error as AccessError {
                problem = error.message
            } catch let error as DeskError {
                problem = error.message
            }
            return Page.response(
                try await page(for: context, request: request, problem: problem, typed: form),
                status: .unprocessableContent, for: context)
        }
        router.post("/calendar-feeds/:id/revoke") { _, context -> Response in
            try await revoke(try context.parameters.require("id"), for: context)
            return Page.redirect(to: "/calendar-feeds")
        }
        let api = router.group("/api/v1/calendar-feeds")
        api.get { _, context -> Response in
            try JSON.response(
                try await accounts.calendarFeeds(of: Self.owner(for: context)).map { FeedListing($0, secret: nil) })
        }
        api.post { request, context -> Response in
            let data = Data(try await request.body.collect(upTo: 16 * 1024).readableBytesView)
            guard let body = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw RequestInputError(message: "expected a JSON object with desk (and trip)", field: nil)
            }
            if let unknown = body.keys.sorted().first(where: { !["desk", "trip"].contains($0) }) {
                throw RequestInputError(
                    message: "unknown field '\(unknown)': this body takes desk, trip", field: unknown)
            }
            guard let desk = body["desk"] as? String else {
                throw RequestInputError(message: "desk: expected the name of a desk", field: "desk")
            }
            guard body["trip"] == nil || body["trip"] is String || body["trip"] is NSNull else {
                throw RequestInputError(message: "trip: expected the id of one of the desk's trips", field: "trip")
            }
            let issued = try await issue(desk: desk, trip: body["trip"] as? String ?? "", for: context)
            return try JSON.response(FeedListing(issued.feed, secret: issued.secret), status: .created)
        }
        api.delete(":id") { _, context -> Response in
            try await revoke(try context.parameters.require("id"), for: context)
            return Response(status: .noContent)
        }
    }

    /// The same answer for every secret that opens nothing, so none tells anything about another.
    private static let noFeed = HTTPError(.notFound, message: "no calendar at this address (it may have been revoked)")

    /// Whose feeds a person sees and may revoke: their own; an admin's, everyone's.
    private static func owner(for context: DeskRequestContext) -> String? {
        context.identity?.role == .admin ? nil : context.actor
    }

    /// Issues a feed for the person of `context`, after checking they may read the desk and that the
    /// trip is one of its own.
    private func issue(desk: String, trip: String, for context: DeskRequestContext) async throws
        -> (feed: AccountsState.CalendarFeed, secret: String)
    {
        let desk = desk.trimmingCharacters(in: .whitespaces)
        let trip = trip.trimmingCharacters(in: .whitespaces)
        guard !desk.isEmpty else { throw DeskError.invalidValue(field: "desk", expected: "a desk", found: "nothing") }
        let (state, _) = try await server.load(desk, as: context.clearance)
        if !trip.isEmpty, state.trips[Trip.ID(trip)] == nil {
            throw DeskError.invalidValue(field: "trip", expected: "one of the desk's trips", found: trip)
        }
        return try await accounts.issueCalendarFeed(
            for: context.actor, desk: desk, trip: trip.isEmpty ? nil : trip, actor: context.actor)
    }

    private func revoke(_ id: String, for context: DeskRequestContext) async throws {
        let owner = Self.owner(for: context)
        // Someone else's feed is as unknown as no feed.
        guard try await accounts.calendarFeeds(of: owner).contains(where: { $0.id == id }) else {
            throw HTTPError(.notFound, message: "no calendar feed '\(id)' of yours")
        }
        try await accounts.revokeCalendarFeed(id, actor: context.actor)
    }

    /// The feed's calendar as its owner may read the desk now.
    private func calendar(_ feed: AccountsState.CalendarFeed, as owner: Identity) async throws -> String {
        let state: DeskState
        do {
            state = try await server.load(feed.desk, as: owner.clearance).state
        } catch let error as HTTPError where error.status == .notFound {
            throw Self.noFeed
        }
        func titles(_ trip: Trip) -> [String: String] {
            guard let problem = try? TripProblem(trip: trip.id, in: state) else { return [:] }
            return Dictionary(problem.items.map { ($0.ref, $0.title) }, uniquingKeysWith: { first, _ in first })
        }
        guard let id = feed.trip else { return Calendar5545(desk: state, titles: titles).text }
        guard let trip = state.trips[Trip.ID(id)] else { throw Self.noFeed }
        return Calendar5545(trip: trip, itinerary: state.itineraries[trip.id], state: state, titles: titles(trip)).text
    }

    /// The page listing the person's feeds, with the form that issues one; after issuing, the new
    /// address, shown this once.
    private func page(
        for context: DeskRequestContext, request: Request,
        issued: (feed: AccountsState.CalendarFeed, secret: String)? = nil, problem: String? = nil,
        typed: FormBody? = nil
    ) async throws -> HTML {
        let feeds = try await accounts.calendarFeeds(of: Self.owner(for: context))
        let desks = try await server.desks()
        let admin = context.identity?.role == .admin
        let rows = HTML.join(
            feeds.map { feed in
                let scope: HTML =
                    feed.trip.map { "<a href=\"/desks/\(feed.desk)/trips/\($0)\">trip \($0)</a>" }
                    ?? "the whole desk"
                let owner: HTML = admin ? "<td>\(feed.name)</td>" : .empty
                return """
                    <tr><td><code>\(feed.id)</code></td>\(owner)<td><a href="/desks/\(feed.desk)">\(feed.desk)</a></td><td>\(scope)</td>
                    <td>\(InstantText.format(feed.issued))</td>
                    <td><form class="actions" method="post" action="/calendar-feeds/\(feed.id)/revoke"><button type="submit">Revoke</button></form></td></tr>
                    """
            })
        var shown: HTML = .empty
        if let issued {
            let host = request.head.authority ?? "localhost"
            // Behind a proxy that ends TLS, the address the calendar application must use is https.
            let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https" ? "https" : "http"
            let address = "\(scheme)://\(host)/calendars/\(issued.secret).ics"
            shown = """
                <section class="panel" id="new-feed"><h2>Your new calendar address</h2>
                <p>Add it to your calendar application as a subscription (“From URL”). It is shown <strong>only this once</strong>: whoever has it sees this calendar without signing in, so keep it as you would a password, and revoke it below if it leaks.</p>
                <p><label for="feed-address">Address</label><input id="feed-address" readonly value="\(address)"></p>
                <p class="small"><a href="webcal://\(host)/calendars/\(issued.secret).ics">Open in a calendar application</a></p></section>
                """
        }
        let error: HTML = problem.map { "<p class=\"banner bad\" id=\"error-feed\" role=\"alert\">\($0)</p>" } ?? .empty
        let chosen = typed?["desk"] ?? ""
        let options = HTML.join(
            desks.map { desk -> HTML in
                desk == chosen ? "<option selected>\(desk)</option>" : "<option>\(desk)</option>"
            })
        let body: HTML = """
            <h1>Calendar feeds</h1>
            <p>A calendar feed is a secret address a calendar application can subscribe to: a desk's or one trip's stays, meetings (agreed and planned), the journeys between them and deadlines, each in its own zone. It shows what you may read, for as long as you may read it.</p>
            \(shown)\(error)
            <section class="panel"><h2>New feed</h2>
            <form method="post" action="/calendar-feeds" class="stack">
            <p><label for="feed-desk">Desk</label><select id="feed-desk" name="desk">\(options)</select></p>
            <p><label for="feed-trip">Trip <span class="muted small">(optional: empty for the whole desk)</span></label><input id="feed-trip" name="trip" autocomplete="off" value="\(typed?["trip"] ?? "")"></p>
            <p><button type="submit">Make a calendar address</button></p></form></section>
            <section class="panel"><h2>\(admin ? "Every feed" : "Your feeds")</h2>
            <table><thead><tr><th>Feed</th>\(admin ? "<th>Whose</th>" as HTML : .empty)<th>Desk</th><th>Shows</th><th>Issued (UTC)</th><th></th></tr></thead>
            <tbody>\(feeds.isEmpty ? "<tr><td colspan=\"6\" class=\"muted\">no feeds</td></tr>" as HTML : rows)</tbody></table></section>
            """
        return Layout.page(title: "Calendar feeds", desk: nil, desks: desks, section: "", body: body)
    }
}

/// A calendar feed as the API lists it; `url` (a path) only in the answer that issued it.
struct FeedListing: Encodable {
    let id: String
    let owner: String
    let desk: String
    let trip: String?
    let issued: Date
    let url: String?

    init(_ feed: AccountsState.CalendarFeed, secret: String?) {
        id = feed.id
        owner = feed.name
        desk = feed.desk
        trip = feed.trip
        issued = feed.issued
        url = secret.map { "/calendars/\($0).ics" }
    }
}
