/// Where the server listens.
public struct ServerConfiguration: Sendable {
    /// The address to bind (`127.0.0.1` by default: a desk holds secrets).
    public var host: String
    /// The port.
    public var port: Int
    /// How long the planner may search when a trip is re-planned from the web, in seconds.
    public var planSeconds: Double

    /// A configuration.
    public init(host: String = "127.0.0.1", port: Int = 8080, planSeconds: Double = 1) {
        self.host = host
        self.port = port
        self.planSeconds = planSeconds
    }
}
