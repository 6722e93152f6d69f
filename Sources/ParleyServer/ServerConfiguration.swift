import ParleyAccess
import ParleyDesk
import ParleyStore

/// Where the server listens.
public struct ServerConfiguration: Sendable {
    /// The address to bind (`127.0.0.1` by default: a desk holds secrets).
    public var host: String
    /// The port.
    public var port: Int
    /// How long the planner may search when a trip is re-planned from the web, in seconds.
    public var planSeconds: Double

    /// How often the desks' timers run (zero: never, for tests that drive them by hand).
    public var timerInterval: Duration
    /// The waits before each webhook retry.
    public var webhookBackoff: [Duration]
    /// Internal addresses webhooks may reach all the same (`--webhook-allow`); every other loopback,
    /// link-local, private or otherwise non-public address is refused.
    public var webhookAllowList: [AddressRange]
    /// Whether cookies are marked `Secure` (the server is reached over TLS, directly or through a proxy).
    public var secureCookies: Bool
    /// How new passwords are hashed (`PasswordHasher.testing` only in tests).
    public var passwordHasher: PasswordHasher
    /// The monotonic clock everything that waits or judges freshness takes: the desks' and accounts'
    /// copies, the timers and webhook retries (a test's manual clock in tests; the planner's time limit is
    /// on compute time and keeps the real clock).
    public var clock: SteadyClock
    /// The estimate's calibration on the reference-class corpus, for `/calibration` (nil: none loaded).
    public var calibration: CalibrationSummary?
    /// The story a rehearsal replays from now (nil: no rehearsals offered).
    public var rehearsalStory: Story?

    /// A past desk's story, to rehearse on.
    public struct Story: Sendable {
        /// The name rehearsal desks are named after (`rehearsal-dmz-2019`).
        public let name: String
        /// Its title.
        public let title: String
        /// Its events, as a scenario file reads.
        public let events: [DeskEvent]

        /// A story.
        public init(name: String, title: String, events: [DeskEvent]) {
            self.name = name
            self.title = title
            self.events = events
        }
    }

    /// A configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, planSeconds: Double = 1, timerInterval: Duration = .seconds(1),
        webhookBackoff: [Duration] = [.seconds(1), .seconds(2), .seconds(4), .seconds(8)],
        secureCookies: Bool = false, passwordHasher: PasswordHasher = .standard, webhookAllowList: [AddressRange] = [],
        clock: SteadyClock = .system, calibration: CalibrationSummary? = nil, rehearsalStory: Story? = nil
    ) {
        self.rehearsalStory = rehearsalStory
        self.clock = clock
        self.calibration = calibration
        self.webhookAllowList = webhookAllowList
        self.secureCookies = secureCookies
        self.passwordHasher = passwordHasher
        self.host = host
        self.port = port
        self.planSeconds = planSeconds
        self.timerInterval = timerInterval
        self.webhookBackoff = webhookBackoff
    }
}
