import Foundation
import Hummingbird
import ParleyDesk

/// The desk's nouns as JSON collections, listed by id or got one at a time.
enum Collections {
    /// The collection names the API serves.
    static let names = [
        "parties", "principals", "venues", "trips", "engagements", "channels", "attempts", "playbooks", "deadlines",
        "tasks", "signals", "messages", "itineraries",
    ]

    /// The collections that take new items by `POST` (the reference nouns).
    static let creatable = [
        "parties", "principals", "venues", "trips", "engagements", "channels", "playbooks", "tasks",
    ]

    static func list(_ name: String, in state: DeskState, version: Int64) throws -> Response {
        func sorted<Key: Comparable, Value: Encodable>(_ table: [Key: Value]) throws -> Response {
            try JSON.response(table.sorted { $0.key < $1.key }.map(\.value), version: version)
        }
        switch name {
        case "parties": return try sorted(state.parties)
        case "principals": return try sorted(state.principals)
        case "venues": return try sorted(state.venues)
        case "trips": return try sorted(state.trips)
        case "engagements": return try sorted(state.engagements)
        case "channels": return try sorted(state.channels)
        case "attempts": return try sorted(state.attempts)
        case "playbooks": return try sorted(state.playbooks)
        case "deadlines": return try sorted(state.deadlines)
        case "tasks": return try sorted(state.tasks)
        case "signals": return try sorted(state.signals)
        case "messages": return try sorted(state.messages)
        case "itineraries": return try sorted(state.itineraries)
        default:
            throw HTTPError(.notFound, message: "no collection '\(name)'; try one of \(names.joined(separator: ", "))")
        }
    }

    static func get(_ name: String, id: String, in state: DeskState, version: Int64) throws -> Response {
        func one<Subject, Value: Encodable>(_ table: [Identifier<Subject>: Value]) throws -> Response {
            guard let value = table[Identifier(id)] else {
                throw HTTPError(.notFound, message: "no \(name) item '\(id)'")
            }
            return try JSON.response(value, version: version)
        }
        switch name {
        case "parties": return try one(state.parties)
        case "principals": return try one(state.principals)
        case "venues": return try one(state.venues)
        case "trips": return try one(state.trips)
        case "engagements": return try one(state.engagements)
        case "channels": return try one(state.channels)
        case "attempts": return try one(state.attempts)
        case "playbooks": return try one(state.playbooks)
        case "deadlines": return try one(state.deadlines)
        case "tasks": return try one(state.tasks)
        case "signals": return try one(state.signals)
        case "messages": return try one(state.messages)
        case "itineraries": return try one(state.itineraries)
        default: throw HTTPError(.notFound, message: "no collection '\(name)'")
        }
    }
}

extension Collections {
    /// The item an event created or changed, as it stands in `state`: what a write's answer shows, the
    /// same for the first answer and for a repeat with the same idempotency key.
    static func subject(of fact: DeskEvent.Fact, in state: DeskState) -> (any Encodable & Sendable)? {
        switch fact {
        case .deskOpened(let profile): profile
        case .partyRegistered(let party): state.parties[party.id]
        case .principalRegistered(let principal): state.principals[principal.id]
        case .venueRegistered(let venue): state.venues[venue.id]
        case .tripPlanned(let trip): state.trips[trip.id]
        case .engagementOpened(let engagement): state.engagements[engagement.id]
        case .engagementMoved(let id, _): state.engagements[id]
        case .channelRegistered(let channel): state.channels[channel.id]
        case .channelStatusChanged(let id, _): state.channels[id]
        case .contactAttemptRecorded(let attempt): state.attempts[attempt.id]
        case .playbookDefined(let playbook): state.playbooks[playbook.id]
        case .playbookStarted(let id, _), .playbookTryDue(let id, _), .playbookStopped(let id, _): state.playbooks[id]
        case .deadlineSet(let deadline): state.deadlines[deadline.id]
        case .deadlineResolved(let id, _, _, _), .deadlineAlarmRaised(let id, _): state.deadlines[id]
        case .advanceTasksAdded(let tasks): tasks.first.flatMap { state.tasks[$0.id] }
        case .advanceTaskUpdated(let id, _, _): state.tasks[id]
        case .signalRecorded(let signal): state.signals[signal.id]
        case .messageReceived(let message): state.messages[message.id]
        case .engagementSlotAgreed(let id, _), .engagementAmended(let id, _, _): state.engagements[id]
        case .tripAmended(let id, _, _, _, _): state.trips[id]
        case .advanceTaskAmended(let id, _, _): state.tasks[id]
        case .deadlineMoved(let id, _, _, _): state.deadlines[id]
        case .partyAmended(let party, _): state.parties[party.id]
        case .principalAmended(let principal, _): state.principals[principal.id]
        case .venueAmended(let venue, _): state.venues[venue.id]
        case .channelAmended(let id, _, _, _): state.channels[id]
        case .travelTimeSet(let override): override
        case .itineraryPlanned(let itinerary): state.itineraries[itinerary.trip]
        case .deskAmended: state.profile
        case .playbookAmended(let id, _, _, _): state.playbooks[id]
        // Found by the retraction's own number, as the writer counts (`APIController.run`).
        case .entryRetracted: nil
        }
    }
}
