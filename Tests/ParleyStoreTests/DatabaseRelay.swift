import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP relay on 127.0.0.1 in front of the test database that can misbehave as a database does: stall
/// (connections accepted, nothing answered, as a server that stopped answering) or go down (every
/// connection cut and new ones refused, as after `kill -9`), and come back.
final class DatabaseRelay: Sendable {
    private enum Mode {
        case relaying, stalled, down
    }

    private struct State {
        var mode = Mode.relaying
        var listener: Int32 = -1
        var sockets: Set<Int32> = []
    }

    /// The port the relay listens on.
    let port: UInt16
    private let target: UInt16
    private let state = Mutex(State())

    /// A relay to `127.0.0.1:target`, listening on a free port of its own.
    init(to target: Int) throws {
        self.target = UInt16(target)
        let listener = try Self.listen(on: 0)
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        state.withLock { $0.listener = listener }
        startAccepting(listener)
    }

    /// Keeps every connection open but answers nothing from now on.
    func stall() { state.withLock { $0.mode = .stalled } }

    /// Cuts every connection and refuses new ones, as a killed database does.
    func goDown() {
        // Under the lock: a socket in the set is still open (its pump removes it before closing it).
        state.withLock { state in
            state.mode = .down
            for socket in state.sockets { shutdown(socket, Int32(SHUT_RDWR)) }
            if state.listener >= 0 { shutdown(state.listener, Int32(SHUT_RDWR)) }
            state.listener = -1
        }
    }

    /// Listens again on the same port and relays what new connections send.
    func comeBack() throws {
        let listener = try Self.listen(on: port)
        state.withLock { state in
            state.mode = .relaying
            state.listener = listener
        }
        startAccepting(listener)
    }

    private static func listen(on port: UInt16) throws -> Int32 {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = loopback(port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, Glibc.listen(listener, 64) == 0 else {
            close(listener)
            throw RelayError(detail: "cannot listen on 127.0.0.1:\(port) (errno \(errno))")
        }
        return listener
    }

    private static func loopback(_ port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private func startAccepting(_ listener: Int32) {
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { break }
                let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                var address = Self.loopback(target)
                let connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
                let admitted = state.withLock { state in
                    guard connected == 0, state.mode != .down else { return false }
                    state.sockets.formUnion([client, upstream])
                    return true
                }
                guard admitted else {
                    close(client)
                    close(upstream)
                    continue
                }
                let pair = RelayedPair()
                Thread.detachNewThread { [self] in pump(from: client, to: upstream, pair) }
                Thread.detachNewThread { [self] in pump(from: upstream, to: client, pair) }
            }
            close(listener)
        }
    }

    /// Copies bytes one way until either side closes; while stalled, swallows them.
    private func pump(from source: Int32, to destination: Int32, _ pair: RelayedPair) {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            guard state.withLock({ $0.mode }) == .relaying else { continue }
            let written = buffer.withUnsafeBytes { send(destination, $0.baseAddress, count, Int32(MSG_NOSIGNAL)) }
            guard written == count else { break }
        }
        shutdown(source, Int32(SHUT_RDWR))
        shutdown(destination, Int32(SHUT_RDWR))
        // The second pump of the pair to stop closes both sockets, once.
        guard pair.stop() else { return }
        state.withLock { state in
            state.sockets.remove(source)
            state.sockets.remove(destination)
        }
        close(source)
        close(destination)
    }
}

/// The two pumps of one relayed connection.
private final class RelayedPair: Sendable {
    private let stopped = Mutex(0)

    /// Counts a pump that stopped; whether it was the second.
    func stop() -> Bool {
        stopped.withLock { stopped in
            stopped += 1
            return stopped == 2
        }
    }
}

/// The relay could not be set up.
struct RelayError: Error {
    let detail: String
}
