import Foundation
import ParleyStore
import ParleyStoreSQLite
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A small tmpfs mounted for one test, to make a disk full or read-only on purpose.
///
/// Mounting needs root (as in CI); elsewhere the suites that use it are disabled with a reason.
final class TemporaryMount {
    /// The mounted folder.
    let folder: URL

    /// Mounts a tmpfs of `kilobytes` on a fresh folder.
    init(kilobytes: Int) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-mount-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.mount(["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder.path])
    }

    /// Remounts with `options` (`ro`, `rw,size=4m`).
    func remount(_ options: String) throws {
        try Self.mount(["-o", "remount,\(options)", folder.path])
    }

    deinit {
        _ = try? Self.run("/bin/umount", [folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Whether this process may mount file systems (probed once).
    static let isPossible: Bool = {
        #if os(Linux)
            guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
            return (try? TemporaryMount(kilobytes: 64)) != nil
        #else
            return false
        #endif
    }()

    private static func mount(_ arguments: [String]) throws {
        let status = try run("/bin/mount", arguments)
        guard status == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }

    private static func run(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

@Suite("Storage faults", .enabled(if: TemporaryMount.isPossible, "mounting a small tmpfs needs root"))
struct StorageFaultTests {
    @Test(
        "on a full disk an append fails with a clear error, every acknowledged event stays, and work resumes once there is space"
    )
    func fullDisk() async throws {
        let mount = try TemporaryMount(kilobytes: 160)
        let parley = try ParleyProcess()
        let database = mount.folder.appendingPathComponent("parley.sqlite").path
        let filled = try parley.run(["stress-append", "--db", database], database: false)
        #expect(filled.status == 2)
        #expect(
            filled.stderr.hasPrefix("parley: storage unavailable: cannot append to desk 'stress': the disk is full"))
        let acked = filled.stdout.split(separator: "\n").compactMap { Int64($0.dropFirst("acked ".count)) }
        let last = try #require(acked.max())
        #expect(acked.count > 3)
        // Still readable and whole while full: every acknowledged event, nothing after.
        let verify = try parley.run(["verify", "--db", database], database: false)
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("stress: ok, \(last) events"))
        try mount.remount("rw,size=4m")
        let resumed = try parley.run(["stress-append", "--count", "5", "--db", database], database: false)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let events = try await SQLiteEventStore(path: database).read(desk: "stress", from: 1)
        #expect(events.map(\.sequence) == Array(1...(last + 5)))
        #expect(ChainVerification.verify(events) == .intact(count: events.count, head: events.last!.hash))
    }

    @Test("on read-only storage the database is refused with a clear error, and nothing is damaged")
    func readOnly() async throws {
        let mount = try TemporaryMount(kilobytes: 4_096)
        let parley = try ParleyProcess()
        let database = mount.folder.appendingPathComponent("parley.sqlite").path
        #expect(try parley.run(["stress-append", "--count", "10", "--db", database], database: false).status == 0)
        let before = try parley.run(["verify", "--db", database], database: false).stdout
        try mount.remount("ro")
        for command in [["verify"], ["stress-append", "--count", "1"]] {
            let refused = try parley.run(command + ["--db", database], database: false)
            #expect(refused.status == 2)
            #expect(
                refused.stderr == "parley: storage unavailable: cannot open the database at \(database): its folder is "
                    + "read-only, and the database needs to write beside it even to read; make the disk writable, "
                    + "or copy the file elsewhere\n")
        }
        try mount.remount("rw")
        #expect(try parley.run(["verify", "--db", database], database: false).stdout == before)
    }
}
