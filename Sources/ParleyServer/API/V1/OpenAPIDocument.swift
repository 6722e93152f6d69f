/// The OpenAPI 3.1 description of `/api/v1`, served at `/openapi.yaml`.
///
/// Written in parts, by responsibility: the routes that read, the routes that write, the schemas of
/// answers and the schemas of request bodies (the other `OpenAPIDocument+…` files).
enum OpenAPIDocument {
    static let yaml = [header, readingRoutes, commandRoutes, modelSchemas, inputSchemas].joined(separator: "\n")

    /// The document's opening: what the API is, its rules, and how to sign in.
    private static let header = """
        openapi: 3.1.0
        info:
          title: Parley desk API
          version: 1.0.0
          description: >-
            Every noun of a Parley desk as JSON, and the commands that change it. Field names are snake_case,
            as in scenario files. Instants are UTC (`2019-06-29T22:51:00.000Z`); every time also carries the IANA
            zone it is shown in. Times sent in are written like `2019-06-29 07:51 Asia/Seoul` (zone optional:
            the desk's), `~` in front for approximate. Writes accept `expected_version` (from the
            `X-Desk-Version` header of a read) and answer 409 when the desk has moved on. Errors are RFC 9457
            problem details; 503 (with Retry-After) means the desk's database cannot be used just now and the
            request may be repeated. Every call but signing in needs a session: POST /session with a name and
            password, then send `Authorization: Bearer TOKEN`. Without one the answer is 401; a role that does
            not allow the call (viewers read, officers also write) is 403. Writes must be JSON (else 415); bodies
            are at most 256 KiB (1 MiB for raw events; else 413). A write without `expected_version` applies to
            the newest desk whatever others wrote meanwhile: it is never a 409 (only a desk changing faster
            than it can be decided answers 503, nothing written). Send an `Idempotency-Key` header with any
            write you may repeat: a repeat with the same key (after a lost answer, a timeout or a 503) records
            nothing and answers the first write's item again, with `Idempotent-Replayed: true`. Numbers, times
            and spans have limits (times 1900–2199, ranges up to 2 years, durations up to a year, names up to
            200 characters); a value outside them is a 422 naming the field.
        security:
          - session: []
        paths:
        """
}
