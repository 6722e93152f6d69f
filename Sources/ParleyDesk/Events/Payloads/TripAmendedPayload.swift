import Foundation

/// `TripAmended`, version 1: the trip, its title, stays and fixed commitments after the change, and the
/// amendment (when, why, what changed).
struct TripAmendedPayload: DeskPayload {
    static let type = "TripAmended"
    static let version = 1

    /// A stay as this payload writes it.
    struct StayBody: Codable, Sendable, Equatable {
        /// Where.
        var venue: String
        /// The lodging's name.
        var lodging: String
        /// From arrival to departure.
        var period: WireTimeWindow
    }

    /// A fixed commitment as this payload writes it.
    struct CommitmentBody: Codable, Sendable, Equatable {
        /// Its id.
        var id: String
        /// Its title.
        var title: String
        /// Where.
        var venue: String
        /// When.
        var period: WireTimeWindow
    }

    /// The trip.
    var trip: String
    /// Its title.
    var title: String
    /// Its stays, in order.
    var stays: [StayBody]
    /// Its fixed commitments.
    var commitments: [CommitmentBody]
    /// When, why, what changed.
    var amendment: WireAmendment

    /// The payload of amending a trip to `trip`.
    init(_ trip: Trip, amendment: Amendment) {
        self.trip = trip.id.rawValue
        title = trip.title
        stays = trip.stays.map {
            StayBody(venue: $0.venue.rawValue, lodging: $0.lodging, period: WireTimeWindow($0.period))
        }
        commitments = trip.commitments.map {
            CommitmentBody(
                id: $0.id.rawValue, title: $0.title, venue: $0.venue.rawValue, period: WireTimeWindow($0.period))
        }
        self.amendment = WireAmendment(amendment)
    }

    func fact() throws -> DeskEvent.Fact {
        .tripAmended(
            Trip.ID(trip), title: title,
            stays: try stays.enumerated().map { index, stay in
                Stay(
                    venue: Venue.ID(stay.venue), lodging: stay.lodging,
                    period: try stay.period.value(field: "stays[\(index)].period"))
            },
            commitments: try commitments.enumerated().map { index, commitment in
                FixedCommitment(
                    id: FixedCommitment.ID(commitment.id), title: commitment.title, venue: Venue.ID(commitment.venue),
                    period: try commitment.period.value(field: "commitments[\(index)].period"))
            },
            try amendment.value(field: "amendment"))
    }
}
