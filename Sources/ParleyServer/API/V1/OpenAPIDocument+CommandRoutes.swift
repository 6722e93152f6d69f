extension OpenAPIDocument {
    /// The routes that record and change things on a desk: attempts, signals, messages, moves, slots, amendments, deadlines, playbooks, tasks and raw events.
    static let commandRoutes = """
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
                zone), a channel (name, via) or a playbook not yet started (name, steps); fields left out stay as
                they are. Engagements, trips, tasks and deadlines have routes of their own.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: collection, in: path, required: true, schema: { type: string, enum: [parties, principals, venues, channels, playbooks] } }
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
          /desks/{desk}/amend:
            post:
              operationId: amendDesk
              summary: Change the desk's title, home zone or webhook (admins); fields left out stay as they are.
              parameters:
                - { $ref: '#/components/parameters/desk' }
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
                  description: The desk's profile after the change.
                  content: { application/json: { schema: { $ref: '#/components/schemas/DeskProfile' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/entries/{entry}/retract:
            post:
              operationId: retractEntry
              summary: >-
                Take back an entry of the log, numbered as the reader sees the timeline, with a reason. The entry
                stays in the chain and on the timeline, struck through; the desk is folded without it. Refused for
                the desk's opening, a retraction, an entry the timers wrote, one already retracted, and one a
                later entry depends on (that entry is named).
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: entry, in: path, required: true, schema: { type: integer, minimum: 1 } }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/Retraction' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The retracted entry, when and why, and the entry that retracted it.
                  content: { application/json: { schema: { $ref: '#/components/schemas/RetractedEntry' } } }
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
          /desks/{desk}/trips/{id}/plan:
            post:
              operationId: planTrip
              summary: >-
                Plan the trip (over the whole desk; agreed meetings pinned) and record the itinerary, as the web
                desk's Re-plan does. No body, or only expected_version.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: id, in: path, required: true, schema: { type: string } }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: false
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      properties: { expected_version: { type: integer, minimum: 0 } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '201':
                  description: The itinerary recorded, as the asker may see it.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Itinerary' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /calendar-feeds:
            get:
              operationId: listCalendarFeeds
              summary: Your calendar feeds (an admin's answer lists everyone's); never their secrets.
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The feeds, newest first.
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: '#/components/schemas/CalendarFeed' } }
            post:
              operationId: issueCalendarFeed
              summary: >-
                A secret calendar address for a desk, or one of its trips, that a calendar application fetches
                without a session (GET the answer's url). Its url is in this answer only.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      required: [desk]
                      properties: { desk: { type: string }, trip: { type: [string, 'null'] } }
              responses:
                '400': { $ref: '#/components/responses/Problem' }
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '201':
                  description: The feed, with its url (shown this once).
                  content: { application/json: { schema: { $ref: '#/components/schemas/CalendarFeed' } } }
          /calendar-feeds/{id}:
            delete:
              operationId: revokeCalendarFeed
              summary: Stop a feed answering (yours; an admin, anyone's).
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                '204': { description: Revoked. }
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
          /alarms:
            get:
              operationId: listAlarms
              summary: >-
                Your unacknowledged alarms across every desk you may see, newest first (at most 50; total counts
                them all): deadline warnings and misses, playbook tries due, messages from the other side, and
                moves of engagements you follow.
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The alarms.
                  content:
                    application/json:
                      schema:
                        type: object
                        additionalProperties: false
                        required: [total, alarms]
                        properties:
                          total: { type: integer }
                          alarms: { type: array, items: { $ref: '#/components/schemas/Alarm' } }
          /alarms/acknowledge:
            post:
              operationId: acknowledgeAlarms
              summary: Mark alarms as seen by you (others still see theirs); at most 200 at once.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [alarms]
                      properties:
                        alarms:
                          type: array
                          maxItems: 200
                          items:
                            type: object
                            required: [desk, sequence]
                            properties: { desk: { type: string }, sequence: { type: integer, minimum: 1 } }
              responses:
                '204': { description: Acknowledged. }
                '400': { $ref: '#/components/responses/Problem' }
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
          /desks/{desk}/engagements/{id}/follow:
            post:
              operationId: followEngagement
              summary: Start (true) or stop (false) being alarmed when the engagement moves.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [following]
                      properties: { following: { type: boolean } }
              responses:
                '204': { description: Done. }
                '400': { $ref: '#/components/responses/Problem' }
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
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
        """
}
