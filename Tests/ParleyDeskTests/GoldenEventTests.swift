import Foundation
import ParleyDesk
import ParleyScenarios
import ParleyTestSupport
import Testing

/// The log's bytes are a contract: every event type, in every version a log may hold, has a committed
/// golden file (docs/adr/0015-event-payloads.md).
@Suite("Golden event payloads")
struct GoldenEventTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/golden/desk")

    static func file(_ type: String, _ version: Int) -> URL {
        directory.appendingPathComponent("\(type).v\(version).json")
    }

    @Test("every type and version Parley reads has a golden file and a fixed event")
    func everyFormatIsPinned() throws {
        let formats = DeskEvent.readableFormats
        #expect(Set(formats.map(\.type)).count == 35)
        for (type, version) in formats {
            #expect(FileManager.default.fileExists(atPath: Self.file(type, version).path), "\(type) v\(version)")
            let pinned =
                DeskEvent.currentVersion(of: type) == version
                ? GoldenEvents.current[type] : GoldenEvents.legacy[type]?[version]
            #expect(pinned != nil, "no fixed event for \(type) v\(version)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter {
            $0.hasSuffix(".json")
        }
        #expect(files.count == formats.count, "a golden file for a format Parley no longer reads: \(files.sorted())")
    }

    @Test("the current version of each type encodes to its golden file byte for byte, and reads back")
    func currentVersions() throws {
        for (type, event) in GoldenEvents.current.sorted(by: { $0.key < $1.key }) {
            let version = try #require(DeskEvent.currentVersion(of: type))
            #expect(event.schemaVersion == version)
            let encoded = try event.encodedPayload()
            let url = Self.file(type, version)
            guard let golden = FileManager.default.contents(atPath: url.path) else {
                try encoded.write(to: url)
                Issue.record("recorded \(url.lastPathComponent); review it and commit it")
                continue
            }
            #expect(
                encoded == golden,
                "\(type) v\(version) now writes\n\(String(decoding: encoded, as: UTF8.self))\nnot\n\(String(decoding: golden, as: UTF8.self))"
            )
            #expect(try DeskEvent.decode(type: type, schemaVersion: version, payload: golden) == event)
        }
    }

    @Test("each older version reads, through its upcaster, as the event it always meant")
    func legacyVersions() throws {
        for (type, versions) in GoldenEvents.legacy.sorted(by: { $0.key < $1.key }) {
            for (version, event) in versions {
                let golden = try #require(
                    FileManager.default.contents(atPath: Self.file(type, version).path), "\(type) v\(version)")
                #expect(
                    try DeskEvent.decode(type: type, schemaVersion: version, payload: golden) == event,
                    "\(type) v\(version)")
            }
        }
    }

    @Test("a version 1 payload holding lifecycle state no rule ever let through is refused, not half-read")
    func upcasterRefusesWhatItCannotCarry() throws {
        let golden = try #require(FileManager.default.contents(atPath: Self.file("EngagementOpened", 1).path))
        let smuggled = String(decoding: golden, as: UTF8.self).replacingOccurrences(
            of: "\"state\":\"idea\"", with: "\"state\":\"confirmed\"")
        #expect(smuggled != String(decoding: golden, as: UTF8.self))
        let error = #expect(throws: EventDecodingError.self) {
            try DeskEvent.decode(type: "EngagementOpened", schemaVersion: 1, payload: Data(smuggled.utf8))
        }
        #expect(error?.message.contains("state") == true)
    }

    @Test("an unknown version or type is refused with what this Parley reads")
    func unknownFormats() {
        let version = #expect(throws: EventDecodingError.self) {
            try DeskEvent.decode(type: "EngagementOpened", schemaVersion: 7, payload: Data("{}".utf8))
        }
        #expect(
            version?.message
                == "cannot read stored event of type EngagementOpened: schema version 7 is not supported (this version reads 1, 2)"
        )
        let type = #expect(throws: EventDecodingError.self) {
            try DeskEvent.decode(type: "EngagementRenamed", schemaVersion: 1, payload: Data("{}".utf8))
        }
        #expect(type?.message == "cannot read stored event of type EngagementRenamed: unknown event type")
    }

    @Test("every event of both demos and of generated desks survives writing and reading", arguments: 0..<30)
    func roundTrip(seed: Int) throws {
        let events: [DeskEvent]
        if seed < DemoScenarios.fileNames.count {
            let demo = try #require(try DemoScenarios.all().first { $0.fileName == DemoScenarios.fileNames[seed] })
            events = try ScenarioReader.read(demo.text, file: demo.fileName).events
        } else {
            let state = DeskGenerator.desk(seed: UInt64(seed))
            events = try ScenarioReader.read(ScenarioWriter.write(state), file: "generated-\(seed).yaml").events
        }
        for event in events {
            let read = try DeskEvent.decode(
                type: event.type, schemaVersion: event.schemaVersion, payload: try event.encodedPayload())
            #expect(read == event, "seed \(seed): \(event.type)")
        }
    }
}
