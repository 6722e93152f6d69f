extension OpenAPIDocument {
    /// Shared parameters and responses, and the schemas of what the API answers.
    static let modelSchemas = """
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
            CalibrationScores:
              type: object
              additionalProperties: false
              required: [brier, log_score, out_of_bounds, reliability]
              properties:
                brier: { type: number, description: mean squared error against the outcome (always 50 % scores 0.25) }
                log_score: { type: number, description: mean negative log of the probability given to what happened }
                discrimination:
                  type: number
                  description: how often a moment of a meeting held scored above one never held; absent unless both are among the moments
                out_of_bounds: { type: integer, description: estimates outside 2–98 % }
                reliability:
                  type: array
                  items:
                    type: object
                    additionalProperties: false
                    required: [from, to, count, mean_predicted, observed]
                    properties:
                      from: { type: number }
                      to: { type: number }
                      count: { type: integer }
                      mean_predicted: { type: number }
                      observed: { type: number, description: the share of these moments held in the end }
            ZonedTime:
              type: object
              required: [instant, zone, approximate]
              additionalProperties: false
              properties:
                instant: { type: string, format: date-time }
                zone: { type: string, example: Asia/Seoul }
                approximate: { type: boolean }
            ReportedTime:
              description: >-
                When something was said, tried or moved: a time, or one a source gave only as a day or a span
                of days (then `precision` says which and the instant is the start of that day or span).
              type: object
              required: [instant, zone, approximate]
              additionalProperties: false
              properties:
                instant: { type: string, format: date-time }
                zone: { type: string, example: Asia/Seoul }
                approximate: { type: boolean }
                precision: { type: string, enum: [day, span] }
                until: { type: string, format: date-time, description: "a span's end (not included)" }
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
            DeskProfile:
              type: object
              required: [name, title, zone, opened]
              additionalProperties: false
              properties:
                name: { type: string }
                title: { type: string }
                zone: { type: string, example: Asia/Seoul }
                opened: { $ref: '#/components/schemas/ZonedTime' }
                webhook: { type: string }
            RetractedEntry:
              type: object
              required: [entry, at, reason, by]
              additionalProperties: false
              properties:
                entry: { type: integer, description: "the retracted entry's number, as the reader counts the log" }
                at: { type: string, format: date-time }
                reason: { type: string }
                by: { type: integer, description: the number of the entry that retracted it }
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
              required: [id, name, city, zone]
              additionalProperties: false
              properties:
                id: { type: string }
                name: { type: string }
                city: { type: string }
                zone: { type: string }
                coordinates:
                  type: object
                  description: absent when not known (travel then comes only from travel times set by the staff)
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
                      at: { $ref: '#/components/schemas/ReportedTime' }
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
                at: { $ref: '#/components/schemas/ReportedTime' }
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
                owner: { type: string, description: who does it, if anyone is named }
                status: { type: string, enum: [pending, in-progress, done, blocked] }
                status_at: { $ref: '#/components/schemas/ZonedTime' }
            Signal:
              type: object
              required: [id, at, summary, attribution, stance, grade, side]
              additionalProperties: false
              properties:
                id: { type: string }
                engagement: { type: string }
                at: { $ref: '#/components/schemas/ReportedTime' }
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
                at: { $ref: '#/components/schemas/ReportedTime' }
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
            Alarm:
              type: object
              additionalProperties: false
              required: [desk, sequence, kind, text, at, when]
              properties:
                desk: { type: string }
                sequence: { type: integer, description: 'The entry that raised it, in your numbers (the timeline''s).' }
                kind: { type: string, enum: [deadline_warning, deadline_missed, playbook_try, message, moved] }
                text: { type: string }
                at: { type: string, format: date-time }
                when: { type: string, description: 'When, as people read it in the desk''s zone.' }
                engagement: { type: [string, 'null'] }
            CalendarFeed:
              type: object
              additionalProperties: false
              required: [id, owner, desk, issued]
              properties:
                id: { type: string }
                owner: { type: string }
                desk: { type: string }
                trip: { type: [string, 'null'] }
                issued: { type: string, format: date-time }
                url: { type: string, description: 'The secret address (a path); only in the answer that issued it.' }
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
                proven_best:
                  type: boolean
                  description: >-
                    true when the planner proved no itinerary places more (an exhaustive search, for small trips),
                    false when it is the best a time-bounded search found; absent when not said
                left_out:
                  type: array
                  items:
                    type: object
                    required: [engagement, reason]
                    properties: { engagement: { type: string }, reason: { type: string } }
        """
}
