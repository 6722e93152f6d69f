extension OpenAPIDocument {
    /// The routes that sign in, list desks and read or add the nouns of a desk.
    static let readingRoutes = """
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
          /search:
            get:
              operationId: search
              summary: >-
                Engagements (by title or purpose) and timeline entries matching a text, without case or diacritics,
                across every desk you may see: in desk order, then log order; 50 at a time from offset on.
              parameters:
                - { name: q, in: query, required: true, schema: { type: string, maxLength: 200 } }
                - { name: offset, in: query, schema: { type: integer, minimum: 0, maximum: 10000, default: 0 } }
              responses:
                '400': { $ref: '#/components/responses/Problem' }
                '401': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The hits.
                  content:
                    application/json:
                      schema:
                        type: object
                        additionalProperties: false
                        required: [query, offset, hits, truncated]
                        properties:
                          query: { type: string }
                          offset: { type: integer, description: how many hits came before these }
                          truncated: { type: boolean, description: more hits follow these (ask again from offset + 50) }
                          hits:
                            type: array
                            items:
                              type: object
                              additionalProperties: false
                              required: [desk, at, when, kind, text, retracted]
                              properties:
                                desk: { type: string }
                                sequence: { type: integer, description: the entry's number on your timeline; absent for an engagement }
                                at: { type: string, format: date-time }
                                when: { type: string, description: at in the desk's zone }
                                kind: { type: string, description: engagement, or the entry's event type }
                                text: { type: string }
                                engagement: { type: string }
                                retracted: { type: boolean }
          /calibration:
            get:
              operationId: calibration
              summary: >-
                How good the estimate is on the reference-class corpus the server loaded: the base rate of the
                other cases, the hand-set and the shipped weights scored in sample and with each case left out,
                the shipped weights, and every scored moment (the /calibration page as JSON; docs/assessment.md).
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '200':
                  description: The report.
                  content:
                    application/json:
                      schema:
                        type: object
                        additionalProperties: false
                        required: [cases, held, moments, base_rate_left_out, hand_set, shipped, shipped_left_out, weights, scored]
                        properties:
                          cases: { type: integer }
                          held: { type: integer, description: cases held in the end }
                          moments: { type: integer }
                          base_rate_left_out: { $ref: '#/components/schemas/CalibrationScores' }
                          hand_set: { $ref: '#/components/schemas/CalibrationScores' }
                          shipped: { $ref: '#/components/schemas/CalibrationScores' }
                          shipped_left_out: { $ref: '#/components/schemas/CalibrationScores' }
                          weights:
                            type: object
                            additionalProperties: false
                            required: [base, multipliers]
                            properties:
                              base: { type: number, description: the log-odds before any evidence }
                              multipliers: { type: object, additionalProperties: { type: number } }
                              standard_errors: { type: object, additionalProperties: { type: number } }
                          scored:
                            type: array
                            items:
                              type: object
                              additionalProperties: false
                              required: [file, at, why, held, probability]
                              properties:
                                file: { type: string }
                                at: { type: string, description: the moment, in the case desk's zone }
                                why: { type: string }
                                held: { type: boolean }
                                probability: { type: number, minimum: 0, maximum: 1 }
          /rehearsals:
            post:
              operationId: startRehearsal
              summary: >-
                Start a rehearsal (admins): the server's demo story replayed from now at the given speed in a desk
                of its own, named rehearsal-…; its events are recorded as their re-timed moments come, its timers
                fire live. A restart of the server ends it where it stood.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [speed]
                      additionalProperties: false
                      properties:
                        speed: { type: number, minimum: 1, maximum: 600, description: times faster than real time }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '201':
                  description: The rehearsal desk, opened and set up.
                  content: { application/json: { schema: { $ref: '#/components/schemas/DeskListing' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
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
            post:
              operationId: openDesk
              summary: >-
                Open a new desk (admins): its title and home zone, named from the title unless a name is given.
                Its webhook is set afterwards with POST /desks/{desk}/amend.
              parameters: [{ $ref: '#/components/parameters/idempotencyKey' }]
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/NewDesk' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '201':
                  description: The desk as opened.
                  content: { application/json: { schema: { $ref: '#/components/schemas/DeskListing' } } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
          /desks/{desk}/travel:
            post:
              operationId: setTravelTime
              summary: >-
                A travel time between two venues the staff know better than the estimate, both ways unless one_way.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/NewTravel' } } }
              responses:
                '401': { $ref: '#/components/responses/Problem' }
                '403': { $ref: '#/components/responses/Problem' }
                '413': { $ref: '#/components/responses/Problem' }
                '415': { $ref: '#/components/responses/Problem' }
                '503': { $ref: '#/components/responses/Unavailable' }
                '201':
                  description: The leg as set (the way back, unless one_way, is set with it).
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [from, to, time]
                        properties: { from: { type: string }, to: { type: string }, time: { type: integer, description: minutes } }
                '400': { $ref: '#/components/responses/Problem' }
                '404': { $ref: '#/components/responses/Problem' }
                '409': { $ref: '#/components/responses/Problem' }
                '422': { $ref: '#/components/responses/Problem' }
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
                Add a party, principal, venue, trip, engagement (as an idea), channel, playbook or advance task:
                the body is what a person supplies, named as in scenario files (New* schemas, by collection),
                with times and lengths as text; a field the body does not take is refused by name.
              parameters:
                - { $ref: '#/components/parameters/desk' }
                - { $ref: '#/components/parameters/collection' }
                - { $ref: '#/components/parameters/idempotencyKey' }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      description: >-
                        parties NewParty, principals NewPrincipal, venues NewVenue, trips NewTrip, engagements
                        NewEngagement, channels NewChannel, playbooks NewPlaybook, tasks NewTask.
                      anyOf:
                        - { $ref: '#/components/schemas/NewParty' }
                        - { $ref: '#/components/schemas/NewPrincipal' }
                        - { $ref: '#/components/schemas/NewVenue' }
                        - { $ref: '#/components/schemas/NewTrip' }
                        - { $ref: '#/components/schemas/NewEngagement' }
                        - { $ref: '#/components/schemas/NewChannel' }
                        - { $ref: '#/components/schemas/NewPlaybook' }
                        - { $ref: '#/components/schemas/NewTask' }
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
        """
}
