extension OpenAPIDocument {
    /// The schemas of what the API takes: the bodies of its writes.
    static let inputSchemas = """
            NewDesk:
              type: object
              required: [title, zone]
              properties:
                name: { type: string, description: the desk's name in every address; made from the title when missing }
                title: { type: string }
                zone: { type: string, example: Asia/Seoul }
            NewParty:
              type: object
              required: [name]
              properties:
                id: { type: string, description: made from the name when missing }
                name: { type: string }
                expected_version: { type: integer }
            NewPrincipal:
              type: object
              required: [name, party]
              properties:
                id: { type: string, description: made from the name when missing }
                name: { type: string }
                title: { type: string, description: their office }
                party: { type: string }
                expected_version: { type: integer }
            NewVenue:
              type: object
              required: [name, zone]
              properties:
                id: { type: string, description: made from the name when missing }
                name: { type: string }
                city: { type: string }
                latitude: { type: number, description: degrees north; with the longitude, or neither when not known }
                longitude: { type: number, description: degrees east; with the latitude, or neither }
                zone: { type: string, example: Asia/Seoul }
                expected_version: { type: integer }
            NewTravel:
              type: object
              required: [from, to, time]
              properties:
                from: { type: string }
                to: { type: string }
                time: { type: string, example: 1h30m }
                one_way: { type: boolean, description: both ways when missing or false }
                expected_version: { type: integer }
            NewStay:
              type: object
              required: [venue, from, to]
              properties: { venue: { type: string }, lodging: { type: string }, from: { type: string }, to: { type: string } }
            NewCommitment:
              type: object
              required: [title, venue, start, end]
              properties:
                id: { type: string, description: made from the title when missing }
                title: { type: string }
                venue: { type: string }
                start: { type: string, example: '2025-10-29 10:00 Asia/Seoul' }
                end: { type: string }
            NewTrip:
              type: object
              required: [title, principal]
              properties:
                id: { type: string, description: made from the title when missing }
                title: { type: string }
                principal: { type: string }
                stays: { type: array, items: { $ref: '#/components/schemas/NewStay' } }
                commitments: { type: array, items: { $ref: '#/components/schemas/NewCommitment' } }
                expected_version: { type: integer }
            NewEngagement:
              type: object
              required: [title, principals, counterpart, duration]
              properties:
                id: { type: string, description: made from the title when missing }
                title: { type: string }
                principals: { type: array, items: { type: string } }
                counterpart: { type: string }
                purpose: { type: string }
                priority: { type: integer, minimum: 1, maximum: 5, description: 3 when missing }
                trip: { type: string }
                duration: { type: string, example: 1h30m }
                venues: { type: array, items: { type: string } }
                windows:
                  type: array
                  items: { type: object, required: [from, to], properties: { from: { type: string }, to: { type: string } } }
                compartment: { type: string }
                opened: { type: string, description: when it was opened; now when missing }
                expected_version: { type: integer }
            NewChannel:
              type: object
              required: [name, kind, party]
              properties:
                id: { type: string, description: made from the name when missing }
                name: { type: string }
                kind: { type: string, enum: [hotline, letter, envoy, public-post, state-media, loudspeaker, fax, delegation-meeting, intermediary] }
                party: { type: string }
                via: { type: string }
                status: { type: string, enum: [active, dormant, severed, unknown], description: unknown when missing }
                expected_version: { type: integer }
            NewTask:
              type: object
              required: [title, kind, engagement, venue, duration]
              properties:
                id: { type: string, description: made from the title when missing }
                title: { type: string }
                kind: { type: string, enum: [site-survey, security-sweep, communications, press-pool, protocol, policy-paper, logistics] }
                engagement: { type: string }
                venue: { type: string }
                duration: { type: string, example: 4h }
                lead_time: { type: string, example: 2h }
                depends_on: { type: array, items: { type: string } }
                owner: { type: string }
                expected_version: { type: integer }
            NewPlaybook:
              type: object
              required: [name, engagement, steps]
              properties:
                id: { type: string, description: made from the name when missing }
                name: { type: string }
                engagement: { type: string }
                steps:
                  type: array
                  items:
                    type: object
                    required: [channel, wait]
                    properties: { channel: { type: string }, wait: { type: string, example: 2h }, repeat: { type: integer, description: 1 when missing } }
                expected_version: { type: integer }
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
                forget_coordinates: { type: boolean, description: a venue's place is no longer known (without latitude or longitude) }
                via: { type: string, description: a channel's intermediary party; empty for none }
                webhook: { type: string, description: the desk's webhook; empty for none }
                steps:
                  type: array
                  description: a playbook's steps, in order
                  items:
                    type: object
                    required: [channel, wait]
                    properties: { channel: { type: string }, wait: { type: string, example: 2h }, repeat: { type: integer, description: 1 when missing } }
                at: { type: string }
                reason: { type: string }
                expected_version: { type: integer }
            Retraction:
              type: object
              required: [reason]
              properties:
                reason: { type: string }
                at: { type: string, description: when it was retracted; now when missing }
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
                    required: [title, venue, start, end]
                    properties:
                      id: { type: string, description: kept from the commitment of the same title, or made from the title }
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
                owner: { type: string, description: who does it now; empty for nobody }
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
