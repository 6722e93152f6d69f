import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ParleyAccess
import ParleyDesk
import ParleyStore
import ParleyTestSupport
import Synchronization

/// The test accounts: one of each role, all with the same password, hashed cheaply.
enum TestUsers {
    /// Everyone's password in tests.
    static let password = "correct horse battery staple"

    /// Gives `ledger`'s store an admin, an officer and a viewer (named after their roles).
    static func add(to ledger: DeskLedger) async throws {
        let book = AccountBook(store: ledger.store, environment: ledger.environment, hasher: .testing)
        for role in Role.allCases {
            try await book.addUser(role.rawValue, role: role, password: password, actor: "test")
        }
    }
}

/// A test client that signs in as one of `TestUsers` on first use and sends its token with every request.
final class SignedInClient: TestClientProtocol, Sendable {
    private let client: any TestClientProtocol
    private let name: String
    private let token = Mutex<String?>(nil)

    /// `client`, acting as the test user `name` (`admin`, `officer`, `viewer`).
    init(_ client: any TestClientProtocol, as name: String = "officer") {
        self.client = client
        self.name = name
    }

    var port: Int? { client.port }

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws
        -> TestResponse
    {
        var headers = headers
        headers[.authorization] = "Bearer \(try await sessionToken())"
        return try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
    }

    private func sessionToken() async throws -> String {
        if let known = token.withLock({ $0 }) { return known }
        let response = try await client.executeRequest(
            uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: #"{"name":"\#(name)","password":"\#(TestUsers.password)"}"#))
        let answer = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
        guard let fresh = answer?["token"] as? String else {
            throw TestSignInError(detail: String(buffer: response.body))
        }
        token.withLock { $0 = fresh }
        return fresh
    }
}

/// A test user could not sign in.
struct TestSignInError: Error {
    let detail: String
}
