import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ParleyAccess
import ParleyDesk
import ParleyStore
import ServiceLifecycle
import UnixSignals

/// Builds the Parley server over a ledger.
///
/// Pages, forms, live updates, the JSON API and its document, health and metrics. Tests call this with
/// an in-memory store; `parley serve` with SQLite.
public func buildApplication(
    ledger: DeskLedger, configuration: ServerConfiguration = .init(), logger: Logger = Logger(label: "parley.server")
) -> some ApplicationProtocol {
    // The server's own copies of the desks, on the configuration's clock.
    let server = DeskServer(
        ledger: DeskLedger(store: ledger.store, environment: ledger.environment, clock: configuration.clock),
        // The planner's limit is on compute time, so the real clock's even in tests.
        configuration: configuration, metrics: ServerMetrics(), elapsed: MonotonicClock.elapsedSeconds())
    let notifier = WebhookNotifier(
        backoff: configuration.webhookBackoff,
        poster: WebhookPoster(policy: OutboundAddressPolicy(allowing: configuration.webhookAllowList)),
        clock: configuration.clock, now: ledger.environment.now, logger: logger)
    let router = makeRouter(server: server, notifier: notifier)
    let timers = TimerService(server: server, notifier: notifier, interval: configuration.timerInterval, logger: logger)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Parley"),
        services: configuration.timerInterval > .zero ? [notifier, timers] : [notifier],
        logger: logger)
}

/// Serves `app` until SIGTERM or SIGINT, then lets the requests under way finish for at most
/// `gracePeriod` before cancelling them, so a server stops in bounded time whatever its database does
/// (every wait on the database is bounded well within it).
///
/// `services` (the store's: a PostgreSQL store's connections and listener) run in the same group,
/// started before `app` and stopped after it; `app` starts (timers included) once `prepare` has run
/// with them up, so a record that does not verify is refused before anything acts on it.
public func serveUntilSignalled(
    _ app: some ApplicationProtocol, gracePeriod: Duration = .seconds(20), logger: Logger,
    after services: [any Service] = [], prepare: @escaping @Sendable () async throws -> Void = {}
) async throws {
    var configuration = ServiceGroupConfiguration(
        services: services + [PreparedApplication(app: app, prepare: prepare)],
        gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    configuration.maximumGracefulShutdownDuration = gracePeriod
    // Cancelled requests end at their next wait; one that would not is a bug worth a crash report.
    configuration.maximumCancellationDuration = .seconds(5)
    try await ServiceGroup(configuration: configuration).run()
}

/// An application that runs only after `prepare` has.
private struct PreparedApplication<App: ApplicationProtocol>: Service {
    let app: App
    let prepare: @Sendable () async throws -> Void

    func run() async throws {
        try await prepare()
        try await app.run()
    }
}

/// Every route of the server with the permission the access policy gives it (nil: none, so closed to
/// all): generated from the router itself, for the authorisation test and for operators.
public func routeAccess(ledger: DeskLedger) -> [(method: HTTPRequest.Method, template: String, needs: Permission?)] {
    let server = DeskServer(
        ledger: ledger, configuration: .init(), metrics: ServerMetrics(), elapsed: MonotonicClock.elapsedSeconds())
    let router = makeRouter(
        server: server, notifier: WebhookNotifier(backoff: [], logger: Logger(label: "parley.routes")))
    return router.routes.map { route in
        (route.method, route.path.description, AccessPolicy.required(route.method, route.path.description))
    }
}

/// The router: middleware in order (headers, metrics, logs, error mapping, the path's form and desk
/// name, form tokens, access), then every route.
private func makeRouter(server: DeskServer, notifier: WebhookNotifier) -> Router<DeskRequestContext> {
    let ledger = server.ledger
    let configuration = server.configuration
    let accounts = AccountBook(
        store: ledger.store, environment: ledger.environment, hasher: configuration.passwordHasher,
        clock: configuration.clock)
    let router = Router(context: DeskRequestContext.self)
    router.add(middleware: SecurityHeaders())
    router.add(middleware: MetricsMiddleware(metrics: server.metrics))
    router.add(middleware: RequestLog())
    router.add(middleware: ErrorMapping())
    // Before any check that goes by the path: every later one sees a path in its one plain form.
    router.add(middleware: PathGuard())
    router.add(middleware: FormGuard())
    router.add(middleware: AccessControl(accounts: accounts))
    router.get("/healthz") { _, _ -> Response in
        _ = try await server.desks()
        return try JSON.response(["status": "ok"])
    }
    // Liveness without touching the store: the trivial route the benchmark compares against.
    router.get("/livez") { _, _ -> String in "ok" }
    router.get("/metrics") { _, _ -> Response in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
            body: .init(byteBuffer: ByteBuffer(string: server.metrics.text + server.cache.metricsText)))
    }
    router.get("/assets/parley.css") { _, _ -> Response in
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=300"],
            body: .init(byteBuffer: ByteBuffer(string: Assets.stylesheet)))
    }
    router.get("/assets/parley.js") { _, _ -> Response in
        Response(
            status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=300"],
            body: .init(byteBuffer: ByteBuffer(string: Assets.script)))
    }
    SignInController(accounts: accounts, configuration: configuration).register(on: router)
    AdminController(accounts: accounts).register(on: router)
    CompartmentsController(accounts: accounts).register(on: router)
    CalendarFeedsController(server: server, accounts: accounts).register(on: router)
    AlarmsController(server: server, accounts: accounts).register(on: router)
    WebController(server: server, notifier: notifier).register(on: router)
    LiveController(server: server, accounts: accounts).register(on: router)
    APIController(server: server).register(on: router)
    router.get("/openapi.yaml") { _, _ -> Response in
        Response(
            status: .ok, headers: [.contentType: "application/yaml"],
            body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
    }
    return router
}

/// Counts every request by route template and status, with its latency.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            record(request, context, status: Int(ErrorMapping<Context>.problem(for: error).status), since: started)
            throw error
        }
        record(request, context, status: Int(response.status.code), since: started)
        return response
    }

    private func record(_ request: Request, _ context: Context, status: Int, since started: ContinuousClock.Instant) {
        let seconds = (ContinuousClock.now - started).inSeconds
        metrics.request(
            method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: status,
            seconds: seconds)
    }
}
