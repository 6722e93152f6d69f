import ArgumentParser
import Crypto
import Foundation
import ParleyDesk
import ParleyStore

/// `parley checkpoint`: signed checkpoints of every desk's length and head, for an auditor to keep.
struct CheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Take, or check, a signed checkpoint of every desk (catches truncation and rewriting).",
        discussion: """
            Keep the checkpoint file and the public key somewhere the database's owner cannot change them. \
            `parley checkpoint keygen auditor.key` makes a key pair; `parley checkpoint --key auditor.key -o \
            cp.json` takes a checkpoint; `parley checkpoint verify cp.json --public-key auditor.key.pub` \
            compares the log with it (exit 1 when a desk was truncated, rewritten or broken).
            """,
        subcommands: [TakeCheckpointCommand.self, VerifyCheckpointCommand.self, CheckpointKeygenCommand.self],
        defaultSubcommand: TakeCheckpointCommand.self)
}

/// `parley checkpoint [take]`: signs the current length and head of every desk.
struct TakeCheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "take", abstract: "Sign the current length and head hash of every desk.")

    @OptionGroup var store: StoreOptions

    @Option(help: "The Ed25519 private key file (from `parley checkpoint keygen`).")
    var key: String

    @Option(name: .shortAndLong, help: "Write the checkpoint here (default: standard output).")
    var output: String?

    func run() async throws {
        let privateKey = try KeyFiles.privateKey(at: key)
        try await store.withLedger { ledger in
            let checkpoint = try await Checkpoint.take(of: ledger.store, signedWith: privateKey, at: Date())
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(checkpoint) + Data("\n".utf8)
            if let output {
                try data.write(to: URL(fileURLWithPath: output))
                FileHandle.standardError.write(
                    Data("checkpoint of \(checkpoint.desks.count) desks written to \(output)\n".utf8))
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}

/// `parley checkpoint verify FILE`: compares the log with a checkpoint signed by a trusted key.
struct VerifyCheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Compare every desk with a checkpoint; exit 1 if one was cut or changed.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The checkpoint file.")
    var file: String

    @Option(
        name: .customLong("public-key"),
        help: "The public key you trust: a file from keygen (KEY.pub) or the base64 text itself.")
    var publicKey: String

    func run() async throws {
        let trusted = try KeyFiles.publicKey(publicKey)
        let checkpoint: Checkpoint
        do {
            checkpoint = try JSONDecoder().decode(Checkpoint.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
        } catch let error as DecodingError {
            throw CommandLineError("\(file): not a Parley checkpoint (\(error.localizedDescription))")
        } catch {
            throw CommandLineError("\(file): cannot be read (\(error.localizedDescription))")
        }
        try await store.withLedger { ledger in
            let findings = try await checkpoint.verify(ledger.store, trustedKey: trusted)
            print("checkpoint taken \(checkpoint.takenAt), signature valid")
            for finding in findings { print(finding.line) }
            if findings.contains(where: { !$0.isConsistent }) { throw ExitCode(1) }
        }
    }
}

/// `parley checkpoint keygen FILE`: a new Ed25519 key pair for signing checkpoints.
struct CheckpointKeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen", abstract: "Make an Ed25519 key pair: FILE (private, mode 600) and FILE.pub.")

    @Argument(help: "Where to write the private key; the public key goes to FILE.pub.")
    var file: String

    func run() throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw CommandLineError("\(file) already exists; refusing to overwrite a key")
        }
        let key = Curve25519.Signing.PrivateKey()
        let created = FileManager.default.createFile(
            atPath: file, contents: Data((key.rawRepresentation.base64EncodedString() + "\n").utf8),
            attributes: [.posixPermissions: 0o600])
        guard created else { throw CommandLineError("\(file): cannot be written") }
        let publicText = key.publicKey.rawRepresentation.base64EncodedString()
        try (publicText + "\n").write(toFile: file + ".pub", atomically: true, encoding: .utf8)
        print("private key: \(file) (keep it with whoever takes checkpoints)")
        print("public key:  \(file).pub \(publicText) (give it to the auditor)")
    }
}

/// Reading the key files `keygen` writes.
enum KeyFiles {
    /// The private key in `path`.
    static func privateKey(at path: String) throws -> Curve25519.Signing.PrivateKey {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandLineError("--key: cannot read '\(path)'")
        }
        guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else {
            throw CommandLineError("--key: '\(path)' is not a key from `parley checkpoint keygen`")
        }
        return key
    }

    /// The public key in the file `value`, or written out in `value`.
    static func publicKey(_ value: String) throws -> Curve25519.Signing.PublicKey {
        let text = (try? String(contentsOfFile: value, encoding: .utf8)) ?? value
        guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else {
            throw CommandLineError("--public-key: '\(value)' is neither a key file nor a base64 Ed25519 public key")
        }
        return key
    }
}
