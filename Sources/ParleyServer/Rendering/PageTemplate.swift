import Hummingbird
import NIOCore

/// A rendered page cut where the per-request parts go: the signed-in person in the header, and the
/// browser's token in each form that posts.
///
/// Cutting once and joining per request keeps a page cached for everyone cheap to personalise: the
/// join copies bytes, where searching the text on every request cost most of the dashboard's time.
struct PageTemplate: Sendable {
    /// What goes between two segments.
    enum Slot: Sendable {
        /// `Layout.identity` of the signed-in person.
        case identity
        /// The hidden form-token field.
        case formToken
    }

    /// The page's bytes between the slots (one more than there are slots).
    let segments: [ByteBuffer]
    /// The slots, in page order.
    let slots: [Slot]

    /// Cuts `page` at the identity marker and after the opening tag of every `POST` form.
    init(_ page: String) {
        let bytes = Array(page.utf8)
        let marker = Array(Layout.identityMarker.utf8)
        let formOpen = Array("<form".utf8)
        let post = Array("method=\"post\"".utf8)
        var cuts: [(start: Int, end: Int, slot: Slot)] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                if Self.matches(bytes, marker, at: index) {
                    cuts.append((index, index + marker.count, .identity))
                    index += marker.count
                    continue
                }
                if Self.matches(bytes, formOpen, at: index),
                    let close = bytes[index...].firstIndex(of: UInt8(ascii: ">"))
                {
                    if Self.contains(bytes[index..<close], post) { cuts.append((close + 1, close + 1, .formToken)) }
                    index = close + 1
                    continue
                }
            }
            index += 1
        }
        var segments: [ByteBuffer] = []
        var start = 0
        for cut in cuts {
            segments.append(ByteBuffer(bytes: bytes[start..<cut.start]))
            start = cut.end
        }
        segments.append(ByteBuffer(bytes: bytes[start...]))
        self.segments = segments
        self.slots = cuts.map(\.slot)
    }

    /// The page for the request of `context`: the header of its signed-in person, its browser's form
    /// token (nil context: no one, no token).
    func response(status: HTTPResponse.Status, for context: DeskRequestContext?) -> Response {
        let signedIn = context?.identity
        let needsToken = slots.contains(.formToken) || (slots.contains(.identity) && signedIn != nil)
        let formToken = needsToken ? context?.formToken?.token ?? "" : ""
        let identity =
            slots.contains(.identity)
            ? ByteBuffer(string: Layout.identity(signedIn, formToken: formToken)) : ByteBuffer()
        let token = ByteBuffer(
            string: "<input type=\"hidden\" name=\"\(FormGuard.fieldName)\" value=\"\(formToken)\">"
        )
        var body = ByteBuffer()
        body.reserveCapacity(segments.reduce(0) { $0 + $1.readableBytes } + 512)
        for (offset, segment) in segments.enumerated() {
            var piece = segment
            body.writeBuffer(&piece)
            guard offset < slots.count else { break }
            var filler = slots[offset] == .identity ? identity : token
            body.writeBuffer(&filler)
        }
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: body))
    }

    private static func matches(_ bytes: [UInt8], _ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    private static func contains(_ bytes: ArraySlice<UInt8>, _ pattern: [UInt8]) -> Bool {
        guard bytes.count >= pattern.count else { return false }
        var index = bytes.startIndex
        while index + pattern.count <= bytes.endIndex {
            if bytes[index] == pattern[0], Array(bytes[index..<(index + pattern.count)]) == pattern { return true }
            index += 1
        }
        return false
    }
}

extension PageTemplate.Slot: Equatable {}
