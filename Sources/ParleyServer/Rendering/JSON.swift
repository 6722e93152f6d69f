import Foundation
import HTTPTypes
import Hummingbird
import ParleyDesk

/// The API's JSON: snake_case keys (the same names as scenario files and error fields), sorted, with
/// instants as `2019-06-29T22:51:00.000Z`.
enum JSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(InstantText.format(date))
        }
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = InstantText.parse(text) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription: "expected an instant like 2019-06-29T22:51:00.000Z"))
            }
            return date
        }
        return decoder
    }

    /// A JSON response of `value` with `status`, carrying the desk's version where there is one.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, version: Int64? = nil) throws
        -> Response
    {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let version { headers[.deskVersion] = String(version) }
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder().encode(value))))
    }
}

extension HTTPField.Name {
    /// The version of the desk a response was read from; send it back as `expected_version`.
    static let deskVersion = Self("X-Desk-Version")!
    /// A client's name for one write; a repeat with the same key records nothing (docs/adr/0014).
    static let idempotencyKey = Self("Idempotency-Key")!
    /// Set on the answer to a repeat of a keyed write: the first write's answer, nothing new recorded.
    static let idempotentReplayed = Self("Idempotent-Replayed")!
}
