import Foundation
import Hummingbird
import ParleyDesk
import ParleyStore

/// `/api/v1`: every noun of the desk as JSON (list and get), creation of attempts, signals, messages and
/// deadlines, and the commands that move things on, all with `expected_version` for optimistic concurrency.
struct APIController: Sendable {
    let server: DeskServer

    func register(on router: Router<DeskRequestContext>) {
        let api = router.group("api/v1")
        api.get("desks") { _, context -> Response in
            var desks: [DeskListing] = []
            for name in try await server.desks() {
                let (state, version) = try await server.load(name, as: context.clearance)
                desks.append(
                    DeskListing(
                        name: name, title: state.profile?.title ?? name, zone: state.zone.identifier, version: version))
            }
            return try JSON.response(desks)
        }
        api.get("desks/:desk/summary") { _, context -> Response in
            let desk = try context.parameters.require("desk")
            let view = try await server.view(desk, as: context.clearance)
            let body = try server.rendered.body(for: "summary:\(desk):\(view.key)", stamp: server.stamp(view.version)) {
                ByteBuffer(
                    bytes: try JSON.encoder().encode(
                        DeskSummary(desk: desk, state: view.state, version: view.version, now: server.now)))
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json", .deskVersion: String(view.version)],
                body: .init(byteBuffer: body))
        }
        // One route per collection: the router does not fall back from a fixed segment to a parameter.
        for collection in Collections.names {
            api.get("desks/:desk/\(collection)") { _, context -> Response in
                let (state, version) = try await server.load(
                    try context.parameters.require("desk"), as: context.clearance)
                return try Collections.list(collection, in: state, version: version)
            }
            api.get("desks/:desk/\(collection)/:id") { _, context -> Response in
                let (state, version) = try await server.load(
                    try context.parameters.require("desk"), as: context.clearance)
                return try Collections.get(
                    collection, id: try context.parameters.require("id"), in: state, version: version)
            }
        }
        registerCreation(on: api)
        // Any event in the log's own form, decided again as its command: how `parley replay` feeds a desk.
        api.post("desks/:desk/events") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let body = try await request.body.collect(upTo: 1024 * 1024)
            let input = try Self.decodeBody(PostedEvent.self, Data(body.readableBytesView))
            let payload = try JSONSerialization.data(
                withJSONObject: input.payload.mapValues(\.value), options: [.sortedKeys])
            let event: DeskEvent
            do {
                let version = input.schemaVersion ?? DeskEvent.currentVersion(of: input.type) ?? 1
                event = try DeskEvent.decode(type: input.type, schemaVersion: version, payload: payload)
            } catch let error as EventDecodingError {
                throw RequestInputError(message: error.message, field: "payload")
            }
            var command = event.command
            if case .openDesk(var profile) = command {
                profile.name = desk
                command = .openDesk(profile)
            } else {
                // Raw events can say anything about anything (an itinerary holds every meeting of a trip):
                // only someone who sees the whole desk may send them.
                let view = try await server.view(desk, as: context.clearance)
                guard !view.isRedacted else {
                    throw HTTPError(
                        .forbidden,
                        message: "the events route is for people who can see the whole desk; use the routes for "
                            + "each kind of record instead")
                }
            }
            let outcome = try await server.execute(
                command, on: desk, actor: context.actor, expectedVersion: input.expectedVersion,
                as: context.clearance, idempotencyKey: try Self.idempotencyKey(request), replaying: event)
            var response = try JSON.response(
                outcome.sequences.map { ["sequence": $0] }, status: .created, version: outcome.sequences.last)
            if outcome.replayed { response.headers[.idempotentReplayed] = "true" }
            return response
        }
        api.post("desks/:desk/attempts") { request, context -> Response in
            let body = try await decode(VersionedInput<AttemptInput>.self, request)
            return try await run(request, context, body.expectedVersion, status: .created) { state in
                let command = try body.input.command(on: state, now: server.now, newID: server.newSlug("attempt"))
                guard case .recordContactAttempt(let attempt) = command else { throw HTTPError(.internalServerError) }
                return (command, { $0.attempts[attempt.id] })
            }
        }
        api.post("desks/:desk/signals") { request, context -> Response in
            let body = try await decode(VersionedInput<SignalInput>.self, request)
            return try await run(request, context, body.expectedVersion, status: .created) { state in
                let command = try body.input.command(on: state, now: server.now, newID: server.newSlug("signal"))
                guard case .recordSignal(let signal) = command else { throw HTTPError(.internalServerError) }
                return (command, { $0.signals[signal.id] })
            }
        }
        api.post("desks/:desk/messages") { request, context -> Response in
            let body = try await decode(VersionedInput<MessageInput>.self, request)
            return try await run(request, context, body.expectedVersion, status: .created) { state in
                let command = try body.input.command(on: state, now: server.now, newID: server.newSlug("message"))
                guard case .recordMessage(let message) = command else { throw HTTPError(.internalServerError) }
                return (command, { $0.messages[message.id] })
            }
        }
        api.post("desks/:desk/engagements/:id/slot") { request, context -> Response in
            let body = try await decode(VersionedInput<SlotInput>.self, request)
            let id = Engagement.ID(try context.parameters.require("id"))
            return try await run(request, context, body.expectedVersion, status: .ok) { state in
                guard state.engagements[id] != nil else { throw HTTPError(.notFound, message: "no engagement '\(id)'") }
                return (try body.input.command(id, on: state, now: server.now), { $0.engagements[id] })
            }
        }
        api.post("desks/:desk/deadlines") { request, context -> Response in
            let body = try await decode(VersionedInput<DeadlineInput>.self, request)
            return try await run(request, context, body.expectedVersion, status: .created) { state in
                let command = try body.input.command(on: state, newID: server.newSlug("deadline"))
                guard case .setDeadline(let deadline) = command else { throw HTTPError(.internalServerError) }
                return (command, { $0.deadlines[deadline.id] })
            }
        }
        api.post("desks/:desk/engagements/:id/move") { request, context -> Response in
            let body = try await decode(VersionedInput<MoveInput>.self, request)
            let id = Engagement.ID(try context.parameters.require("id"))
            return try await run(request, context, body.expectedVersion, status: .ok) { state in
                guard state.engagements[id] != nil else { throw HTTPError(.notFound, message: "no engagement '\(id)'") }
                return (try body.input.command(id, on: state, now: server.now), { $0.engagements[id] })
            }
        }
        api.post("desks/:desk/deadlines/:id/resolve") { request, context -> Response in
            let body = try await decode(VersionedInput<ResolutionInput>.self, request)
            let id = Deadline.ID(try context.parameters.require("id"))
            return try await run(request, context, body.expectedVersion, status: .ok) { state in
                guard state.deadlines[id] != nil else { throw HTTPError(.notFound, message: "no deadline '\(id)'") }
                return (try body.input.command(id, on: state, now: server.now), { $0.deadlines[id] })
            }
        }
        api.post("desks/:desk/playbooks/:id/start") { request, context -> Response in
            let body = try await decode(VersionedInput<PlaybookStartInput>.self, request)
            let id = Playbook.ID(try context.parameters.require("id"))
            return try await run(request, context, body.expectedVersion, status: .ok) { state in
                guard state.playbooks[id] != nil else { throw HTTPError(.notFound, message: "no playbook '\(id)'") }
                return (try body.input.command(id, on: state, now: server.now), { $0.playbooks[id] })
            }
        }
        api.post("desks/:desk/:collection/:id/amend") { request, context -> Response in
            let body = try await decode(VersionedInput<RecordAmendmentInput>.self, request)
            let collection = try context.parameters.require("collection")
            let id = try context.parameters.require("id")
            guard ["parties", "principals", "venues", "channels", "playbooks"].contains(collection) else {
                throw HTTPError(
                    .notFound,
                    message: "no route to amend '\(collection)'; try parties, principals, venues, channels or playbooks"
                )
            }
            return try await run(request, context, body.expectedVersion, status: .ok) { state in
                guard let command = try body.input.command(collection, id: id, on: state, now: server.now) else {
                    throw HTTPError(.notFound, message: "no \(collection) item '\(id)'")
                }
                // The answer is the amended item, found from the event (`Collections.subject`).
                return (command, { _ -> String? in nil })
            }
        }
        api.post("desks/:desk/engagements/:id/amend") { request, context -> Response in
            let body = try await decode(VersionedInput<EngagementAmendmentInput>.self, request)
            let id = Engagement.ID(try context.parameters.require("id"))
            return try await run(request, context, body.expectedVersion, status: .ok) { state in
                guard state.engagements[id] != nil else { throw HTTPError(.notFound, message: "no engagement '\(id)'") }
                return (try body.input.command(id, on: state, now: server.now), { $0.engagements[id] })
            }
        }
        api.post("desks/:desk/trips/:id/amend") { request, context -> Response in
            let body = try await decode(VersionedInput<TripAmendmentInput>.self, request)
            let id = Trip.ID(try context.parameters.require("id"))
            return try await run(request, context, body.expectedVersion, status: .ok) { state in
                guard state.trips[id] != nil else { throw HTTPError(.notFound, message: "no trip '\(id)'") }
                return (try body.input.command(id, on: state, now: server.now), { $0.trips[id] })
            }
        }
        api.post("desks/:desk/tasks/:id/amend") { request, context -> Response in
            let body = try await decode(VersionedInput<TaskAmendmentInput>.self, request)
            let id = AdvanceTask.ID(try context.parameters.require("id"))
            return try await run(request, context, body.expectedVersion, status: .ok) { state in
                guard state.tasks[id] != nil else { throw HTTPError(.notFound, message: "no advance task '\(id)'") }
                return (try body.input.command(id, on: state, now: server.now), { $0.tasks[id] })
            }
        }
        api.post("desks/:desk/deadlines/:id/move") { request, context -> Response in
            let body = try await decode(VersionedInput<DeadlineMoveInput>.self, request)
            let id = Deadline.ID(try context.parameters.require("id"))
            return try await run(request, context, body.expectedVersion, status: .ok) { state in
                guard state.deadlines[id] != nil else { throw HTTPError(.notFound, message: "no deadline '\(id)'") }
                return (try body.input.command(id, on: state, now: server.now), { $0.deadlines[id] })
            }
        }
        api.post("desks/:desk/playbooks/:id/stop") { request, context -> Response in
            let body = try await decode(VersionedInput<PlaybookStopInput>.self, request)
            let id = Playbook.ID(try context.parameters.require("id"))
            return try await run(request, context, body.expectedVersion, status: .ok) { state in
                guard state.playbooks[id] != nil else { throw HTTPError(.notFound, message: "no playbook '\(id)'") }
                return (try body.input.command(id, on: state, now: server.now), { $0.playbooks[id] })
            }
        }
        api.post("desks/:desk/channels/:id/status") { request, context -> Response in
            let body = try await decode(VersionedInput<ChannelStatusInput>.self, request)
            let id = Channel.ID(try context.parameters.require("id"))
            return try await run(request, context, body.expectedVersion, status: .ok) { state in
                guard state.channels[id] != nil else { throw HTTPError(.notFound, message: "no channel '\(id)'") }
                return (try body.input.command(id, on: state, now: server.now), { $0.channels[id] })
            }
        }
        api.post("desks/:desk/amend") { request, context -> Response in
            let body = try await decode(VersionedInput<RecordAmendmentInput>.self, request)
            return try await run(request, context, body.expectedVersion, status: .ok) { state in
                guard let command = try body.input.command("desk", id: "", on: state, now: server.now) else {
                    throw DeskError.deskNotOpened
                }
                return (command, { $0.profile })
            }
        }
        api.post("desks/:desk/entries/:entry/retract") { request, context -> Response in
            let body = try await decode(VersionedInput<RetractionInput>.self, request)
            let text = try context.parameters.require("entry")
            guard let entry = Int64(text), entry > 0 else {
                throw DeskError.invalidValue(field: "entry", expected: "an entry number, 1 or more", found: text)
            }
            return try await run(request, context, body.expectedVersion, status: .ok) { state in
                (try body.input.command(entry, on: state, now: server.now), { _ -> String? in nil })
            }
        }
        api.post("desks/:desk/tasks/:id/status") { request, context -> Response in
            let body = try await decode(VersionedInput<TaskProgressInput>.self, request)
            let id = AdvanceTask.ID(try context.parameters.require("id"))
            return try await run(request, context, body.expectedVersion, status: .ok) { state in
                guard state.tasks[id] != nil else { throw HTTPError(.notFound, message: "no advance task '\(id)'") }
                return (try body.input.command(id, on: state, now: server.now), { $0.tasks[id] })
            }
        }
    }

    /// `POST /desks/{desk}/{collection}` for the reference nouns: the body is an item as `GET` returns it
    /// (plus `expected_version`), and the desk's rules decide whether it may be added.
    private func registerCreation(on api: RouterGroup<DeskRequestContext>) {
        // A body is an item as `GET` returns it, state fields included; a new item's state is the desk's to
        // say, so a body that sets one is refused rather than quietly trimmed to what the command takes.
        func create<Value: Codable & Sendable>(
            _ collection: String, _ type: Value.Type, command: @escaping @Sendable (Value) -> DeskCommand,
            find: @escaping @Sendable (Value, DeskState) -> (any Encodable)?,
            refuseState: @escaping @Sendable (Value) throws(DeskError) -> Void = { _ in }
        ) {
            api.post("desks/:desk/\(collection)") { request, context -> Response in
                let body = try await request.body.collect(upTo: 256 * 1024)
                let data = Data(body.readableBytesView)
                let value = try Self.decodeBody(Value.self, data)
                try refuseState(value)
                let expected = (try? JSON.decoder().decode(ExpectedVersion.self, from: data))?.expectedVersion
                return try await run(request, context, expected, status: .created) { _ in
                    (command(value), { state in find(value, state).map(AnyEncodable.init) })
                }
            }
        }
        create("parties", Party.self, command: { .registerParty($0) }, find: { $1.parties[$0.id] })
        create("principals", Principal.self, command: { .registerPrincipal($0) }, find: { $1.principals[$0.id] })
        create("venues", Venue.self, command: { .registerVenue($0) }, find: { $1.venues[$0.id] })
        create("trips", Trip.self, command: { .planTrip($0) }, find: { $1.trips[$0.id] })
        create(
            "engagements", Engagement.self, command: { .openEngagement(OpenEngagement($0)) },
            find: { $1.engagements[$0.id] },
            refuseState: { (engagement) throws(DeskError) in
                guard engagement.state == .idea, engagement.history.isEmpty else {
                    throw .invalidValue(
                        field: "state", expected: "a new engagement to start as idea",
                        found: engagement.state.rawValue)
                }
            })
        create(
            "channels", Channel.self, command: { .registerChannel(RegisterChannel($0)) }, find: { $1.channels[$0.id] },
            refuseState: { (channel) throws(DeskError) in
                guard channel.changes.isEmpty else {
                    throw .invalidValue(
                        field: "changes", expected: "no changes on a new channel", found: "\(channel.changes.count)")
                }
            })
        create(
            "playbooks", Playbook.self, command: { .definePlaybook(DefinePlaybook($0)) }, find: { $1.playbooks[$0.id] },
            refuseState: { (playbook) throws(DeskError) in
                // A new playbook has no history: it is started, tried and stopped by commands of their own.
                guard playbook.startedAt == nil else {
                    throw .invalidValue(
                        field: "started_at", expected: "none on a new playbook (start it afterwards)",
                        found: playbook.startedAt?.display ?? "")
                }
                guard playbook.due.isEmpty else {
                    throw .invalidValue(
                        field: "due", expected: "no tries on a new playbook", found: "\(playbook.due.count) tries")
                }
                guard playbook.stopped == nil else {
                    throw .invalidValue(field: "stopped", expected: "none on a new playbook", found: "a stop")
                }
            })
        create(
            "tasks", AdvanceTask.self, command: { .addAdvanceTasks(AddAdvanceTasks([$0])) }, find: { $1.tasks[$0.id] },
            refuseState: { (task) throws(DeskError) in
                guard task.status == .pending, task.statusAt == nil else {
                    throw .invalidValue(
                        field: "status", expected: "a new task to be pending", found: task.status.rawValue)
                }
            })
    }

    /// Decides a command on the desk and answers with the thing it created or changed, as it now stands.
    ///
    /// The answer comes from the write's own events and the desk just after them, never from a read that
    /// could be older than the write; a repeat with the same `Idempotency-Key` answers the first write's
    /// item again, with `Idempotent-Replayed: true`, and records nothing.
    private func run<Value: Encodable>(
        _ request: Request, _ context: DeskRequestContext, _ expectedVersion: Int64?, status: HTTPResponse.Status,
        _ build: (DeskState) throws -> (DeskCommand, (DeskState) -> Value?)
    ) async throws -> Response {
        let desk = try context.parameters.require("desk")
        let key = try Self.idempotencyKey(request)
        let (state, _) = try await server.load(desk, as: context.clearance)
        let (command, _) = try build(state)
        let outcome = try await server.execute(
            command, on: desk, actor: context.actor, expectedVersion: expectedVersion, as: context.clearance,
            idempotencyKey: key)
        let item = try outcome.events.first.flatMap { stored -> (any Encodable & Sendable)? in
            let fact = try stored.decoded().fact
            // A retraction is answered with the entry it took back, found by its own number.
            if case .entryRetracted = fact {
                return outcome.after.log.retracted.values.first { $0.by == outcome.sequences.first }
            }
            return Collections.subject(of: fact, in: outcome.after)
        }
        guard let item else { throw HTTPError(.internalServerError) }
        var response = try JSON.response(AnyEncodable(item), status: status, version: outcome.sequences.last)
        if outcome.replayed { response.headers[.idempotentReplayed] = "true" }
        return response
    }

    /// The request's `Idempotency-Key` header, checked; nil when there is none.
    static func idempotencyKey(_ request: Request) throws -> IdempotencyKey? {
        guard let raw = request.headers[.idempotencyKey] else { return nil }
        return try IdempotencyKey(raw)
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ request: Request) async throws -> Value {
        let body = try await request.body.collect(upTo: 256 * 1024)
        return try Self.decodeBody(type, Data(body.readableBytesView))
    }

    /// Decodes a JSON request body, saying which field is missing or wrong.
    static func decodeBody<Value: Decodable>(_ type: Value.Type, _ data: Data) throws -> Value {
        do {
            return try JSON.decoder().decode(Value.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw RequestInputError(
                message: "missing field '\(key.stringValue.snakeCased)'", field: key.stringValue.snakeCased)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context)
        {
            let field = context.codingPath.last?.stringValue.snakeCased
            throw RequestInputError(
                message: "field '\(field ?? "?")' is not valid"
                    + (context.debugDescription.isEmpty ? "" : ": \(context.debugDescription)"),
                field: field)
        } catch {
            throw RequestInputError(message: "the body is not the JSON object this route expects", field: nil)
        }
    }
}

extension String {
    /// `owedBy` → `owed_by`, for field names in errors.
    var snakeCased: String {
        reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }
}

/// The optional `expected_version` of a creation body.
private struct ExpectedVersion: Decodable {
    let expectedVersion: Int64?
}

/// Any encodable value, for answers whose type depends on the collection.
private struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
