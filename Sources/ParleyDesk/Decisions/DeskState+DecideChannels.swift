import Foundation

extension DeskState {
    /// Adding a channel to a known party.
    func decide(registerChannel command: RegisterChannel, now: Date) throws(DeskError) -> [DeskEvent] {
        let channel = command.channel
        try Self.requireNew(channel.id, in: channels, kind: "channel")
        try Self.requireName(channel.name, field: "name")
        try Self.requireKnown(channel.party, in: parties, field: "party", kind: "party")
        if let via = channel.via { try Self.requireKnown(via, in: parties, field: "via", kind: "party") }
        return [DeskEvent(at: now, .channelRegistered(channel))]
    }

    /// Recording a channel's change of status.
    func decide(changeChannelStatus change: ChangeChannelStatus) throws(DeskError) -> [DeskEvent] {
        let channel = try Self.requireKnown(change.channel, in: channels, field: "channel", kind: "channel")
        try Self.requireTime(change.at, field: "at")
        if let last = channel.changes.last {
            try Self.requireNotBefore(change.at, last.at, field: "at", what: "the channel's last change")
        }
        try Self.requireNote(change.reason, field: "reason", required: true)
        let recorded = ChannelStatusChange(
            from: channel.status, to: change.to, at: change.at, reason: change.reason)
        return [DeskEvent(at: change.at.instant, .channelStatusChanged(channel.id, recorded))]
    }

    /// Recording a contact attempt on a known channel.
    func decide(recordContactAttempt attempt: ContactAttempt) throws(DeskError) -> [DeskEvent] {
        try Self.requireNew(attempt.id, in: attempts, kind: "contact attempt")
        try Self.requireTime(attempt.at, field: "at")
        try Self.requireNote(attempt.note, field: "note")
        try Self.requireKnown(attempt.channel, in: channels, field: "channel", kind: "channel")
        if let id = attempt.engagement {
            try Self.requireKnown(id, in: engagements, field: "engagement", kind: "engagement")
        }
        return [DeskEvent(at: attempt.at.instant, .contactAttemptRecorded(attempt))]
    }

    /// Recording a graded, attributed signal.
    func decide(recordSignal signal: Signal) throws(DeskError) -> [DeskEvent] {
        try Self.requireNew(signal.id, in: signals, kind: "signal")
        try Self.requireTime(signal.at, field: "at")
        try Self.requireNote(signal.summary, field: "summary", required: true)
        try Self.requireNote(signal.quote ?? "", field: "quote")
        try Self.requireCount(signal.attribution.count, field: "attribution", atMost: 20)
        for (index, source) in signal.attribution.enumerated() {
            try Self.requireNote(source, field: "attribution[\(index)]")
        }
        if let id = signal.engagement {
            try Self.requireKnown(id, in: engagements, field: "engagement", kind: "engagement")
        }
        guard !signal.attribution.isEmpty, signal.attribution.allSatisfy({ !$0.isBlank }) else {
            throw .invalidValue(
                field: "attribution",
                expected: "the original speaker or source, then each outlet that relayed it", found: "none")
        }
        return [DeskEvent(at: signal.at.instant, .signalRecorded(signal))]
    }

    /// Recording a message from a known party, on a known channel if it names one.
    func decide(recordMessage message: InboundMessage) throws(DeskError) -> [DeskEvent] {
        try Self.requireNew(message.id, in: messages, kind: "message")
        try Self.requireTime(message.at, field: "at")
        try Self.requireNote(message.summary, field: "summary", required: true)
        try Self.requireNote(message.quote ?? "", field: "quote")
        try Self.requireNote(message.asks ?? "", field: "asks")
        try Self.requireKnown(message.from, in: parties, field: "from", kind: "party")
        if let id = message.channel { try Self.requireKnown(id, in: channels, field: "channel", kind: "channel") }
        if let id = message.engagement {
            try Self.requireKnown(id, in: engagements, field: "engagement", kind: "engagement")
        }
        return [DeskEvent(at: message.at.instant, .messageReceived(message))]
    }
}
