/// An IPv4 or IPv6 address as 16 bytes; an IPv4 address is held in its IPv4-mapped form (`::ffff:a.b.c.d`),
/// so one range check covers both spellings of the same host.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// The address in network byte order, always 16 bytes.
    public let bytes: [UInt8]

    /// An address from 16 bytes (IPv6 order), or from 4 bytes (IPv4, stored mapped).
    public init?(bytes: [UInt8]) {
        switch bytes.count {
        case 4: self.bytes = Self.mappedPrefix + bytes
        case 16: self.bytes = bytes
        default: return nil
        }
    }

    /// Parses `192.0.2.1` or `2001:db8::1` (brackets allowed); nil for anything else, host names included.
    ///
    /// Only the strict textual forms: `127.1`, `0x7f000001` or `0177.0.0.1` are not addresses here (a
    /// resolver that accepts them hands back the real address, which is what the policy judges).
    public init?(_ text: String) {
        var text = Substring(text)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        if let v4 = Self.ipv4Bytes(text) {
            self.init(bytes: v4)
        } else if let v6 = Self.ipv6Bytes(text) {
            self.init(bytes: v6)
        } else {
            return nil
        }
    }

    /// Four decimal parts 0–255 without leading zeros (which some parsers read as octal).
    private static func ipv4Bytes(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part == "0" || !part.hasPrefix("0"), let value = UInt8(part)
            else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    /// Eight groups of up to four hex digits, `::` once for a run of zero groups, an IPv4 tail allowed.
    private static func ipv6Bytes(_ text: Substring) -> [UInt8]? {
        guard text.contains(":"), text.allSatisfy(\.isASCII) else { return nil }
        func groups(_ part: Substring) -> [UInt8]? {
            if part.isEmpty { return [] }
            var bytes: [UInt8] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains("."), let v4 = ipv4Bytes(piece) {
                    bytes += v4
                    continue
                }
                guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                bytes += [UInt8(value >> 8), UInt8(value & 0xff)]
            }
            return bytes
        }
        let halves = text.split(separator: "::", omittingEmptySubsequences: false)
        switch halves.count {
        case 1:
            guard let all = groups(text), all.count == 16 else { return nil }
            return all
        case 2:
            guard let head = groups(halves[0]), let tail = groups(halves[1]),
                head.count + tail.count <= 14
            else { return nil }
            return head + Array(repeating: 0, count: 16 - head.count - tail.count) + tail
        default:
            return nil
        }
    }

    private static let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xff, 0xff]

    /// The IPv4 address when this is one (held as `::ffff:a.b.c.d`).
    public var ipv4: [UInt8]? { bytes.starts(with: Self.mappedPrefix) ? Array(bytes[12...]) : nil }

    /// `192.0.2.1` for IPv4; for IPv6 the RFC 5952 form (lower case, the longest run of zero groups as `::`).
    public var description: String {
        if let ipv4 { return ipv4.map(String.init).joined(separator: ".") }
        let groups = stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        var longest = (start: 0, count: 0)
        var index = 0
        while index < groups.count {
            var end = index
            while end < groups.count, groups[end] == 0 { end += 1 }
            if end - index > longest.count { longest = (index, end - index) }
            index = max(end, index + 1)
        }
        let hex = groups.map { String($0, radix: 16) }
        guard longest.count >= 2 else { return hex.joined(separator: ":") }
        let head = hex[..<longest.start].joined(separator: ":")
        let tail = hex[(longest.start + longest.count)...].joined(separator: ":")
        return "\(head)::\(tail)"
    }
}

/// A block of addresses written in CIDR form: `127.0.0.1/32`, `10.0.0.0/8`, `fd00::/8`.
public struct AddressRange: Hashable, Sendable, CustomStringConvertible {
    /// The first address of the block.
    public let base: IPAddress
    /// How many leading bits are fixed, counted on the 16-byte form (an IPv4 `/8` is 104 here).
    public let prefixLength: Int

    /// Why a range was not understood.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        /// What was wrong, in words for the person who typed it.
        public let description: String
    }

    /// Parses `ADDRESS/BITS` or a bare address (the block of that one address).
    /// - Throws: `ParseError` saying what is wrong with `text`.
    public init(parsing text: String) throws(ParseError) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(String(parts[0])) else {
            throw ParseError(description: "'\(text)' is not an address range like 127.0.0.1/32 or fd00::/8")
        }
        // An IPv6 spelling counts 128 bits even for an IPv4-mapped address (`::ffff:127.0.0.1/128`).
        let width = parts[0].contains(":") ? 128 : 32
        var bits = width
        if parts.count == 2 {
            guard let given = Int(parts[1]), (0...width).contains(given), parts[1].allSatisfy(\.isASCII) else {
                throw ParseError(description: "'\(text)': the prefix length must be 0 to \(width)")
            }
            bits = given
        }
        self.init(address, prefixLength: bits + (128 - width))
    }

    /// The block of `prefixLength` leading bits of `address` (counted on the 16-byte form).
    init(_ address: IPAddress, prefixLength: Int) {
        self.prefixLength = prefixLength
        base = IPAddress(bytes: Self.mask(address.bytes, prefixLength))!
    }

    /// Whether `address` lies in this block.
    public func contains(_ address: IPAddress) -> Bool { Self.mask(address.bytes, prefixLength) == base.bytes }

    /// As written on the command line: `127.0.0.1/32`, `fd00::/8`.
    public var description: String {
        base.ipv4 == nil || prefixLength < 96 ? "\(base)/\(prefixLength)" : "\(base)/\(prefixLength - 96)"
    }

    private static func mask(_ bytes: [UInt8], _ bits: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let kept = min(max(bits - index * 8, 0), 8)
            return kept == 8 ? byte : byte & ~(UInt8(0xff) >> kept)
        }
    }
}

/// What the policy says about the addresses a webhook's host resolved to.
public enum OutboundVerdict: Hashable, Sendable {
    /// Every address may be connected to.
    case allowed
    /// At least one address may not; the first such, and why.
    case refused(IPAddress, reason: String)
    /// The host resolved to nothing.
    case noAddress
}

/// Which addresses the server may send requests to on an officer's say-so (webhooks).
///
/// Loopback, link-local, private, shared (CGNAT), unspecified, multicast, broadcast and reserved addresses
/// are refused, in IPv4, IPv6 and every IPv6 form that carries an IPv4 address (mapped, compatible, NAT64,
/// 6to4), because an officer who can name them can probe the server's own network. An operator who means
/// the server to reach such an address lists it when starting the server; nothing else lifts a refusal.
public struct OutboundAddressPolicy: Sendable {
    /// The ranges the operator allowed at start, refused or not.
    public let allowed: [AddressRange]

    /// A policy refusing internal addresses except those in `allowed`.
    public init(allowing allowed: [AddressRange] = []) { self.allowed = allowed }

    /// The verdict on all the addresses one host resolved to: refused if any one of them is, since the
    /// connection could go to any of them.
    public func verdict(for addresses: [IPAddress]) -> OutboundVerdict {
        guard !addresses.isEmpty else { return .noAddress }
        for address in addresses {
            if let reason = refusal(of: address) { return .refused(address, reason: reason) }
        }
        return .allowed
    }

    /// Why `address` may not be connected to, or nil when it may.
    public func refusal(of address: IPAddress) -> String? {
        if allowed.contains(where: { $0.contains(address) }) { return nil }
        return Self.special(address)
    }

    /// The kind of non-public address `address` is, or nil for an ordinary global address.
    static func special(_ address: IPAddress) -> String? {
        if address.ipv4 != nil { return ipv4Blocks.first { $0.range.contains(address) }?.reason }
        if let reason = ipv6Blocks.first(where: { $0.range.contains(address) })?.reason { return reason }
        guard let embedded = embeddedIPv4(address), let reason = special(embedded) else { return nil }
        return "\(reason) (\(embedded) in an IPv6 form)"
    }

    /// The IPv4 address an IPv6 form carries, which a network may deliver to (NAT64, 6to4, IPv4-compatible).
    private static func embeddedIPv4(_ address: IPAddress) -> IPAddress? {
        let bytes = address.bytes
        if nat64.contains(address) || compatible.contains(address) { return IPAddress(bytes: Array(bytes[12...])) }
        if sixToFour.contains(address) { return IPAddress(bytes: Array(bytes[2..<6])) }
        return nil
    }

    private static func block(_ text: String, _ reason: String) -> (range: AddressRange, reason: String) {
        // The table below is written by hand; a typo there is a programming error.
        (try! AddressRange(parsing: text), reason)
    }

    private static let nat64 = try! AddressRange(parsing: "64:ff9b::/96")
    private static let compatible = try! AddressRange(parsing: "::/96")
    private static let sixToFour = try! AddressRange(parsing: "2002::/16")

    /// IPv4 blocks that are not globally reachable (IANA special-purpose registry), most specific first.
    private static let ipv4Blocks = [
        block("255.255.255.255/32", "broadcast"), block("0.0.0.0/8", "unspecified"),
        block("127.0.0.0/8", "loopback"), block("169.254.0.0/16", "link-local"),
        block("10.0.0.0/8", "private"), block("172.16.0.0/12", "private"), block("192.168.0.0/16", "private"),
        block("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
        block("192.0.0.0/24", "reserved (IETF protocol assignments)"),
        block("198.18.0.0/15", "reserved (benchmarking)"),
        block("224.0.0.0/4", "multicast"), block("240.0.0.0/4", "reserved"),
    ]

    /// IPv6 blocks that are not globally reachable, checked before any IPv4 address an IPv6 form carries.
    private static let ipv6Blocks = [
        block("::/128", "unspecified"), block("::1/128", "loopback"), block("fe80::/10", "link-local"),
        block("fc00::/7", "private (unique local)"), block("fec0::/10", "private (site-local)"),
        block("ff00::/8", "multicast"), block("64:ff9b:1::/48", "private (local-use NAT64)"),
        block("100::/64", "reserved (discard-only)"),
    ]
}
