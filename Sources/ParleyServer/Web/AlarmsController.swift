import Foundation
import Hummingbird
import ParleyAccess
import ParleyDesk
import ParleyStore

/// Alarms where people look: deadline warnings and misses, playbook tries due, messages from the other
/// side, and moves of the engagements a person follows, across every desk they may see, until they
/// acknowledge them.
///
/// Every page's header has the alarm area; the script fills it from `/alarms` when the page opens, when
/// the desk's live stream says something happened, and every 15 seconds. Acknowledgements and follows
/// are the person's own, kept in the accounts stream.
struct AlarmsController: Sendable {
    let server: DeskServer
    let accounts: AccountBook

    /// The most alarms listed at once (the count covers them all).
    static let shownLimit = 50

    func register(on router: Router<DeskRequestContext>) {
        router.get("/alarms") { _, context -> Response in
            let list = try await alarms(for: context)
            let following = try await followed(by: context)
            return Page.response(
                AlarmsPage(
                    alarms: list.shown, total: list.total, following: following, desks: try await server.desks()
                ).html, status: .ok, for: context)
        }
        router.post("/alarms/acknowledge") { request, context -> Response in
            let form = try await FormBody.read(request)
            let given = try form.all("ack").map { text -> (desk: String, sequence: Int64) in
                let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, let number = Int64(parts[1]), number > 0 else {
                    throw RequestInputError(message: "ack: expected desk:number, found '\(text)'", field: "ack")
                }
                return (parts[0], number)
            }
            try await acknowledge(given, for: context)
            return Page.redirect(to: "/alarms")
        }
        router.post("/desks/:desk/engagements/:id/follow") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let id = try context.parameters.require("id")
            let form = try await FormBody.read(request)
            try await follow(id, on: desk, following: form["follow"] != "0", for: context)
            return Page.redirect(to: "/desks/\(desk)/engagements/\(id)")
        }
        let api = router.group("/api/v1")
        api.get("alarms") { _, context -> Response in
            let list = try await alarms(for: context)
            return try JSON.response(AlarmListing(total: list.total, alarms: list.shown))
        }
        api.post("alarms/acknowledge") { request, context -> Response in
            struct Body: Decodable {
                struct Item: Decodable {
                    let desk: String
                    let sequence: Int64
                }
                let alarms: [Item]
            }
            let data = Data(try await request.body.collect(upTo: 64 * 1024).readableBytesView)
            let body: Body
            do {
                body = try JSON.decoder().decode(Body.self, from: data)
            } catch {
                throw RequestInputError(
                    message: "expected {\"alarms\": [{\"desk\": …, \"sequence\": …}]}", field: "alarms")
            }
            try await acknowledge(body.alarms.map { ($0.desk, $0.sequence) }, for: context)
            return Response(status: .noContent)
        }
        api.post("desks/:desk/engagements/:id/follow") { request, context -> Response in
            struct Body: Decodable { let following: Bool }
            let data = Data(try await request.body.collect(upTo: 4 * 1024).readableBytesView)
            guard let body = try? JSON.decoder().decode(Body.self, from: data) else {
                throw RequestInputError(message: "following: expected true or false", field: "following")
            }
            try await follow(
                try context.parameters.require("id"), on: try context.parameters.require("desk"),
                following: body.following, for: context)
            return Response(status: .noContent)
        }
    }

    /// The person's unacknowledged alarms, newest first (at most `shownLimit`), and how many there are.
    private func alarms(for context: DeskRequestContext) async throws -> (shown: [Alarm], total: Int) {
        let name = context.actor
        let people = try await accounts.state()
        var found: [(item: AlarmIndex.Item, desk: String, state: Int)] = []
        var total = 0
        var states: [DeskState] = []
        for desk in try await server.desks().prefix(HomePage.limit) {
            let view = try await server.view(desk, as: context.clearance)
            let state = view.state
            states.append(state)
            // Acknowledgements are kept in the desk's own numbers; a redacted reader numbers entries apart.
            let acknowledged = people.acknowledged[name]?[desk] ?? []
            let index: AlarmIndex
            let seen: Set<Int64>
            if view.isRedacted {
                index = AlarmIndex(of: state)
                seen = Set(index.items.map(\.number).filter { acknowledged.contains(view.realSequence(of: $0)) })
                    .union(index.moves.map(\.number).filter { acknowledged.contains(view.realSequence(of: $0)) })
            } else {
                index = server.alarmIndexes.index(of: desk, version: view.version, state: state)
                seen = acknowledged
            }
            let unseen = index.unseen(seen, limit: Self.shownLimit) { move in
                // Moves learned since they began to follow it: following is not a request for history.
                guard let engagement = move.engagement,
                    let since = people.since(name, follows: engagement.rawValue, desk: desk)
                else { return false }
                return move.learned >= since
            }
            total += unseen.total
            found += unseen.newest.map { ($0, desk, states.count - 1) }
        }
        found.sort { ($0.item.at, $0.desk, $0.item.number) > ($1.item.at, $1.desk, $1.item.number) }
        // Only the shown ones are put into words: a desk of thousands of messages would otherwise word every
        // one of them on each call.
        let shown = found.prefix(Self.shownLimit).compactMap { found -> Alarm? in
            let state = states[found.state]
            guard let event = state.log.event(found.item.number) else { return nil }
            return Alarm(
                desk: found.desk, sequence: found.item.number, kind: found.item.kind, text: event.notice(in: state),
                at: event.at, when: ZonedTime.display(event.at, in: state.zone), engagement: event.engagement?.rawValue)
        }
        return (shown, total)
    }

    /// The engagements the person follows that they may still see, as (desk, id, title).
    private func followed(by context: DeskRequestContext) async throws -> [(desk: String, id: String, title: String)] {
        let keys = (try await accounts.state().following[context.actor] ?? [:]).keys.sorted()
        var found: [(desk: String, id: String, title: String)] = []
        for key in keys {
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, let view = try? await server.view(parts[0], as: context.clearance),
                let engagement = view.state.engagements[Engagement.ID(parts[1])]
            else { continue }
            found.append((parts[0], parts[1], engagement.title))
        }
        return found
    }

    /// Records the person's acknowledgement of alarms given in their own numbers, desk by desk.
    private func acknowledge(_ given: [(desk: String, sequence: Int64)], for context: DeskRequestContext)
        async throws
    {
        guard given.count <= AccountBook.acknowledgementLimit else {
            throw RequestInputError(
                message: "at most \(AccountBook.acknowledgementLimit) alarms at once", field: "alarms")
        }
        for desk in Set(given.map(\.desk)).sorted() {
            // A desk or an entry they cannot see is as unknown as one that does not exist.
            let view = try await server.view(desk, as: context.clearance)
            let numbers = given.filter { $0.desk == desk }.map(\.sequence)
            guard numbers.allSatisfy({ $0 > 0 && $0 <= view.version }) else {
                throw HTTPError(.notFound, message: "no such entry on desk '\(desk)'")
            }
            try await accounts.acknowledgeAlarms(
                numbers.map(view.realSequence(of:)), on: desk, name: context.actor)
        }
    }

    private func follow(_ id: String, on desk: String, following: Bool, for context: DeskRequestContext)
        async throws
    {
        let view = try await server.view(desk, as: context.clearance)
        guard view.state.engagements[Engagement.ID(id)] != nil else {
            throw HTTPError(.notFound, message: "no engagement '\(id)'")
        }
        try await accounts.follow(id, on: desk, name: context.actor, following: following)
    }
}

/// An alarm a person has not acknowledged yet.
struct Alarm: Sendable, Encodable {
    /// The desk.
    let desk: String
    /// The entry that raised it, in the person's numbers (the timeline's).
    let sequence: Int64
    /// What kind.
    let kind: AlarmKind
    /// What it says, with titles and local times.
    let text: String
    /// When it was raised.
    let at: Date
    /// The same, as people read it in the desk's zone.
    let when: String
    /// The engagement it concerns, if one.
    let engagement: String?
}

/// The API's answer for a person's alarms.
struct AlarmListing: Encodable {
    /// How many are unacknowledged.
    let total: Int
    /// The newest of them.
    let alarms: [Alarm]
}
