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
        """
}
