import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParleyDesk
import ParleyServer
import ParleyStore
import ParleyTestSupport
import Testing

/// A desk set up and run from the browser and the API alone: a new desk, its nouns, a trip that slips,
/// and the refusals a tired staff meets.
@Suite("Workbench")
struct WorkbenchTests {
    static let formHeaders: HTTPFields = [
        .contentType: "application/x-www-form-urlencoded", .cookie: "parley_form=\(testFormToken)",
    ]

    /// A form body with the test browser's form token; repeated names (a multiple choice) as given.
    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.union(.init(charactersIn: "-._~"))
        let text = (fields + [("_csrf", testFormToken)]).map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed)!)="
                + "\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
        return ByteBuffer(string: text)
    }

    /// An empty store with the test accounts, on a fixed clock (2025-10-20 22:40 UTC).
    static func emptyLedger() async throws -> DeskLedger {
        let ledger = DeskLedger(
            store: InMemoryEventStore(), environment: .fixed(start: Date(timeIntervalSince1970: 1_761_000_000)))
        try await TestUsers.add(to: ledger)
        return ledger
    }

    /// Posts `fields` to `uri` and expects the redirect of an accepted form, returning where it leads.
    @discardableResult
    static func submit(
        _ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        let response = try await client.execute(uri: uri, method: .post, headers: formHeaders, body: form(fields))
        #expect(
            response.status == .seeOther, "\(uri): \(String(buffer: response.body).prefix(600))",
            sourceLocation: sourceLocation)
        return response.headers[.location] ?? ""
    }

    @Test("from an empty store: an admin opens a desk in the browser, an officer sets it up through the forms")
    func freshDesk() async throws {
        let ledger = try await Self.emptyLedger()
        try await buildApplication(ledger: ledger, configuration: .init(planSeconds: 0.2)).test(.router) { anonymous in
            let admin = SignedInClient(anonymous, as: "admin")
            let officer = SignedInClient(anonymous, as: "officer")
            try await admin.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("href=\"/new-desk\""))
            }
            // Opening a desk is the admins'.
            let refused = try await officer.execute(
                uri: "/new-desk", method: .post, headers: Self.formHeaders,
                body: Self.form([("title", "Korea, spring"), ("zone", "Asia/Seoul")]))
            #expect(refused.status == .forbidden)
            let opened = try await Self.submit(
                admin, "/new-desk", [("title", "Korea, spring"), ("zone", "Asia/Seoul")])
            #expect(opened == "/desks/korea-spring#setup")
            // The venue form offers the zones and takes its examples from the desk.
            try await officer.execute(uri: "/desks/korea-spring/new/venue", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(page.contains("<datalist id=\"zones\">"))
                #expect(page.contains("<option value=\"Europe/Zurich\">"))
                #expect(page.contains("value=\"Asia/Seoul\" list=\"zones\""))
            }
            let desk = "/desks/korea-spring/new/"
            try await Self.submit(officer, desk + "party", [("name", "United States")])
            try await Self.submit(officer, desk + "party", [("name", "Republic of Korea"), ("id", "rok")])
            try await Self.submit(
                officer, desk + "principal",
                [("name", "Joe Biden"), ("title", "President"), ("party", "united-states")])
            try await Self.submit(
                officer, desk + "venue",
                [
                    ("name", "Blue House"), ("city", "Seoul"), ("zone", "Asia/Seoul"), ("latitude", "37.5866"),
                    ("longitude", "126.9748"),
                ])
            try await Self.submit(
                officer, desk + "venue",
                [
                    ("name", "Hotel Okura"), ("city", "Tokyo"), ("zone", "Asia/Tokyo"), ("latitude", "35.6680"),
                    ("longitude", "139.7430"),
                ])
            try await Self.submit(
                officer, desk + "travel", [("from", "blue-house"), ("to", "hotel-okura"), ("time", "3h30m")])
            let trip = try await Self.submit(
                officer, desk + "trip",
                [
                    ("title", "Seoul and Tokyo"), ("principal", "joe-biden"),
                    ("stays[0].venue", "blue-house"), ("stays[0].lodging", "Grand Hyatt"),
                    ("stays[0].from", "2026-04-10 09:00"), ("stays[0].to", "2026-04-12 09:00"),
                    ("stays[1].venue", "hotel-okura"), ("stays[1].from", "2026-04-12 14:00 Asia/Tokyo"),
                    ("stays[1].to", "2026-04-14 10:00 Asia/Tokyo"),
                    ("commitments[0].title", "State dinner"), ("commitments[0].venue", "blue-house"),
                    ("commitments[0].start", "2026-04-10 19:00"), ("commitments[0].end", "2026-04-10 21:00"),
                ])
            #expect(trip == "/desks/korea-spring/trips/seoul-and-tokyo")
            let engagement = try await Self.submit(
                officer, desk + "engagement",
                [
                    ("title", "Talks with President Yoon"), ("counterpart", "rok"), ("principals", "joe-biden"),
                    ("duration", "1h30m"), ("priority", "2"), ("venues", "blue-house"), ("trip", "seoul-and-tokyo"),
                    ("windows[0].from", "2026-04-11 09:00"), ("windows[0].to", "2026-04-11 18:00"),
                ])
            #expect(engagement == "/desks/korea-spring/engagements/talks-with-president-yoon")
            try await Self.submit(
                officer, desk + "channel",
                [("name", "Embassy line"), ("kind", "hotline"), ("party", "rok"), ("status", "active")])
            try await Self.submit(
                officer, desk + "playbook",
                [
                    ("name", "If the embassy is silent"), ("engagement", "talks-with-president-yoon"),
                    ("steps[0].channel", "embassy-line"), ("steps[0].wait", "2h"), ("steps[0].repeat", "2"),
                ])
            try await Self.submit(
                officer, desk + "task",
                [
                    ("title", "Site survey"), ("kind", "site-survey"), ("engagement", "talks-with-president-yoon"),
                    ("venue", "blue-house"), ("duration", "3h"), ("lead_time", "1d"), ("owner", "Advance team"),
                ])
            try await Self.submit(
                officer, desk + "task",
                [
                    ("title", "Security sweep"), ("kind", "security-sweep"),
                    ("engagement", "talks-with-president-yoon"),
                    ("venue", "blue-house"), ("duration", "2h"), ("depends_on", "site-survey"),
                ])
            let (state, _) = try await ledger.load("korea-spring")
            #expect(state.profile?.zone.identifier == "Asia/Seoul")
            #expect(state.parties.keys.map(\.rawValue).sorted() == ["rok", "united-states"])
            #expect(state.travelOverride(from: "hotel-okura", to: "blue-house") == Minutes(210))
            #expect(state.trips["seoul-and-tokyo"]?.stays.map(\.lodging) == ["Grand Hyatt", ""])
            #expect(state.trips["seoul-and-tokyo"]?.stays.last?.period.from.zone.identifier == "Asia/Tokyo")
            #expect(state.engagements["talks-with-president-yoon"]?.duration == Minutes(90))
            #expect(state.playbooks["if-the-embassy-is-silent"]?.steps.first?.repeats == 2)
            #expect(state.tasks["site-survey"]?.owner == "Advance team")
            #expect(state.tasks["security-sweep"]?.dependsOn == ["site-survey"])
            // The desk built in the browser exports to a scenario file that imports to an equal desk.
            let exported = ScenarioWriter.write(state)
            #expect(try ScenarioReader.read(exported, file: "export.yaml").state == state)
        }
    }

    @Test("a refused form shows the message beside its field and keeps everything typed")
    func refusedForm() async throws {
        try await demoApplication().test(.router) { anonymous in
            let officer = SignedInClient(anonymous)
            let response = try await officer.execute(
                uri: "/desks/asia-trip/new/venue", method: .post, headers: Self.formHeaders,
                body: Self.form([
                    ("name", "Peace House"), ("zone", "Asia/Seoul"), ("latitude", "north"), ("longitude", "126.67"),
                ]))
            #expect(response.status == .unprocessableContent)
            let page = String(buffer: response.body)
            #expect(page.contains("<span class=\"field-error\" id=\"error-latitude\" role=\"alert\">"))
            #expect(page.contains("value=\"Peace House\""))
            #expect(page.contains("value=\"126.67\""))
            // A row's field is named in the row.
            let window = try await officer.execute(
                uri: "/desks/asia-trip/new/engagement", method: .post, headers: Self.formHeaders,
                body: Self.form([
                    ("title", "Another"), ("counterpart", "dprk"), ("principals", "trump"), ("duration", "1h"),
                    ("windows[0].from", "2025-10-29 09:00"), ("windows[0].to", "teatime"),
                ]))
            #expect(window.status == .unprocessableContent)
            let windowPage = String(buffer: window.body)
            #expect(windowPage.contains("id=\"error-windows[0].to\""))
            #expect(windowPage.contains("value=\"teatime\""))
            // Something that cannot be added yet says what is missing instead of showing a form.
            let empty = try await Self.emptyLedger()
            _ = try await empty.execute(
                .openDesk(
                    DeskProfile(
                        name: "bare", title: "Bare", zone: .utc,
                        opened: ZonedTime(Date(timeIntervalSince1970: 1_761_000_000), zone: .utc))),
                on: "bare", actor: "test")
            try await buildApplication(ledger: empty, configuration: .init()).test(.router) { other in
                try await SignedInClient(other).execute(uri: "/desks/bare/new/engagement", method: .get) { response in
                    #expect(
                        String(buffer: response.body).contains("Add a party (the counterpart) and a principal first."))
                }
                try await SignedInClient(other).execute(uri: "/desks/bare/new/nothing", method: .get) { response in
                    #expect(response.status == .notFound)
                }
            }
        }
    }

    @Test("a stay that slips an hour is changed on the trip page, and the trip follows; commitments keep their ids")
    func tripSlips() async throws {
        try await demoApplication().test(.router) { anonymous in
            // The demo trip carries a compartmented meeting: its schedule is changed by someone who sees it.
            let officer = SignedInClient(anonymous, as: "admin")
            let page = String(
                buffer: try await officer.execute(uri: "/desks/asia-trip/trips/asia-2025", method: .get).body)
            // The form shows the trip as it stands, times typed back with their zone.
            let fields = Self.inputs(in: page)
            #expect(fields["stays[0].from"]?.hasSuffix("Asia/Tokyo") == true, "\(fields)")
            var changed = fields
            let commitmentStart = try #require(fields["commitments[0].start"])
            changed["commitments[0].start"] = try Self.shifted(commitmentStart, hours: 1)
            changed["commitments[0].end"] = try Self.shifted(try #require(fields["commitments[0].end"]), hours: 1)
            changed["reason"] = "The summit slipped an hour"
            let location = try await Self.submit(
                officer, "/desks/asia-trip/trips/asia-2025/amend", changed.sorted { $0.key < $1.key }.map { ($0, $1) })
            #expect(location == "/desks/asia-trip/trips/asia-2025")
            let after = String(
                buffer: try await officer.execute(uri: "/desks/asia-trip/trips/asia-2025", method: .get).body)
            let now = Self.inputs(in: after)
            #expect(now["commitments[0].start"] == changed["commitments[0].start"])
            #expect(now["commitments[0].id"] == fields["commitments[0].id"])
            // An officer outside the demo's compartment renames the trip through the same form: the schedule
            // they send back is the one shown, so nothing hidden moves and the change is taken.
            let outsider = SignedInClient(anonymous)
            var renamed = Self.inputs(
                in: String(
                    buffer: try await outsider.execute(uri: "/desks/asia-trip/trips/asia-2025", method: .get).body))
            renamed["title"] = "Asia trip, as planned"
            renamed["reason"] = "A shorter title"
            try await Self.submit(
                outsider, "/desks/asia-trip/trips/asia-2025/amend", renamed.sorted { $0.key < $1.key }.map { ($0, $1) })
            // Without a reason nothing changes, and the form says why beside the field.
            var unexplained = Self.inputs(
                in: String(
                    buffer: try await officer.execute(uri: "/desks/asia-trip/trips/asia-2025", method: .get).body))
            unexplained["reason"] = ""
            let refused = try await officer.execute(
                uri: "/desks/asia-trip/trips/asia-2025/amend", method: .post, headers: Self.formHeaders,
                body: Self.form(unexplained.sorted { $0.key < $1.key }.map { ($0, $1) }))
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("id=\"error-reason\""))
        }
    }

    @Test(
        "a party, principal, venue, channel or playbook is changed on its own page, filled with the record as it stands"
    )
    func editRecords() async throws {
        try await demoApplication().test(.router) { anonymous in
            let officer = SignedInClient(anonymous)
            let page = String(
                buffer: try await officer.execute(uri: "/desks/dmz-2019/edit/venue/panmunjom", method: .get).body)
            var venue = Self.inputs(in: page)
            #expect(venue["zone"] == "Asia/Seoul")
            #expect(venue["name"]?.isEmpty == false)
            venue["name"] = "Panmunjom (JSA)"
            venue["reason"] = "The survey's name for it"
            try await Self.submit(
                officer, "/desks/dmz-2019/edit/venue/panmunjom", venue.sorted { $0.key < $1.key }.map { ($0, $1) })
            try await officer.execute(uri: "/api/v1/desks/dmz-2019/venues/panmunjom", method: .get) { response in
                #expect(String(buffer: response.body).contains("\"name\":\"Panmunjom (JSA)\""))
            }
            // Without a reason the form comes back with the message beside it and the name kept.
            venue = Self.inputs(
                in: String(
                    buffer: try await officer.execute(uri: "/desks/dmz-2019/edit/venue/panmunjom", method: .get).body))
            venue["reason"] = ""
            venue["name"] = "Another name"
            let refused = try await officer.execute(
                uri: "/desks/dmz-2019/edit/venue/panmunjom", method: .post, headers: Self.formHeaders,
                body: Self.form(venue.sorted { $0.key < $1.key }.map { ($0, $1) }))
            #expect(refused.status == .unprocessableContent)
            let refusedPage = String(buffer: refused.body)
            #expect(refusedPage.contains("id=\"error-reason\"") && refusedPage.contains("value=\"Another name\""))
            // A playbook not yet started gets other steps, written as files write them.
            try await Self.submit(
                officer, "/desks/asia-trip/new/playbook",
                [
                    ("name", "Quiet try"), ("engagement", "kim-meeting"), ("steps[0].channel", "dmz-hotline"),
                    ("steps[0].wait", "1h"),
                ])
            let playbook = Self.inputs(
                in: String(
                    buffer: try await officer.execute(uri: "/desks/asia-trip/edit/playbook/quiet-try", method: .get)
                        .body))
            #expect(playbook["steps[0].wait"] == "1h")
            var changed = playbook
            changed["steps[0].wait"] = "3h"
            changed["steps[0].repeat"] = "2"
            changed["reason"] = "Give them longer"
            let location = try await Self.submit(
                officer, "/desks/asia-trip/edit/playbook/quiet-try", changed.sorted { $0.key < $1.key }.map { ($0, $1) }
            )
            #expect(location == "/desks/asia-trip/engagements/kim-meeting#playbooks")
            try await officer.execute(uri: "/api/v1/desks/asia-trip/playbooks/quiet-try", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("\"wait\":180") && text.contains("\"repeats\":2"), "\(text)")
            }
            try await officer.execute(uri: "/desks/asia-trip/edit/venue/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test(
        "someone else's entry elsewhere does not fail a move; a change of the same engagement does, keeping what was typed"
    )
    func conflictsOnlyOnTheSameThing() async throws {
        try await demoApplication().test(.router) { anonymous in
            let officer = SignedInClient(anonymous)
            let other = SignedInClient(anonymous, as: "admin")
            let json: HTTPFields = [.contentType: "application/json"]
            func seen() async throws -> String {
                let page = String(
                    buffer: try await officer.execute(uri: "/desks/asia-trip/engagements/kim-meeting", method: .get)
                        .body)
                return try #require(Self.inputs(in: page)["seen"])
            }
            let first = try await seen()
            // Someone records an attempt on another channel: the desk moved on, this engagement did not.
            try await other.execute(
                uri: "/api/v1/desks/asia-trip/attempts", method: .post, headers: json,
                body: ByteBuffer(string: #"{"channel":"letter","outcome":"unanswered"}"#)
            ) { response in
                #expect(response.status == .created, "\(String(buffer: response.body))")
            }
            let moved = try await officer.execute(
                uri: "/desks/asia-trip/engagements/kim-meeting/move", method: .post, headers: Self.formHeaders,
                body: Self.form([("seen", first), ("to", "outreach"), ("by", "desk"), ("reason", "A letter went")]))
            #expect(moved.status == .seeOther, "\(String(buffer: moved.body).prefix(400))")
            // Someone amends this very engagement after the page was shown: the form comes back.
            let second = try await seen()
            try await other.execute(
                uri: "/api/v1/desks/asia-trip/engagements/kim-meeting/amend", method: .post, headers: json,
                body: ByteBuffer(string: #"{"purpose":"A handshake and talks","reason":"Talks followed"}"#)
            ) { response in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
            }
            let refused = try await officer.execute(
                uri: "/desks/asia-trip/engagements/kim-meeting/amend", method: .post, headers: Self.formHeaders,
                body: Self.form([("seen", second), ("priority", "1"), ("reason", "Typed meanwhile")]))
            #expect(refused.status == .conflict)
            let page = String(buffer: refused.body)
            #expect(page.contains("Someone else changed this while you were editing"))
            #expect(page.contains("value=\"Typed meanwhile\""))
            #expect(page.contains("A handshake and talks"))
        }
    }

    @Test("the API creates with the scenario files' names, opens desks for admins, and sets travel both ways")
    func apiCreation() async throws {
        try await demoApplication().test(.router) { anonymous in
            let json: HTTPFields = [.contentType: "application/json"]
            let officer = SignedInClient(anonymous)
            let admin = SignedInClient(anonymous, as: "admin")
            let desk = #"{"title":"Geneva talks","zone":"Europe/Zurich"}"#
            try await officer.execute(
                uri: "/api/v1/desks", method: .post, headers: json, body: ByteBuffer(string: desk)
            ) { response in
                #expect(response.status == .forbidden)
            }
            try await admin.execute(
                uri: "/api/v1/desks", method: .post, headers: json, body: ByteBuffer(string: desk)
            ) { response in
                #expect(response.status == .created, "\(String(buffer: response.body))")
                #expect(String(buffer: response.body).contains("\"name\":\"geneva-talks\""))
            }
            try await admin.execute(
                uri: "/api/v1/desks", method: .post, headers: json,
                body: ByteBuffer(string: #"{"title":"Geneva talks","zone":"Europe/Zurich","webhook":"http://x"}"#)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("\"field\":\"webhook\""))
            }
            let engagement =
                #"{"title":"Working lunch","principals":["trump"],"counterpart":"dprk","duration":"1h30m","windows":[{"from":"2025-10-29 11:00","to":"2025-10-29 15:00 Asia/Seoul"}],"venues":["busan"]}"#
            try await officer.execute(
                uri: "/api/v1/desks/asia-trip/engagements", method: .post, headers: json,
                body: ByteBuffer(string: engagement)
            ) { response in
                #expect(response.status == .created, "\(String(buffer: response.body))")
                let text = String(buffer: response.body)
                #expect(text.contains("\"id\":\"working-lunch\"") && text.contains("\"state\":\"idea\""))
                #expect(text.contains("\"duration\":90"))
            }
            // The demo desk holds a compartmented meeting nobody here is cleared for: travel times, which
            // could move it, are set only by someone who sees the whole desk.
            try await officer.execute(
                uri: "/api/v1/desks/asia-trip/travel", method: .post, headers: json,
                body: ByteBuffer(string: #"{"from":"tokyo","to":"busan","time":"2h15m"}"#)
            ) { response in
                #expect(response.status == .unprocessableContent, "\(String(buffer: response.body))")
            }
            // On a desk without compartments the officer sets it, both ways.
            try await officer.execute(
                uri: "/api/v1/desks/dmz-2019/travel", method: .post, headers: json,
                body: ByteBuffer(string: #"{"from":"osaka","to":"seoul","time":"2h15m"}"#)
            ) { response in
                #expect(response.status == .created, "\(String(buffer: response.body))")
            }
            try await officer.execute(uri: "/api/v1/desks/asia-trip/summary", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test(
        "what review found: row errors in the form's numbering, nested unknown fields, bounded lists, keyed desk retries"
    )
    func reviewFindings() async throws {
        try await demoApplication().test(.router) { anonymous in
            let officer = SignedInClient(anonymous)
            let admin = SignedInClient(anonymous, as: "admin")
            let json: HTTPFields = [.contentType: "application/json"]
            // The first stay row left empty, the second wrong: the message stands beside the second.
            let refused = try await officer.execute(
                uri: "/desks/asia-trip/new/trip", method: .post, headers: Self.formHeaders,
                body: Self.form([
                    ("title", "Another trip"), ("principal", "trump"), ("stays[1].venue", "busan"),
                    ("stays[1].from", "2025-10-29 09:00"), ("stays[1].to", "soon"),
                ]))
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("id=\"error-stays[1].to\""))
            // A step's old name inside the list is refused by name, not dropped.
            try await officer.execute(
                uri: "/api/v1/desks/asia-trip/playbooks", method: .post, headers: json,
                body: ByteBuffer(
                    string:
                        #"{"name":"P","engagement":"kim-meeting","steps":[{"channel":"letter","wait":"1h","repeats":3}]}"#
                )
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("\"field\":\"steps[0].repeats\""))
            }
            // A list longer than a desk holds is refused before it is read.
            let many = (0..<3_000).map { _ in
                #"{"title":"Same","venue":"busan","start":"2025-10-29 09:00","end":"2025-10-29 10:00"}"#
            }.joined(separator: ",")
            try await officer.execute(
                uri: "/api/v1/desks/asia-trip/trips", method: .post, headers: json,
                body: ByteBuffer(string: #"{"title":"T","principal":"trump","commitments":[\#(many)]}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("\"field\":\"commitments\""))
            }
            // A desk opened with a key, repeated: the same desk, once.
            var keyed = json
            keyed[HTTPField.Name("Idempotency-Key")!] = "open-geneva-1"
            for _ in 0..<2 {
                try await admin.execute(
                    uri: "/api/v1/desks", method: .post, headers: keyed,
                    body: ByteBuffer(string: #"{"title":"Geneva talks","zone":"Europe/Zurich"}"#)
                ) { response in
                    #expect(response.status == .created, "\(String(buffer: response.body))")
                    #expect(String(buffer: response.body).contains("\"name\":\"geneva-talks\""))
                }
            }
            try await admin.execute(uri: "/api/v1/desks", method: .get) { response in
                #expect(!String(buffer: response.body).contains("geneva-talks-2"))
            }
            // A venue's place forgotten on its edit page: both coordinates emptied.
            var venue = Self.inputs(
                in: String(
                    buffer: try await admin.execute(uri: "/desks/dmz-2019/edit/venue/seoul", method: .get).body))
            venue["latitude"] = ""
            venue["longitude"] = ""
            venue["reason"] = "The hotel is not chosen yet"
            try await Self.submit(
                admin, "/desks/dmz-2019/edit/venue/seoul", venue.sorted { $0.key < $1.key }.map { ($0, $1) })
            try await admin.execute(uri: "/api/v1/desks/dmz-2019/venues/seoul", method: .get) { response in
                #expect(!String(buffer: response.body).contains("coordinates"))
            }
        }
    }

    /// The values of the named inputs and the selected options of a page's forms.
    static func inputs(in page: String) -> [String: String] {
        var values: [String: String] = [:]
        let input = try! Regex(#"<input[^>]*name="([^"]+)"[^>]*value="([^"]*)""#)
        for match in page.matches(of: input) {
            let name = String(match.output[1].substring ?? "")
            values[name] = Self.unescaped(String(match.output[2].substring ?? ""))
        }
        let select = try! Regex(#"<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>"#).dotMatchesNewlines()
        let selected = try! Regex(#"<option value="([^"]*)" selected"#)
        for match in page.matches(of: select) {
            let name = String(match.output[1].substring ?? "")
            let options = String(match.output[2].substring ?? "")
            values[name] = options.firstMatch(of: selected).map { String($0.output[1].substring ?? "") } ?? ""
        }
        return values.filter { !$0.key.hasPrefix("_") && $0.key != "version" && $0.key != "q" }
    }

    private static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `~2025-10-29 10:00 Asia/Seoul` moved by `hours`, typed the same way.
    static func shifted(_ typed: String, hours: Int) throws -> String {
        let time = try ZonedTime.parse(typed, field: "t", defaultZone: nil)
        let moved = time.instant.addingTimeInterval(Double(hours) * 3600)
        return ZonedTime(moved, zone: time.zone, approximate: time.approximate).scenarioText
    }
}
