import Foundation

/// What a person supplies to add a channel (`POST /channels`): a way of reaching a party, perhaps through
/// another.
public struct ChannelInput: Decodable, Sendable, Equatable {
    /// Its id; made from the name when missing.
    public var id: String?
    /// Its name (`Panmunjom liaison line`).
    public var name: String
    /// What kind (`hotline`, `letter`, `intermediary`…).
    public var kind: String
    /// Whom it reaches.
    public var party: String
    /// The party it goes through, if any.
    public var via: String?
    /// Whether it works today; `unknown` when missing.
    public var status: String?

    /// The input as typed.
    public init(
        id: String? = nil, name: String, kind: String, party: String, via: String? = nil, status: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.party = party
        self.via = via
        self.status = status
    }

    /// The command it asks for on `state`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(on state: DeskState) throws(DeskError) -> DeskCommand {
        let id = try InputText.newID(id, from: name) { state.channels[Channel.ID($0)] != nil }
        let status: ChannelStatus =
            try InputText.optional(status).map { (text) throws(DeskError) in
                try InputText.choice(text, field: "status")
            } ?? .unknown
        return .registerChannel(
            RegisterChannel(
                Channel(
                    id: Channel.ID(id), name: name, kind: try InputText.choice(kind, field: "kind"),
                    party: Party.ID(party), via: InputText.optional(via).map { Party.ID($0) }, status: status)))
    }
}

/// What a person supplies to add an advance task (`POST /tasks`): work to be done at a venue before a
/// meeting, perhaps after other tasks.
public struct TaskInput: Decodable, Sendable, Equatable {
    /// Its id; made from the title when missing.
    public var id: String?
    /// What is to be done.
    public var title: String
    /// What kind of work (`site-survey`, `security-sweep`…).
    public var kind: String
    /// The engagement it prepares.
    public var engagement: String
    /// Where.
    public var venue: String
    /// How long the work takes (`4h`).
    public var duration: String
    /// How long before the meeting it must be done (`2h`); none when missing.
    public var leadTime: String?
    /// Tasks that must be done first.
    public var dependsOn: [String]?
    /// Who does it.
    public var owner: String?

    /// The input as typed.
    public init(
        id: String? = nil, title: String, kind: String, engagement: String, venue: String, duration: String,
        leadTime: String? = nil, dependsOn: [String]? = nil, owner: String? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.engagement = engagement
        self.venue = venue
        self.duration = duration
        self.leadTime = leadTime
        self.dependsOn = dependsOn
        self.owner = owner
    }

    /// The command it asks for on `state`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(on state: DeskState) throws(DeskError) -> DeskCommand {
        let id = try InputText.newID(id, from: title) { state.tasks[AdvanceTask.ID($0)] != nil }
        let lead = try InputText.optional(leadTime).map { (text) throws(DeskError) in
            try Minutes.parse(text, field: "lead_time")
        }
        return .addAdvanceTasks(
            AddAdvanceTasks(tasks: [
                AddAdvanceTasks.Task(
                    id: AdvanceTask.ID(id), title: title, kind: try InputText.choice(kind, field: "kind"),
                    engagement: Engagement.ID(engagement), venue: Venue.ID(venue),
                    duration: try Minutes.parse(duration, field: "duration"), leadTime: lead ?? Minutes(0),
                    dependsOn: (dependsOn ?? []).filter { !$0.isEmpty }.map { AdvanceTask.ID($0) },
                    owner: InputText.optional(owner?.trimmingCharacters(in: .whitespaces)))
            ]))
    }
}

/// A playbook step as a person types it: try this channel, wait this long, so many times.
public struct PlaybookStepInput: Decodable, Sendable, Equatable {
    /// The channel to try.
    public var channel: String
    /// How long to wait for an answer before the next try (`2h`).
    public var wait: String
    /// How many tries on this channel; 1 when missing.
    public var `repeat`: Int?

    /// A step as typed.
    public init(channel: String, wait: String, repeat: Int? = nil) {
        self.channel = channel
        self.wait = wait
        self.repeat = `repeat`
    }

    /// The steps `inputs` describe, each refusal naming `steps[i].field`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    static func steps(_ inputs: [PlaybookStepInput]) throws(DeskError) -> [PlaybookStep] {
        try InputText.requireCount(inputs.count, field: "steps")
        var steps: [PlaybookStep] = []
        for (index, step) in inputs.enumerated() {
            steps.append(
                PlaybookStep(
                    channel: Channel.ID(step.channel),
                    wait: try Minutes.parse(step.wait, field: "steps[\(index)].wait"),
                    repeats: step.repeat ?? 1))
        }
        return steps
    }
}

/// What a person supplies to define a playbook (`POST /playbooks`): the escalation to run when nobody
/// answers.
public struct PlaybookInput: Decodable, Sendable, Equatable {
    /// Its id; made from the name when missing.
    public var id: String?
    /// Its name.
    public var name: String
    /// The engagement it serves.
    public var engagement: String
    /// The steps, in order.
    public var steps: [PlaybookStepInput]

    /// The input as typed.
    public init(id: String? = nil, name: String, engagement: String, steps: [PlaybookStepInput]) {
        self.id = id
        self.name = name
        self.engagement = engagement
        self.steps = steps
    }

    /// The command it asks for on `state`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(on state: DeskState) throws(DeskError) -> DeskCommand {
        let id = try InputText.newID(id, from: name) { state.playbooks[Playbook.ID($0)] != nil }
        var steps: [PlaybookStep] = []
        for (index, step) in self.steps.enumerated() {
            steps.append(
                PlaybookStep(
                    channel: Channel.ID(step.channel),
                    wait: try Minutes.parse(step.wait, field: "steps[\(index)].wait"),
                    repeats: step.repeat ?? 1))
        }
        return .definePlaybook(
            DefinePlaybook(
                Playbook(id: Playbook.ID(id), name: name, engagement: Engagement.ID(engagement), steps: steps)))
    }
}
