import Foundation

/// `TripPlanned`, version 1: a trip's id, title, principal, stays and fixed commitments.
struct TripPlannedPayload: DeskPayload {
    static let type = "TripPlanned"
    static let version = 1

    /// A stay as the log writes it.
    struct StayBody: Codable, Sendable, Equatable {
        /// Where.
        var venue: String
        /// The lodging's name.
        var lodging: String
        /// From arrival to departure.
        var period: WireTimeWindow
    }

    /// A fixed commitment as the log writes it.
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

    /// The trip's id.
    var id: String
    /// Its title.
    var title: String
    /// Who travels.
    var principal: String
    /// Where they stay, in order.
    var stays: [StayBody]
    /// What is fixed.
    var commitments: [CommitmentBody]

    /// The payload of planning `trip`.
    init(_ trip: Trip) {
        id = trip.id.rawValue
        title = trip.title
        principal = trip.principal.rawValue
        stays = trip.stays.map {
            StayBody(venue: $0.venue.rawValue, lodging: $0.lodging, period: WireTimeWindow($0.period))
        }
        commitments = trip.commitments.map {
            CommitmentBody(
                id: $0.id.rawValue, title: $0.title, venue: $0.venue.rawValue, period: WireTimeWindow($0.period))
        }
    }

    func fact() throws -> DeskEvent.Fact {
        .tripPlanned(
            Trip(
                id: Trip.ID(id), title: title, principal: Principal.ID(principal),
                stays: try stays.enumerated().map { index, stay in
                    Stay(
                        venue: Venue.ID(stay.venue), lodging: stay.lodging,
                        period: try stay.period.value(field: "stays[\(index)].period"))
                },
                commitments: try commitments.enumerated().map { index, commitment in
                    FixedCommitment(
                        id: FixedCommitment.ID(commitment.id), title: commitment.title,
                        venue: Venue.ID(commitment.venue),
                        period: try commitment.period.value(field: "commitments[\(index)].period"))
                }))
    }
}
