/// The OpenAPI 3.1 description of `/api/v1`, served at `/openapi.yaml`.
enum OpenAPIDocument {
    static let yaml = """
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
          /session:
            post:
              operationId: signIn
              summary: Sign in; send the token as a bearer token on every other call.
              security: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [name, password]
                      properties: { name: { type: string }, password: { type: string } }
              responses:
                '200':
                  description: A session.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [token, expires_in]
                        properties: { token: { type: string }, expires_in: { type: integer, description: Seconds. } }
                '400': { $ref: '#/components/responses/Problem' }
                '401': { $ref: '#/components/responses/Problem' }
                '429': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
            delete:
              operationId: signOut
              summary: End this session.
              responses:
                '204': { description: Signed out. }
          /desks:
            get:
              operationId: listDesks
              summary: Every desk in this database.
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The desks.
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: '#/components/schemas/DeskListing' } }
          /desks/{desk}/summary:
            get:
              operationId: getSummary
              summary: Engagements by state, open deadlines with the time left, channels with their last attempt.
              parameters: [{ $ref: '#/components/parameters/desk' }]
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The summary.
                  headers: { X-Desk-Version: { $ref: '#/components/headers/DeskVersion' } }
                  content: { application/json: { schema: { $ref: '#/components/schemas/Summary' } } }
                '404': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/{collection}:
            get:
              operationId: listCollection
              summary: Every item of a collection, by id.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { $ref: '#/components/parameters/collection' }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The items.
                  headers: { X-Desk-Version: { $ref: '#/components/headers/DeskVersion' } }
                  content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Item' } } } }
                '404': { $ref: '#/components/responses/Problem' }
            post:
              operationId: createItem
              summary: >-
                Add a party, principal, venue, trip, engagement (in state idea, empty history), channel (no changes),
                playbook or advance task: the body is the item as GET returns it, plus an optional expected_version.
                Attempts, signals and deadlines have their own shapes (below).
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { $ref: '#/components/parameters/collection' }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      description: >-
                        One of the Item schemas for the collection in the path (as GET returns it, state fields
                        empty), plus an optional expected_version.
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '201':
                  description: The item as added.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/{collection}/{id}:
            get:
              operationId: getItem
              summary: One item of a collection.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { $ref: '#/components/parameters/collection' }
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The item.
                  headers: { X-Desk-Version: { $ref: '#/components/headers/DeskVersion' } }
                  content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } }
                '404': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/attempts:
            post:
              operationId: recordAttempt
              summary: Record a contact attempt.
              parameters: [{ $ref: '#/components/parameters/desk' }, { $ref: '#/components/parameters/idempotencyKey' }]
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/NewAttempt' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '201':
                  description: The attempt as recorded.
                  content: { application/json: { schema: { $ref: '#/components/schemas/ContactAttempt' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/signals:
            post:
              operationId: recordSignal
              summary: Record a signal with its attribution chain and Admiralty grade.
              parameters: [{ $ref: '#/components/parameters/desk' }, { $ref: '#/components/parameters/idempotencyKey' }]
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/NewSignal' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '201':
                  description: The signal as recorded.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Signal' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/messages:
            post:
              operationId: recordMessage
              summary: Record a message from the other side or an intermediary (a call, a letter, a statement addressed to us).
              parameters: [{ $ref: '#/components/parameters/desk' }, { $ref: '#/components/parameters/idempotencyKey' }]
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/NewMessage' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '201':
                  description: The message as recorded.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Message' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/engagements/{id}/slot:
            post:
              operationId: agreeSlot
              summary: Record (or change) when and where both sides agreed to meet.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: id, in: path, required: true, schema: { type: string } }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/Slot' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The engagement with its agreed slot.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Engagement' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/{collection}/{id}/amend:
            post:
              operationId: amendRecord
              summary: >-
                Change a party (name), a principal (name, title, party), a venue (name, city, latitude, longitude,
                zone) or a channel (name, via); fields left out stay as they are. Engagements, trips, tasks and
                deadlines have routes of their own.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: collection, in: path, required: true, schema: { type: string, enum: [parties, principals, venues, channels] } }
                - { name: id, in: path, required: true, schema: { type: string } }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/RecordAmendment' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The item after the change.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/engagements/{id}/amend:
            post:
              operationId: amendEngagement
              summary: Change an engagement's title, purpose, priority, duration, windows, venues or principals; fields left out stay as they are.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: id, in: path, required: true, schema: { type: string } }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/EngagementAmendment' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The engagement after the change.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Engagement' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/trips/{id}/amend:
            post:
              operationId: amendTrip
              summary: Change a trip's title, stays or fixed commitments; a list given replaces the whole list.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: id, in: path, required: true, schema: { type: string } }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/TripAmendment' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The trip after the change.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Trip' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/tasks/{id}/amend:
            post:
              operationId: amendTask
              summary: Change an advance task's title, duration, lead time or dependencies.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: id, in: path, required: true, schema: { type: string } }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/TaskAmendment' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The task after the change.
                  content: { application/json: { schema: { $ref: '#/components/schemas/AdvanceTask' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/deadlines/{id}/move:
            post:
              operationId: moveDeadline
              summary: Move an open deadline (and optionally change its alarms).
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: id, in: path, required: true, schema: { type: string } }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/DeadlineMove' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The deadline after the move.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Deadline' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/playbooks/{id}/stop:
            post:
              operationId: stopPlaybook
              summary: Stop a running playbook by hand.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: id, in: path, required: true, schema: { type: string } }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/PlaybookStop' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The playbook, stopped.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Playbook' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/channels/{id}/status:
            post:
              operationId: changeChannelStatus
              summary: Record that a channel's status changed.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: id, in: path, required: true, schema: { type: string } }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/ChannelStatusChange' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The channel after the change.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Channel' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/deadlines:
            post:
              operationId: setDeadline
              summary: Set a deadline.
              parameters: [{ $ref: '#/components/parameters/desk' }, { $ref: '#/components/parameters/idempotencyKey' }]
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/NewDeadline' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '201':
                  description: The deadline as set.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Deadline' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/engagements/{id}/move:
            post:
              operationId: moveEngagement
              summary: Move an engagement through its lifecycle (who, when, why).
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: id, in: path, required: true, schema: { type: string } }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/Move' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The engagement after the move.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Engagement' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/deadlines/{id}/resolve:
            post:
              operationId: resolveDeadline
              summary: Mark a deadline met or missed.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: id, in: path, required: true, schema: { type: string } }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/Resolve' } } }
              responses:
                '400': { $ref: '#/components/responses/Problem' }
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The deadline after.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Deadline' } } }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/playbooks/{id}/start:
            post:
              operationId: startPlaybook
              summary: Start an escalation playbook; its tries then come due one wait after another until an answer.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: id, in: path, required: true, schema: { type: string } }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties: { at: { type: string }, expected_version: { type: integer } }
              responses:
                '400': { $ref: '#/components/responses/Problem' }
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The playbook as started.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Playbook' } } }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/tasks/{id}/status:
            post:
              operationId: updateTask
              summary: Record an advance task's progress.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: id, in: path, required: true, schema: { type: string } }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/TaskProgress' } } }
              responses:
                '400': { $ref: '#/components/responses/Problem' }
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The task after.
                  content: { application/json: { schema: { $ref: '#/components/schemas/AdvanceTask' } } }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/events:
            post:
              operationId: postEvent
              summary: >-
                Any event in the log's own form (type and payload as the log stores them), decided again as its
                command: how `parley replay` and imports feed a server. For admins who see the whole desk (else
                403); a DeskOpened opens a new desk of the name in the path.
              parameters: [{ $ref: '#/components/parameters/desk' }, { $ref: '#/components/parameters/idempotencyKey' }]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [type, payload]
                      properties:
                        type: { type: string, example: SignalRecorded }
                        payload: { type: object }
                        schema_version:
                          type: integer
                          description: >-
                            The payload's format version (docs/adr/0015-event-payloads.md); the event type's current
                            version when left out.
                        expected_version: { type: integer }
              responses:
                '201':
                  description: The numbers of the events recorded (as you see the desk).
                  headers: { X-Desk-Version: { $ref: '#/components/headers/DeskVersion' } }
                  content:
                    application/json:
                      schema:
                        type: array
                        items: { type: object, required: [sequence], properties: { sequence: { type: integer } } }
                '400': { $ref: '#/components/responses/Problem' }
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
        components:
          securitySchemes:
            session:
              type: http
              scheme: bearer
              description: A token from POST /session (the web pages use the same session as a cookie).
          parameters:
            desk: { name: desk, in: path, required: true, schema: { type: string }, example: dmz-2019 }
            idempotencyKey:
              name: Idempotency-Key
              in: header
              required: false
              description: >-
                Your name for this write (1–200 visible ASCII characters, such as a UUID). A repeat with the same
                key records nothing and answers the first write's item again, on any server, after restarts.
              schema: { type: string, minLength: 1, maxLength: 200, pattern: '^[!-~]+$' }
            collection:
              name: collection
              in: path
              required: true
              schema:
                type: string
                enum: [parties, principals, venues, trips, engagements, channels, attempts, playbooks, deadlines, tasks, signals, messages, itineraries]
          headers:
            DeskVersion:
              description: >-
                The desk's version as you see it (the number of its events you may see; events in compartments
                you are not a member of are not counted); send it back as expected_version.
              schema: { type: string }
          responses:
            Problem:
              description: An RFC 9457 problem detail.
              content: { application/problem+json: { schema: { $ref: '#/components/schemas/Problem' } } }
            Unavailable:
              description: The desk's database is down, restarting, full or read-only; try again after Retry-After.
              headers:
                Retry-After: { description: Seconds to wait before retrying., schema: { type: string } }
              content: { application/problem+json: { schema: { $ref: '#/components/schemas/Problem' } } }
          schemas:
            Problem:
              type: object
              required: [type, title, status, detail]
              properties:
                type: { type: string }
                title: { type: string }
                status: { type: integer }
                detail: { type: string }
                field: { type: string }
            ZonedTime:
              type: object
              required: [instant, zone, approximate]
              additionalProperties: false
              properties:
                instant: { type: string, format: date-time }
                zone: { type: string, example: Asia/Seoul }
                approximate: { type: boolean }
            DeskListing:
              type: object
              required: [name, title, zone, version]
              properties: { name: { type: string }, title: { type: string }, zone: { type: string }, version: { type: integer } }
            Summary:
              type: object
              required: [desk, title, version, engagements_by_state, open_deadlines, channels]
              properties:
                desk: { type: string }
                title: { type: string }
                version: { type: integer }
                engagements_by_state: { type: object, additionalProperties: { type: integer } }
                open_deadlines:
                  type: array
                  items:
                    type: object
                    required: [id, title, owed_by, due, seconds_left]
                    properties:
                      id: { type: string }
                      title: { type: string }
                      owed_by: { type: string }
                      due: { $ref: '#/components/schemas/ZonedTime' }
                      seconds_left: { type: integer }
                channels:
                  type: array
                  items:
                    type: object
                    required: [id, name, kind, status]
                    properties:
                      id: { type: string }
                      name: { type: string }
                      kind: { type: string }
                      status: { type: string, enum: [active, dormant, severed, unknown] }
                      last_attempt: { $ref: '#/components/schemas/ContactAttempt' }
            Item:
              description: One item of a collection; its shape depends on the collection.
              anyOf:
                - { $ref: '#/components/schemas/Party' }
                - { $ref: '#/components/schemas/Principal' }
                - { $ref: '#/components/schemas/Venue' }
                - { $ref: '#/components/schemas/Trip' }
                - { $ref: '#/components/schemas/Engagement' }
                - { $ref: '#/components/schemas/Channel' }
                - { $ref: '#/components/schemas/ContactAttempt' }
                - { $ref: '#/components/schemas/Playbook' }
                - { $ref: '#/components/schemas/Deadline' }
                - { $ref: '#/components/schemas/AdvanceTask' }
                - { $ref: '#/components/schemas/Signal' }
                - { $ref: '#/components/schemas/Message' }
                - { $ref: '#/components/schemas/Itinerary' }
            Window:
              type: object
              required: [from, to]
              properties: { from: { $ref: '#/components/schemas/ZonedTime' }, to: { $ref: '#/components/schemas/ZonedTime' } }
            Party:
              type: object
              required: [id, name]
              additionalProperties: false
              properties: { id: { type: string }, name: { type: string } }
            Principal:
              type: object
              required: [id, name, title, party]
              additionalProperties: false
              properties: { id: { type: string }, name: { type: string }, title: { type: string }, party: { type: string } }
            Venue:
              type: object
              required: [id, name, city, coordinates, zone]
              additionalProperties: false
              properties:
                id: { type: string }
                name: { type: string }
                city: { type: string }
                zone: { type: string }
                coordinates:
                  type: object
                  required: [latitude, longitude]
                  properties: { latitude: { type: number }, longitude: { type: number } }
            Trip:
              type: object
              required: [id, title, principal, stays, commitments]
              additionalProperties: false
              properties:
                id: { type: string }
                title: { type: string }
                principal: { type: string }
                stays:
                  type: array
                  items:
                    type: object
                    required: [venue, lodging, period]
                    properties: { venue: { type: string }, lodging: { type: string }, period: { $ref: '#/components/schemas/Window' } }
                commitments:
                  type: array
                  items:
                    type: object
                    required: [id, title, venue, period]
                    properties:
                      id: { type: string }
                      title: { type: string }
                      venue: { type: string }
                      period: { $ref: '#/components/schemas/Window' }
            Engagement:
              type: object
              required: [id, title, principals, counterpart, purpose, priority, duration, venues, windows, opened, state, history]
              additionalProperties: false
              properties:
                id: { type: string }
                title: { type: string }
                principals: { type: array, items: { type: string } }
                counterpart: { type: string }
                purpose: { type: string }
                priority: { type: integer, minimum: 1, maximum: 5 }
                trip: { type: string }
                compartment:
                  type: string
                  description: >-
                    Only members of this compartment see the engagement and everything touching it; set when it
                    is created (by a member), never changed. Absent for none.
                duration: { type: integer, description: minutes }
                venues: { type: array, items: { type: string } }
                windows: { type: array, items: { $ref: '#/components/schemas/Window' } }
                opened: { $ref: '#/components/schemas/ZonedTime' }
                agreed_slot: { $ref: '#/components/schemas/AgreedSlot' }
                state: { $ref: '#/components/schemas/EngagementState' }
                history:
                  type: array
                  items:
                    type: object
                    required: [from, to, at, by, reason]
                    properties:
                      from: { $ref: '#/components/schemas/EngagementState' }
                      to: { $ref: '#/components/schemas/EngagementState' }
                      at: { $ref: '#/components/schemas/ZonedTime' }
                      by: { type: string }
                      reason: { type: string }
            EngagementState:
              type: string
              enum: [idea, exploring, outreach, in-contact, planning, proposed, confirmed, held, declined, postponed, abandoned]
            Channel:
              type: object
              required: [id, name, kind, party, initial_status, changes]
              additionalProperties: false
              properties:
                id: { type: string }
                name: { type: string }
                kind: { type: string, enum: [hotline, letter, envoy, public-post, state-media, loudspeaker, fax, delegation-meeting, intermediary] }
                party: { type: string }
                via: { type: string }
                initial_status: { type: string, enum: [active, dormant, severed, unknown] }
                changes:
                  type: array
                  items:
                    type: object
                    required: [from, to, at, reason]
                    properties:
                      from: { type: string }
                      to: { type: string }
                      at: { $ref: '#/components/schemas/ZonedTime' }
                      reason: { type: string }
            ContactAttempt:
              type: object
              required: [id, channel, at, outcome, note]
              additionalProperties: false
              properties:
                id: { type: string }
                channel: { type: string }
                engagement: { type: string }
                at: { $ref: '#/components/schemas/ZonedTime' }
                outcome: { type: string, enum: [unanswered, refused, delivered, acknowledged, replied] }
                note: { type: string }
            Playbook:
              type: object
              required: [id, name, engagement, steps, due]
              additionalProperties: false
              properties:
                id: { type: string }
                name: { type: string }
                engagement: { type: string }
                steps:
                  type: array
                  items:
                    type: object
                    required: [channel, wait, repeats]
                    properties: { channel: { type: string }, wait: { type: integer }, repeats: { type: integer } }
                started_at: { $ref: '#/components/schemas/ZonedTime' }
                due:
                  type: array
                  items:
                    type: object
                    required: [step, repetition, channel, at]
                    properties:
                      step: { type: integer }
                      repetition: { type: integer }
                      channel: { type: string }
                      at: { type: string, format: date-time }
                stopped:
                  type: object
                  required: [at, reason]
                  properties: { at: { type: string, format: date-time }, reason: { type: string } }
            Deadline:
              type: object
              required: [id, title, owed_by, due, status, note, alarms, alarms_raised]
              additionalProperties: false
              properties:
                id: { type: string }
                title: { type: string }
                engagement: { type: string }
                owed_by: { type: string }
                due: { $ref: '#/components/schemas/ZonedTime' }
                status: { type: string, enum: [open, met, missed, waived] }
                resolved_at: { $ref: '#/components/schemas/ZonedTime' }
                set_at: { $ref: '#/components/schemas/ZonedTime' }
                note: { type: string }
                alarms: { type: array, items: { type: integer, description: minutes before due } }
                alarms_raised: { type: array, items: { type: integer } }
            AdvanceTask:
              type: object
              required: [id, title, kind, engagement, venue, duration, lead_time, depends_on, status]
              additionalProperties: false
              properties:
                id: { type: string }
                title: { type: string }
                kind: { type: string }
                engagement: { type: string }
                venue: { type: string }
                duration: { type: integer }
                lead_time: { type: integer }
                depends_on: { type: array, items: { type: string } }
                status: { type: string, enum: [pending, in-progress, done, blocked] }
                status_at: { $ref: '#/components/schemas/ZonedTime' }
            Signal:
              type: object
              required: [id, at, summary, attribution, stance, grade, side]
              additionalProperties: false
              properties:
                id: { type: string }
                engagement: { type: string }
                at: { $ref: '#/components/schemas/ZonedTime' }
                summary: { type: string }
                quote: { type: string }
                attribution: { type: array, minItems: 1, items: { type: string } }
                stance: { type: string, enum: [favourable, open, conditional, neutral, skeptical, opposed] }
                grade: { type: string, pattern: '^[A-F][1-6]$' }
                side: { $ref: '#/components/schemas/SignalSide' }
            SignalSide:
              type: string
              enum: [counterpart, ours, third-party]
              description: Whose stance the signal carries; the estimate leaves our own side's out.
            Message:
              type: object
              required: [id, from, at, summary, stance]
              additionalProperties: false
              properties:
                id: { type: string }
                engagement: { type: string }
                channel: { type: string }
                from: { type: string, description: the party that sent it (the counterpart or an intermediary) }
                at: { $ref: '#/components/schemas/ZonedTime' }
                summary: { type: string }
                quote: { type: string }
                stance: { type: string, enum: [favourable, open, conditional, neutral, skeptical, opposed] }
                asks: { type: string }
            AgreedSlot:
              type: object
              required: [start, duration, venue, agreed_at]
              additionalProperties: false
              properties:
                start: { $ref: '#/components/schemas/ZonedTime' }
                duration: { type: integer, description: minutes }
                venue: { type: string }
                agreed_at: { $ref: '#/components/schemas/ZonedTime' }
            Itinerary:
              type: object
              required: [trip, planned_at, visits, left_out]
              additionalProperties: false
              properties:
                trip: { type: string }
                planned_at: { $ref: '#/components/schemas/ZonedTime' }
                visits:
                  type: array
                  items:
                    type: object
                    required: [kind, ref, venue, day, start, end]
                    properties:
                      kind: { type: string, enum: [commitment, engagement] }
                      ref: { type: string }
                      venue: { type: string }
                      day: { type: integer }
                      start: { $ref: '#/components/schemas/ZonedTime' }
                      end: { $ref: '#/components/schemas/ZonedTime' }
                left_out:
                  type: array
                  items:
                    type: object
                    required: [engagement, reason]
                    properties: { engagement: { type: string }, reason: { type: string } }
            NewAttempt:
              type: object
              required: [channel, outcome]
              properties:
                id: { type: string }
                channel: { type: string }
                engagement: { type: string }
                at: { type: string, example: '2019-06-29 18:00 Asia/Seoul' }
                outcome: { type: string, enum: [unanswered, refused, delivered, acknowledged, replied] }
                note: { type: string }
                expected_version: { type: integer }
            NewSignal:
              type: object
              required: [summary, attribution, stance, grade]
              properties:
                id: { type: string }
                engagement: { type: string }
                at: { type: string }
                summary: { type: string }
                quote: { type: string }
                attribution: { type: array, items: { type: string } }
                stance: { type: string }
                grade: { type: string }
                side: { $ref: '#/components/schemas/SignalSide' }
                expected_version: { type: integer }
            NewMessage:
              type: object
              required: [from, summary, stance]
              properties:
                id: { type: string }
                engagement: { type: string }
                channel: { type: string }
                from: { type: string }
                at: { type: string, description: when it was sent or received; now when missing }
                summary: { type: string }
                quote: { type: string }
                stance: { type: string }
                asks: { type: string }
                expected_version: { type: integer }
            SlotTerms:
              type: object
              required: [start]
              properties:
                start: { type: string, example: '2019-06-30 15:45 Asia/Seoul' }
                duration: { type: string, example: 1h, description: the engagement's duration when missing }
                venue: { type: string, description: the engagement's preferred venue when missing }
            Slot:
              type: object
              required: [start]
              properties:
                start: { type: string, example: '2019-06-30 15:45 Asia/Seoul' }
                duration: { type: string, example: 1h }
                venue: { type: string }
                at: { type: string, description: when it was agreed; now when missing }
                expected_version: { type: integer }
            NewDeadline:
              type: object
              required: [title, owed_by, due]
              properties:
                id: { type: string }
                title: { type: string }
                engagement: { type: string }
                owed_by: { type: string }
                due: { type: string, example: '2019-06-30 00:00 Asia/Seoul' }
                alarms: { type: array, items: { type: string, example: 2h } }
                expected_version: { type: integer }
            Move:
              type: object
              required: [to, by, reason]
              properties:
                to: { $ref: '#/components/schemas/EngagementState' }
                at: { type: string }
                by: { type: string }
                reason: { type: string }
                slot:
                  $ref: '#/components/schemas/SlotTerms'
                  description: with a move to confirmed, the slot both sides agreed
                expected_version: { type: integer }
            RecordAmendment:
              type: object
              required: [reason]
              properties:
                name: { type: string }
                title: { type: string }
                party: { type: string }
                city: { type: string }
                latitude: { type: number }
                longitude: { type: number }
                zone: { type: string, example: Asia/Seoul }
                via: { type: string, description: a channel's intermediary party; empty for none }
                at: { type: string }
                reason: { type: string }
                expected_version: { type: integer }
            EngagementAmendment:
              type: object
              required: [reason]
              properties:
                title: { type: string }
                purpose: { type: string }
                priority: { type: integer, minimum: 1, maximum: 5 }
                duration: { type: string, example: 90m }
                venues: { type: array, items: { type: string } }
                windows:
                  type: array
                  items: { type: object, required: [from, to], properties: { from: { type: string }, to: { type: string } } }
                principals: { type: array, items: { type: string } }
                at: { type: string, description: when the change was decided or learned of; now when missing }
                reason: { type: string }
                expected_version: { type: integer }
            TripAmendment:
              type: object
              required: [reason]
              properties:
                title: { type: string }
                stays:
                  type: array
                  items:
                    type: object
                    required: [venue, from, to]
                    properties: { venue: { type: string }, lodging: { type: string }, from: { type: string }, to: { type: string } }
                commitments:
                  type: array
                  items:
                    type: object
                    required: [id, title, venue, start, end]
                    properties:
                      id: { type: string }
                      title: { type: string }
                      venue: { type: string }
                      start: { type: string }
                      end: { type: string }
                at: { type: string }
                reason: { type: string }
                expected_version: { type: integer }
            TaskAmendment:
              type: object
              required: [reason]
              properties:
                title: { type: string }
                duration: { type: string, example: 2h }
                lead_time: { type: string, example: 30m }
                depends_on: { type: array, items: { type: string } }
                at: { type: string }
                reason: { type: string }
                expected_version: { type: integer }
            DeadlineMove:
              type: object
              required: [due, reason]
              properties:
                due: { type: string, example: '2019-06-30 06:00 Asia/Seoul' }
                alarms: { type: array, items: { type: string, example: 2h } }
                at: { type: string }
                reason: { type: string }
                expected_version: { type: integer }
            PlaybookStop:
              type: object
              required: [reason]
              properties:
                at: { type: string }
                reason: { type: string }
                expected_version: { type: integer }
            ChannelStatusChange:
              type: object
              required: [status, reason]
              properties:
                status: { type: string, enum: [active, dormant, severed, unknown] }
                at: { type: string }
                reason: { type: string }
                expected_version: { type: integer }
            Resolve:
              type: object
              required: [status]
              properties:
                status: { type: string, enum: [met, missed, waived] }
                at: { type: string }
                note: { type: string }
                expected_version: { type: integer }
            TaskProgress:
              type: object
              required: [status]
              properties:
                status: { type: string, enum: [pending, in-progress, done, blocked] }
                at: { type: string }
                expected_version: { type: integer }
        """
}
