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
        api.get("search") { request, context -> Response in
            let form = FormBody(parsing: request.uri.query ?? "")
            return try JSON.response(
                try await server.search(
                    form["q"], offset: try DeskServer.searchOffset(form["offset"]), as: context.clearance))
        }
        api.get("calibration") { _, _ -> Response in
            guard let summary = server.configuration.calibration else {
                throw HTTPError(.notFound, message: "no reference corpus was loaded by this server")
            }
            return try JSON.response(CalibrationBody(summary))
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
        // Plans the trip (over the whole desk, as the web desk's Re-plan) and records the itinerary;
        // answers it as the asker may see it. The body is optional: `{"expected_version": N}`.
        api.post("desks/:desk/trips/:id/plan") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let id = try context.parameters.require("id")
            let data = Data(try await request.body.collect(upTo: 4 * 1024).readableBytesView)
            var expected: Int64?
            if !data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) {
                guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                    throw RequestInputError(message: "expected a JSON object (or no body)", field: nil)
                }
                if let unknown = object.keys.sorted().first(where: { $0 != "expected_version" }) {
                    throw RequestInputError(
                        message: "unknown field '\(unknown)': this body takes only expected_version", field: unknown)
                }
                if object["expected_version"] != nil {
                    // Decoded, not cast: a cast takes `true` for 1.
                    struct Versioned: Decodable { let expectedVersion: Int64 }
                    guard let number = try? JSON.decoder().decode(Versioned.self, from: data).expectedVersion,
                        number >= 0
                    else {
                        throw RequestInputError(
                            message: "expected_version: expected a version number, 0 or more",
                            field: "expected_version")
                    }
                    expected = number
                }
            }
            let outcome = try await server.planTrip(
                id, on: desk, actor: context.actor, as: context.clearance, expectedVersion: expected,
                idempotencyKey: try Self.idempotencyKey(request))
            let seen = try await server.load(desk, as: context.clearance).state
            guard let itinerary = seen.itineraries[Trip.ID(id)] else { throw HTTPError(.internalServerError) }
            return try JSON.response(itinerary, status: .created, version: outcome.sequences.last)
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

    /// `POST /desks/{desk}/{collection}` for the reference nouns, and `POST /desks` for a new desk: each body
    /// is what a person supplies, named as in scenario files (`start`/`end`, `repeat`, `1h30m`, times as
    /// text), with an optional `expected_version`; a field the input does not take is refused by name, so
    /// no state can be smuggled in and no typo is quietly dropped.
    private func registerCreation(on api: RouterGroup<DeskRequestContext>) {
        func create<Input: Decodable & Sendable & FieldNamed>(
            _ collection: String, _ type: Input.Type,
            command: @escaping @Sendable (Input, DeskState) throws -> DeskCommand
        ) {
            api.post("desks/:desk/\(collection)") { request, context -> Response in
                let body = try await decodeStrictly(
                    VersionedInput<Input>.self, fields: Input.fieldNames, items: Input.itemFieldNames, request)
                return try await run(request, context, body.expectedVersion, status: .created) { state in
                    (try command(body.input, state), { _ in nil as String? })
                }
            }
        }
        create("parties", PartyInput.self) { input, state in try input.command(on: state) }
        create("principals", PrincipalInput.self) { input, state in try input.command(on: state) }
        create("venues", VenueInput.self) { input, state in try input.command(on: state) }
        create("trips", TripInput.self) { input, state in try input.command(on: state) }
        create("engagements", EngagementInput.self) { input, state in try input.command(on: state, now: server.now) }
        create("channels", ChannelInput.self) { input, state in try input.command(on: state) }
        create("playbooks", PlaybookInput.self) { input, state in try input.command(on: state) }
        create("tasks", TaskInput.self) { input, state in try input.command(on: state) }
        // A travel time holds both ways unless `one_way`: two entries, the answer the first leg.
        api.post("desks/:desk/travel") { request, context -> Response in
            let body = try await decodeStrictly(
                VersionedInput<TravelTimeInput>.self, fields: TravelTimeInput.fieldNames, request)
            let commands = try body.input.commands()
            let desk = try context.parameters.require("desk")
            var first: Response?
            for (index, command) in commands.enumerated() {
                guard case .setTravelTime(let leg) = command else { throw HTTPError(.internalServerError) }
                // The way back, already set as asked (a repeat after a lost answer): nothing to add.
                if index > 0,
                    try await server.load(desk, as: context.clearance).state.travelOverride(
                        from: leg.from, to: leg.to) == leg.time
                {
                    continue
                }
                // Only the first leg carries the version and the key; the way back follows it, and is set by
                // a repeat with the key if a crash came between the two.
                let outcome = try await server.execute(
                    command, on: desk, actor: context.actor,
                    expectedVersion: index == 0 ? body.expectedVersion : nil, as: context.clearance,
                    idempotencyKey: index == 0 ? try Self.idempotencyKey(request) : nil)
                if first == nil {
                    first = try JSON.response(leg, status: .created, version: outcome.sequences.last)
                    if outcome.replayed { first?.headers[.idempotentReplayed] = "true" }
                }
            }
            guard let first else { throw HTTPError(.internalServerError) }
            return first
        }
        // A new desk, named in the body (or from its title); admins only, as every desk is seen by everyone.
        api.post("rehearsals") { request, context -> Response in
            let body = try await decodeStrictly(RehearsalInput.self, fields: ["speed"], request)
            let desk = try await server.startRehearsal(speed: body.speed, actor: context.actor)
            let (state, version) = try await server.load(desk, as: context.clearance)
            return try JSON.response(
                DeskListing(
                    name: desk, title: state.profile?.title ?? desk, zone: state.zone.identifier, version: version),
                status: .created, version: version)
        }
        api.post("desks") { request, context -> Response in
            let body = try await decodeStrictly(DeskInput.self, fields: DeskInput.fieldNames, request)
            // No numbering here: a retry with the same Idempotency-Key must name the same desk to find the
            // first write; a name in use is refused by the desk ("already opened").
            let command = try body.command(now: server.now) { _ in false }
            guard case .openDesk(let profile) = command else { throw HTTPError(.internalServerError) }
            let outcome = try await server.execute(
                command, on: profile.name, actor: context.actor, expectedVersion: nil, as: context.clearance,
                idempotencyKey: try Self.idempotencyKey(request))
            return try JSON.response(
                DeskListing(
                    name: profile.name, title: profile.title, zone: profile.zone.identifier,
                    version: outcome.sequences.last ?? 1),
                status: .created, version: outcome.sequences.last)
        }
    }

    /// Decodes a body that may hold only `fields` (and `expected_version`): anything else is refused with
    /// its name, before the body is read as the input.
    private func decodeStrictly<Value: Decodable>(
        _ type: Value.Type, fields: [String], items: [String: [String]] = [:], _ request: Request
    ) async throws -> Value {
        let body = try await request.body.collect(upTo: 256 * 1024)
        let data = Data(body.readableBytesView)
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            let allowed = Set(fields + ["expected_version"])
            if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
                throw RequestInputError(
                    message: "unknown field '\(unknown)': this body takes "
                        + fields.joined(separator: ", ") + " (and expected_version)",
                    field: unknown)
            }
            // And each item of a list of objects (a step's `repeats` for `repeat` is refused, not dropped).
            for (list, itemFields) in items.sorted(by: { $0.key < $1.key }) {
                for (index, item) in ((object[list] as? [Any]) ?? []).enumerated() {
                    guard let item = item as? [String: Any],
                        let unknown = item.keys.sorted().first(where: { !itemFields.contains($0) })
                    else { continue }
                    throw RequestInputError(
                        message: "unknown field '\(unknown)' in \(list)[\(index)]: each takes "
                            + itemFields.joined(separator: ", "),
                        field: "\(list)[\(index)].\(unknown)")
                }
            }
        }
        return try Self.decodeBody(type, data)
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
            let detail = context.debugDescription.isEmpty ? "" : ": \(context.debugDescription)"
            // No field when the text itself does not parse (a syntax error, or a number such as 1e400 that
            // no double holds): say so rather than name a field '?'.
            throw RequestInputError(
                message: field.map { "field '\($0)' is not valid\(detail)" }
                    ?? "the body is not JSON this server can read (a syntax error, or a number out of range)\(detail)",
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
