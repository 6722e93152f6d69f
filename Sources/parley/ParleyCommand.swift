import ArgumentParser
import Foundation
import ParleyDesk
import ParleyStore

/// The `parley` command: a desk for arranging meetings between leaders when the other side may not answer.
@main
struct ParleyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Plan a principal's trip, reach a counterpart, and keep an honest record of it.",
        discussion:
            "Exit status: 0 ok, 1 a user error or conflict (one line on stderr), 2 storage that cannot be used "
            + "or an internal error.",
        subcommands: [
            ImportCommand.self, ExportCommand.self, StatusCommand.self, TimelineCommand.self, VerifyCommand.self,
            ServeCommand.self, PlanCommand.self, ReadinessCommand.self, AssessCommand.self, CalibrateCommand.self,
            TickCommand.self,
            ReplayCommand.self, CheckpointCommand.self, UserCommand.self, CompartmentCommand.self,
            RecordCommand.self, StressAppendCommand.self,
            BenchCommand.self,
        ]
    )

    /// Parses, runs, and maps every failure to one line on stderr and an exit status, in one place.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let (status, line) = ExitStatus.classify(
                error, usage: { fullMessage(for: $0) }, code: { exitCode(for: $0) })
            guard let line else { exit(withError: error) }
            FileHandle.standardError.write(Data((line + "\n").utf8))
            Foundation.exit(status)
        }
    }
}

/// How a failure ends the process: which status, and which line on stderr.
enum ExitStatus {
    /// The status and message for `error`; nil message means let the argument parser print it (help, version).
    static func classify(
        _ error: any Error, usage: (any Error) -> String, code: (any Error) -> ExitCode
    ) -> (Int32, String?) {
        if let error = error as? StoreError, error.code == .corrupt {
            return (2, "parley: damaged record: " + error.message)
        }
        if let error = error as? any CategorizedError {
            switch error.category {
            case .user: return (1, "parley: " + error.message)
            case .conflict: return (1, "parley: conflict: " + error.message)
            // Not a bug in Parley: the disk or the database server refused; the message says which.
            case .unavailable: return (2, "parley: storage unavailable: " + error.message)
            case .internal: return (2, "parley: internal error: " + error.message)
            }
        }
        if let exitCode = error as? ExitCode { return (exitCode.rawValue, nil) }
        let parserCode = code(error)
        if parserCode == .success { return (0, nil) }
        if parserCode == .validationFailure { return (1, "parley: " + usage(error)) }
        return (2, "parley: internal error: \(error)")
    }
}
