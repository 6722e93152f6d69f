import Foundation
import ParleyDesk

/// A desk in the list of desks.
struct DeskListing: Codable, Sendable {
    let name: String
    let title: String
    let zone: String
    let version: Int64
}

/// The dashboard's figures as JSON.
struct DeskSummary: Encodable, Sendable {
    let desk: String
    let title: String
    let version: Int64
    let engagementsByState: [String: Int]
    let openDeadlines: [OpenDeadline]
    let channels: [ChannelSummary]

    struct OpenDeadline: Encodable, Sendable {
        let id: String
        let title: String
        let owedBy: String
        let due: ZonedTime
        let secondsLeft: Int
    }

    struct ChannelSummary: Encodable, Sendable {
        let id: String
        let name: String
        let kind: String
        let status: String
        let lastAttempt: ContactAttempt?
    }

    init(desk: String, state: DeskState, version: Int64, now: Date) {
        self.desk = desk
        title = state.profile?.title ?? desk
        self.version = version
        engagementsByState = Dictionary(grouping: state.engagements.values, by: \.state.rawValue).mapValues(\.count)
        openDeadlines = state.deadlines.values.filter { $0.status == .open }.sorted {
            ($0.due.instant, $0.id) < ($1.due.instant, $1.id)
        }.map {
            OpenDeadline(
                id: $0.id.rawValue, title: $0.title, owedBy: $0.owedBy.rawValue, due: $0.due,
                secondsLeft: Int($0.due.instant.timeIntervalSince(now)))
        }
        channels = state.channels.values.sorted { $0.id < $1.id }.map {
            ChannelSummary(
                id: $0.id.rawValue, name: $0.name, kind: $0.kind.rawValue, status: $0.status.rawValue,
                lastAttempt: state.attempts(on: $0.id).first)
        }
    }
}

/// `POST /attempts`.
struct NewAttempt: Decodable, Sendable {
    let id: String?
    let channel: String
    let engagement: String?
    let at: String?
    let outcome: String
    let note: String?
    let expectedVersion: Int64?
}

/// `POST /signals`.
struct NewSignal: Decodable, Sendable {
    let id: String?
    let engagement: String?
    let at: String?
    let summary: String
    let quote: String?
    let attribution: [String]
    let stance: String
    let grade: String
    let expectedVersion: Int64?
}

/// `POST /deadlines`.
struct NewDeadline: Decodable, Sendable {
    let id: String?
    let title: String
    let engagement: String?
    let owedBy: String
    let due: String
    /// Lead times for alarms, like `2h` and `30m`.
    let alarms: [String]?
    let expectedVersion: Int64?
}

/// `POST /engagements/{id}/move`.
struct Move: Decodable, Sendable {
    let to: String
    let at: String?
    let by: String
    let reason: String
    let expectedVersion: Int64?
}

/// `POST /deadlines/{id}/resolve`.
struct Resolve: Decodable, Sendable {
    let status: String
    let at: String?
    let note: String?
    let expectedVersion: Int64?
}

/// `POST /playbooks/{id}/start`.
struct StartPlaybook: Decodable, Sendable {
    let at: String?
    let expectedVersion: Int64?
}

/// `POST /tasks/{id}/status`.
struct TaskProgress: Decodable, Sendable {
    let status: String
    let at: String?
    let expectedVersion: Int64?
}

/// `POST /events`: an event as the log stores it (type and JSON payload).
struct PostedEvent: Decodable, Sendable {
    let type: String
    /// An object, as every event's payload is (anything else is refused while decoding, before it is
    /// serialised again).
    let payload: [String: JSONValue]
    /// The payload's format version; the event type's current one when left out.
    let schemaVersion: Int?
    let expectedVersion: Int64?
}

/// Any JSON value, kept as Foundation objects so it can be re-serialised exactly.
struct JSONValue: Decodable, @unchecked Sendable {
    let value: Any

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = NSNull()
        } else if let bool = try? container.decode(Bool.self) {
            value = bool
        } else if let number = try? container.decode(Double.self) {
            value = number
        } else if let string = try? container.decode(String.self) {
            value = string
        } else if let array = try? container.decode([JSONValue].self) {
            value = array.map(\.value)
        } else {
            let object = try container.decode([String: JSONValue].self)
            value = object.mapValues(\.value)
        }
    }
}
