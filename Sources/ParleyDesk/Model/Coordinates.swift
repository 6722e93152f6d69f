/// A point on the earth in decimal degrees.
public struct Coordinates: Hashable, Sendable, Codable {
    /// Degrees north (negative: south), −90…90.
    public var latitude: Double
    /// Degrees east (negative: west), −180…180.
    public var longitude: Double

    /// A point; range-checked where a command accepts it.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Refuses latitudes outside −90…90 and longitudes outside −180…180.
    /// - Throws: `DeskError.invalidValue` naming the offending field.
    public func validate() throws(DeskError) {
        guard (-90...90).contains(latitude) else {
            throw .invalidValue(field: "latitude", expected: "degrees between -90 and 90", found: "\(latitude)")
        }
        guard (-180...180).contains(longitude) else {
            throw .invalidValue(field: "longitude", expected: "degrees between -180 and 180", found: "\(longitude)")
        }
    }
}
