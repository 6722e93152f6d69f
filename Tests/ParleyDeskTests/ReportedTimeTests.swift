import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

/// Time precision: a reported time given as a day or a span of days keeps that precision through forms,
/// the log and scenario files, and is shown as dates (issue 14).
@Suite("Reported times: days and spans")
struct ReportedTimeTests {
    static let seoul = Fixtures.seoul

    @Test(
        "days and spans are read in the zone, start at the first day's midnight, and are shown as dates",
        arguments: [
            ("2018-03-31", "2018-03-30T15:00:00.000Z", nil, "2018-03-31 KST"),
            ("31 Mar 2018", "2018-03-30T15:00:00.000Z", nil, "2018-03-31 KST"),
            (
                "2018-03-31 – 2018-04-01", "2018-03-30T15:00:00.000Z", "2018-04-01T15:00:00.000Z",
                "2018-03-31 – 2018-04-01 KST"
            ),
            (
                "31 Mar–1 Apr 2018", "2018-03-30T15:00:00.000Z", "2018-04-01T15:00:00.000Z",
                "2018-03-31 – 2018-04-01 KST"
            ),
            ("12–14 June 2030", "2030-06-11T15:00:00.000Z", "2030-06-14T15:00:00.000Z", "2030-06-12 – 2030-06-14 KST"),
            ("early June 2030", "2030-05-31T15:00:00.000Z", "2030-06-10T15:00:00.000Z", "2030-06-01 – 2030-06-10 KST"),
            (
                "late February 2028", "2028-02-20T15:00:00.000Z", "2028-02-29T15:00:00.000Z",
                "2028-02-21 – 2028-02-29 KST"
            ),
            (
                "June 2030 Europe/Zurich", "2030-05-31T22:00:00.000Z", "2030-06-30T22:00:00.000Z",
                "2030-06-01 – 2030-06-30 CEST"
            ),
            (
                "~2018-03-31 to 2018-04-02", "2018-03-30T15:00:00.000Z", "2018-04-02T15:00:00.000Z",
                "~2018-03-31 – 2018-04-02 KST"
            ),
        ] as [(String, String, String?, String)])
    func readAndShown(text: String, start: String, until: String?, display: String) throws {
        let time = try ZonedTime.parseReported(text, field: "at", defaultZone: Self.seoul)
        #expect(InstantText.format(time.instant) == start)
        #expect(time.precision.until.map(InstantText.format) == until)
        if until == nil { #expect(time.precision == .day) }
        #expect(time.display == display)
        // The scenario form reads back to the same time.
        #expect(try ZonedTime.parseReported(time.scenarioText, field: "at", defaultZone: nil) == time)
    }

    @Test(
        "what is not a day or a span is refused with every form it could be, naming the field",
        arguments: [
            "2018-02-30", "sometime", "early Juno 2030", "1 Apr–31 Mar 2018", "2018-01-01 – 2019-06-01", "32 Mar 2018",
        ])
    func refused(text: String) throws {
        #expect(throws: DeskError.self) {
            try ZonedTime.parseReported(text, field: "signals[0].at", defaultZone: Self.seoul)
        }
        do {
            _ = try ZonedTime.parseReported(text, field: "signals[0].at", defaultZone: Self.seoul)
        } catch {
            #expect(error.field == "signals[0].at")
        }
    }

    @Test("a clock time a daylight-saving change skips is refused for that reason, not with the list of forms")
    func skippedClockTimeSaysWhy() {
        do {
            _ = try ZonedTime.parseReported("2026-03-08 02:30 America/New_York", field: "at", defaultZone: nil)
            Issue.record("accepted a skipped local time")
        } catch {
            #expect(error.message.contains("daylight-saving"), "\(error.message)")
        }
    }

    @Test(
        "a log whose envelope gives a precision to a fact with no reported time, or a span ending before it starts, is refused"
    )
    func envelopeChecked() throws {
        let bad = [
            #"{"at":"2019-06-28T11:00:00.000Z","data":{"id":"us","name":"US"},"precision":"day"}"#,
            #"{"at":"2019-06-28T11:00:00.000Z","data":{"at":{"approximate":false,"instant":"2019-06-28T11:00:00.000Z","zone":"Asia/Seoul"},"from":"dprk","id":"m","stance":"open","summary":"s"},"precision":"span","until":"2019-06-28T10:00:00.000Z"}"#,
        ]
        #expect(throws: EventDecodingError.self) {
            try DeskEvent.decode(type: "PartyRegistered", schemaVersion: 1, payload: Data(bad[0].utf8))
        }
        #expect(throws: EventDecodingError.self) {
            try DeskEvent.decode(type: "MessageReceived", schemaVersion: 1, payload: Data(bad[1].utf8))
        }
    }

    @Test("times that must be exact (a deadline's due time) still refuse a day")
    func exactTimesStayExact() {
        #expect(throws: DeskError.self) { try ZonedTime.parse("2018-03-31", field: "due", defaultZone: Self.seoul) }
    }

    @Test(
        "a message known only to a span is written with its precision in the envelope, read back the same, pinned byte for byte"
    )
    func throughTheLog() throws {
        let at = try ZonedTime.parseReported("31 Mar–1 Apr 2018", field: "at", defaultZone: Self.seoul)
        let message = InboundMessage(
            id: "secret-visit", engagement: nil, channel: nil, from: "dprk", at: at, summary: "A secret visit",
            quote: nil, stance: .open, asks: nil)
        let event = DeskEvent(at: at.instant, .messageReceived(message), known: Fixtures.kst("06-29 10:00").instant)
        let payload = try event.encodedPayload()
        #expect(
            String(decoding: payload, as: UTF8.self)
                == #"{"at":"2018-03-30T15:00:00.000Z","data":{"at":{"approximate":false,"instant":"2018-03-30T15:00:00.000Z","zone":"Asia/Seoul"},"from":"dprk","id":"secret-visit","stance":"open","summary":"A secret visit"},"known":"2019-06-29T01:00:00.000Z","precision":"span","until":"2018-04-01T15:00:00.000Z"}"#
        )
        let read = try DeskEvent.decode(type: "MessageReceived", schemaVersion: 1, payload: payload)
        #expect(read == event)
        // A time to the minute writes neither key, so such events are written as before.
        var exact = message
        exact.at = Fixtures.kst("06-29 10:00")
        let plain = String(
            decoding: try DeskEvent(at: exact.at.instant, .messageReceived(exact)).encodedPayload(), as: UTF8.self)
        #expect(!plain.contains("precision") && !plain.contains("until"))
    }

    @Test("a scenario file's signal on a day and message over a span, learned late, survive export and import")
    func scenarioRoundTrip() throws {
        let text = """
            desk:
              name: t
              title: "T"
              zone: Asia/Seoul
              opened: 2018-03-01 09:00
            parties:
              - id: dprk
                name: "DPRK"
            signals:
              - id: visit-report
                at: 2018-03-31
                summary: "Reported visit"
                attribution: ["a newspaper"]
                stance: open
                grade: C3
            messages:
              - id: secret-visit
                from: dprk
                at: 31 Mar–1 Apr 2018
                known_at: 2018-04-17 09:00
                summary: "A secret visit, reported a fortnight later"
                stance: open
            """
        let contents = try ScenarioReader.read(text, file: "t.yaml")
        #expect(contents.state.signals["visit-report"]?.at.precision == .day)
        #expect(contents.state.messages["secret-visit"]?.at.display == "2018-03-31 – 2018-04-01 KST")
        let exported = ScenarioWriter.write(contents.state)
        #expect(exported.contains("2018-03-31 – 2018-04-01 Asia/Seoul"))
        #expect(exported.contains(#"known_at: "2018-04-17 09:00 Asia/Seoul""#))
        let again = try ScenarioReader.read(exported, file: "t.yaml")
        #expect(again.state == contents.state)
        // When the desk learned of the visit survives the round trip too.
        #expect(
            again.events.first { $0.type == "MessageReceived" }?.known
                == contents.events.first { $0.type == "MessageReceived" }?.known)
        #expect(again.events.first { $0.type == "MessageReceived" }?.known != nil)
    }
}

/// What people are told where they look (issue 16): titles and local times, not ids.
@Suite("Notices")
struct NoticeTests {
    @Test("a deadline's alarm names the deadline and its engagement by title, with the due time in its zone")
    func deadlineAlarm() {
        let deadline = Deadline(
            id: "deadline-80dedb37", title: "Send the proposal", engagement: Fixtures.engagementID, owedBy: "us",
            due: Fixtures.kst("06-29 23:59"), alarms: [Minutes(3)])
        let state = DeskState.folding(
            Fixtures.desk + [DeskEvent(at: Fixtures.opened.instant, .deadlineSet(deadline))])
        let alarm = DeskEvent(
            at: Fixtures.kst("06-29 23:56").instant, .deadlineAlarmRaised(deadline.id, lead: Minutes(3)))
        #expect(
            alarm.notice(in: state)
                == "Deadline “Send the proposal” for “Handshake at the DMZ” is due 2019-06-29 23:59 KST: 3m left")
        #expect(!alarm.notice(in: state).contains("deadline-80dedb37"))
    }
}
