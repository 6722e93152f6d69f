import Crypto
import Foundation
import _CryptoExtras

/// Password hashes with scrypt (memory-hard, stronger against GPUs than bcrypt), in a self-describing
/// form: `scrypt$N$r$p$salt$hash`, so the cost can rise later without breaking stored hashes.
public struct PasswordHasher: Sendable {
    /// The CPU/memory cost (a power of two).
    public var rounds: Int
    /// The block size.
    public var blockSize: Int
    /// Told of every password check, before it runs (tests count checks with it; nothing by default).
    public var onCheck: @Sendable () -> Void

    /// The cost for real accounts: N = 2^15, r = 8 (32 MiB, tens of milliseconds).
    public static let standard = PasswordHasher(rounds: 1 << 15, blockSize: 8)
    /// A cheap cost, only for tests that sign in many times.
    public static let testing = PasswordHasher(rounds: 1 << 4, blockSize: 1)

    /// A hasher with a cost, telling `onCheck` of every password it checks.
    public init(rounds: Int, blockSize: Int, onCheck: @escaping @Sendable () -> Void = {}) {
        self.rounds = rounds
        self.blockSize = blockSize
        self.onCheck = onCheck
    }

    /// The stored form of `password`, with a fresh salt.
    public func hash(_ password: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let key = try Self.derive(password, salt: salt, rounds: rounds, blockSize: blockSize)
        return "scrypt$\(rounds)$\(blockSize)$1$\(salt.base64EncodedString())$\(key.base64EncodedString())"
    }

    /// Whether `password` matches `stored` (see `verify`), telling `onCheck` first.
    public func check(_ password: String, against stored: String) -> Bool {
        onCheck()
        return Self.verify(password, against: stored)
    }

    /// Whether `password` matches `stored`, comparing in constant time.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let rounds = Int(parts[1]), let blockSize = Int(parts[2]),
            let salt = Data(base64Encoded: parts[4]), let expected = Data(base64Encoded: parts[5]),
            let actual = try? derive(password, salt: salt, rounds: rounds, blockSize: blockSize)
        else { return false }
        guard actual.count == expected.count else { return false }
        return zip(actual, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func derive(_ password: String, salt: Data, rounds: Int, blockSize: Int) throws -> Data {
        let key = try KDF.Scrypt.deriveKey(
            from: Data(password.utf8), salt: salt, outputByteCount: 32, rounds: rounds, blockSize: blockSize,
            parallelism: 1)
        return key.withUnsafeBytes { Data($0) }
    }
}
