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

/// A write route's body: the input a person supplies, and the optional `expected_version` every write
/// route takes beside it.
struct VersionedInput<Input: Decodable & Sendable>: Decodable, Sendable {
    /// What the person supplied.
    let input: Input
    /// The desk version (as the writer sees it) the write was meant for; nil means the newest.
    let expectedVersion: Int64?

    private enum CodingKeys: String, CodingKey {
        case expectedVersion
    }

    init(from decoder: any Decoder) throws {
        input = try Input(from: decoder)
        expectedVersion = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(
            Int64.self, forKey: .expectedVersion)
    }
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

/// `POST /rehearsals`: how many times faster than real time the story unfolds.
struct RehearsalInput: Decodable, Sendable {
    /// 1 (real time) to 600.
    let speed: Double
}

/// The calibration report as JSON (`GET /api/v1/calibration`): the figures of the `/calibration` page.
struct CalibrationBody: Encodable, Sendable {
    /// The shipped weights, with each multiplier's standard error when fitted.
    struct Weights: Encodable, Sendable {
        let base: Double
        let multipliers: [String: Double]
        let standardErrors: [String: Double]?
    }

    /// One scored moment.
    struct Moment: Encodable, Sendable {
        let file: String
        let at: String
        let why: String
        let held: Bool
        let probability: Double
    }

    let cases: Int
    let held: Int
    let moments: Int
    let baseRateLeftOut: Calibration.Scores
    let handSet: Calibration.Scores
    let shipped: Calibration.Scores
    let shippedLeftOut: Calibration.Scores
    let weights: Weights
    let scored: [Moment]

    init(_ summary: CalibrationSummary) {
        cases = summary.cases
        held = summary.held
        moments = summary.moments
        baseRateLeftOut = summary.baseRateLeftOut
        handSet = summary.handSet
        shipped = summary.shipped
        shippedLeftOut = summary.shippedLeftOut
        let names = AssessmentWeights.indicators
        let errors = names.compactMap { name in summary.weights.standardError(name).map { (name, $0) } }
        weights = Weights(
            base: summary.weights.base,
            multipliers: Dictionary(uniqueKeysWithValues: names.map { ($0, summary.weights.multiplier($0)) }),
            standardErrors: errors.isEmpty ? nil : Dictionary(uniqueKeysWithValues: errors))
        scored = summary.scored.map {
            Moment(file: $0.name, at: $0.at, why: $0.why, held: $0.held, probability: $0.probability)
        }
    }
}
