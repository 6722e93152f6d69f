import Foundation
import ParleyTestSupport
import Testing

/// `parley record`: a desk kept from a terminal, under the same rules as the browser and the API.
@Suite("parley record")
struct RecordCommandTests {
    @Test(
        "a message, a jump to confirmed with the agreed slot, and a refusal of a time in the future, each one line"
    )
    func recordFromTheTerminal() throws {
        let parley = try ParleyProcess()
        #expect(try parley.run(["verify", "--demo"]).status == 0)
        let message = try parley.run([
            "record", "message", "--desk", "asia-trip", "--from", "dprk", "--summary", "Pyongyang answers",
            "--stance", "open", "--engagement", "kim-meeting", "--at", "2025-10-28 09:00", "--actor", "officer",
        ])
        #expect(message.status == 0, "\(message.stderr)")
        #expect(message.stdout.contains("from dprk [open]: Pyongyang answers"))
        let move = try parley.run([
            "record", "move", "kim-meeting", "--desk", "asia-trip", "--to", "confirmed", "--reason", "They accept",
            "--at", "2025-10-28 10:00", "--slot-start", "2025-10-30 10:00",
        ])
        #expect(move.status == 0, "\(move.stderr)")
        #expect(move.stdout.contains("exploring → confirmed (skipping outreach, in contact, planning, proposed)"))
        #expect(move.stdout.contains("slot agreed, 2025-10-30 10:00 KST for 1h at panmunjom"))
        // Typed today about 2025: learned today, which the timeline says.
        let timeline = try parley.run(["timeline", "--desk", "asia-trip", "--engagement", "kim-meeting"])
        #expect(timeline.stdout.contains("Pyongyang answers (learned "))
        let future = try parley.run([
            "record", "attempt", "--desk", "asia-trip", "--channel", "kcna", "--outcome", "delivered", "--at",
            "2099-01-01 09:00",
        ])
        #expect(future.status == 1)
        #expect(future.stderr.hasPrefix("parley: at: expected a time no later than now ("))
        let unknown = try parley.run([
            "record", "move", "nowhere", "--desk", "asia-trip", "--to", "held", "--reason", "r",
        ])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "parley: engagement: no engagement with id 'nowhere' on this desk\n")
    }

    @Test(
        "a mistaken entry is retracted by its number on the timeline, which then shows it struck; a second try is refused"
    )
    func retractFromTheTerminal() throws {
        let parley = try ParleyProcess()
        #expect(try parley.run(["verify", "--demo"]).status == 0)
        let attempt = try parley.run([
            "record", "attempt", "--desk", "asia-trip", "--channel", "kcna", "--outcome", "refused", "--engagement",
            "kim-meeting", "--note", "meant for another desk", "--at", "2025-10-28 09:00",
        ])
        #expect(attempt.status == 0, "\(attempt.stderr)")
        let number = try #require(attempt.stdout.split(separator: "#").last?.split(separator: " ").first)
        let retract = try parley.run([
            "record", "retract", String(number), "--desk", "asia-trip", "--reason", "Wrong desk",
        ])
        #expect(retract.status == 0, "\(retract.stderr)")
        #expect(retract.stdout.contains("entry \(number) retracted (ContactAttemptRecorded): Wrong desk"))
        let timeline = try parley.run(["timeline", "--desk", "asia-trip", "--engagement", "kim-meeting"])
        #expect(timeline.stdout.contains("[RETRACTED by #\(Int(number)! + 1): Wrong desk]"))
        let again = try parley.run([
            "record", "retract", String(number), "--desk", "asia-trip", "--reason", "Again",
        ])
        #expect(again.status == 1)
        #expect(again.stderr.contains("entry: expected an entry not yet retracted"))
    }
}
