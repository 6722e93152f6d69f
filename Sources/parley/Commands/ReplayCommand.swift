import ArgumentParser
import Foundation
import ParleyDesk

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `parley replay SCENARIO`: feeds a scenario's events to a running desk in accelerated real time, so that
/// an evening can be watched unfold in the browser.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Feed a scenario's events, in the order they happened, to a running desk at N times real speed.")

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(help: "How many times faster than real time (600: ten minutes of the story per second).")
    var speed: Double = 600

    @Option(help: "The running server.")
    var url: String = "http://127.0.0.1:8080"

    @Option(name: .customLong("as"), help: "The desk's name on the server (default: the scenario's).")
    var deskName: String?

    @Option(help: "Wait at most this many seconds between two events, however long the quiet in the story.")
    var maxPause: Double = 5

    @Option(help: "Sign in as this officer or admin; the password comes from PARLEY_PASSWORD or a prompt.")
    var user: String

    func validate() throws {
        guard speed > 0 else { throw ValidationError("--speed: expected a positive number, found \(speed)") }
    }

    func run() async throws {
        let text: String
        do {
            text = try String(contentsOfFile: scenario, encoding: .utf8)
        } catch {
            throw CommandLineError("cannot read \(scenario): \((error as NSError).localizedDescription)")
        }
        let contents = try ScenarioReader.read(text, file: scenario)
        let desk = deskName ?? contents.profile.name
        guard let base = URL(string: url) else { throw CommandLineError("--url: not a URL: \(url)") }
        let token = try await signIn(base: base)
        // By when things happened; the desk opens first whatever its date.
        var queue = contents.events.enumerated().sorted {
            ($0.element.fact.isOpening ? 0 : 1, $0.element.at, $0.offset) < (
                $1.element.fact.isOpening ? 0 : 1, $1.element.at, $1.offset
            )
        }.map(\.element)
        var clock: Date?
        var deferred: [DeskEvent] = []
        var sent = 0
        while !queue.isEmpty {
            let event = queue.removeFirst()
            if let previous = clock, event.at > previous {
                let pause = min(event.at.timeIntervalSince(previous) / speed, maxPause)
                try await Task.sleep(for: .milliseconds(Int(pause * 1000)))
            }
            clock = max(clock ?? event.at, event.at)
            switch try await post(event, desk: desk, base: base, token: token) {
            case .accepted:
                sent += 1
                print("\(ZonedTime.display(event.at, in: contents.profile.zone))  \(event.summary)")
                // Something that waited for this event may go now.
                queue.insert(contentsOf: deferred, at: 0)
                deferred = []
            case .refused(let reason, let dangling):
                // Recorded before what it refers to (a later-opened engagement): try again after the next event.
                guard dangling, !queue.isEmpty else {
                    throw CommandLineError("the desk refused \(event.type): \(reason)")
                }
                deferred.append(event)
            }
        }
        print("replayed \(sent) events into desk '\(desk)' at \(url)")
    }

    private enum Outcome {
        case accepted
        /// Refused, and whether because it refers to something not there yet.
        case refused(String, dangling: Bool)
    }

    /// Opens an API session as `user`.
    private func signIn(base: URL) async throws -> String {
        let password =
            try ProcessInfo.processInfo.environment["PARLEY_PASSWORD"]
            ?? Password.read(prompt: "Password for \(user): ")
        var request = URLRequest(url: base.appendingPathComponent("api/v1/session"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: ["name": user, "password": password])
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw CommandLineError("cannot reach \(base.absoluteString): \(error.localizedDescription)")
        }
        let answer = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard (response as? HTTPURLResponse)?.statusCode == 200, let token = answer?["token"] as? String else {
            throw CommandLineError("cannot sign in as \(user): \(answer?["detail"] as? String ?? "refused")")
        }
        return token
    }

    private func post(_ event: DeskEvent, desk: String, base: URL, token: String) async throws -> Outcome {
        var request = URLRequest(url: base.appendingPathComponent("api/v1/desks/\(desk)/events"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let payload = try JSONSerialization.jsonObject(with: try event.encodedPayload())
        request.httpBody = try JSONSerialization.data(withJSONObject: ["type": event.type, "payload": payload])
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw CommandLineError("cannot reach \(base.absoluteString): \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        switch status {
        case 200..<300: return .accepted
        case 422:
            let detail =
                (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["detail"] as? String ?? "refused"
            return .refused(detail, dangling: detail.contains(" on this desk"))
        default:
            throw CommandLineError("the server answered HTTP \(status): \(String(decoding: data, as: UTF8.self))")
        }
    }
}

extension DeskEvent.Fact {
    /// Whether this is the desk's first event.
    fileprivate var isOpening: Bool {
        if case .deskOpened = self { return true }
        return false
    }
}
