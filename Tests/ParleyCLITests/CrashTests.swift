import Foundation
import ParleyStore
import ParleyStoreSQLite
import ParleyTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Crash safety")
struct CrashTests {
    @Test("a writer killed with SIGKILL at random moments 20 times loses no acknowledged event and keeps its chain")
    func killedWriter() async throws {
        let parley = try ParleyProcess()
        var random = SeededRandom(seed: 2019_06_30)
        var acknowledged = Set<Int64>()
        for _ in 0..<20 {
            let process = parley.makeProcess(["stress-append", "--db", parley.database])
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait for the first acknowledgement, so every kill strikes a writer in full flow, then
            // kill at a random moment within the next 300 ms.
            var received = output.fileHandleForReading.availableData
            try await Task.sleep(for: .milliseconds(Int.random(in: 0...300, using: &random)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            // Every line in the pipe was printed after its commit returned: those are acknowledged.
            received.append(output.fileHandleForReading.readDataToEndOfFile())
            let lines = String(decoding: received, as: UTF8.self).split(separator: "\n")
            let acked = lines.compactMap { $0.hasPrefix("acked ") ? Int64($0.dropFirst(6)) : nil }
            #expect(!acked.isEmpty)
            acknowledged.formUnion(acked)
        }
        let store = try SQLiteEventStore(path: parley.database)
        let events = try await store.read(desk: "stress", from: 1)
        let present = Set(events.map(\.sequence))
        #expect(acknowledged.isSubset(of: present), "lost: \(acknowledged.subtracting(present).sorted())")
        guard case .intact(let count, _) = ChainVerification.verify(events) else {
            Issue.record("chain broken: \(ChainVerification.verify(events))")
            return
        }
        #expect(count == events.count)
        let verify = try parley.run(["verify"])
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("stress: ok, \(events.count) events"))
    }
}
