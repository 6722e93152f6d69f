import ParleyServer
import Testing

/// Literal addresses only: nothing here resolves a name or opens a connection.
@Suite("Outbound address policy")
struct OutboundAddressPolicyTests {
    /// One row: an address, the ranges the operator allowed, and the kind of refusal (nil: allowed).
    struct Row: CustomTestStringConvertible, Sendable {
        let address: String
        let allowing: [String]
        let refusal: String?
        var testDescription: String { "\(address) allowing \(allowing): \(refusal ?? "allowed")" }
    }

    static let rows: [Row] = [
        // Loopback, IPv4 and IPv6, and the IPv6 forms that carry an IPv4 address.
        Row(address: "127.0.0.1", allowing: [], refusal: "loopback"),
        Row(address: "127.255.255.254", allowing: [], refusal: "loopback"),
        Row(address: "::1", allowing: [], refusal: "loopback"),
        Row(address: "[::1]", allowing: [], refusal: "loopback"),
        Row(address: "::ffff:127.0.0.1", allowing: [], refusal: "loopback"),
        Row(address: "::ffff:7f00:1", allowing: [], refusal: "loopback"),
        Row(address: "0:0:0:0:0:ffff:7f00:0001", allowing: [], refusal: "loopback"),
        Row(address: "::127.0.0.1", allowing: [], refusal: "loopback"),
        Row(address: "64:ff9b::7f00:1", allowing: [], refusal: "loopback"),
        Row(address: "2002:7f00:1::1", allowing: [], refusal: "loopback"),
        // Link-local, the cloud metadata address among them.
        Row(address: "169.254.169.254", allowing: [], refusal: "link-local"),
        Row(address: "::ffff:169.254.169.254", allowing: [], refusal: "link-local"),
        Row(address: "64:ff9b::a9fe:a9fe", allowing: [], refusal: "link-local"),
        Row(address: "fe80::1", allowing: [], refusal: "link-local"),
        Row(address: "febf:ffff::1", allowing: [], refusal: "link-local"),
        // Private.
        Row(address: "10.0.0.1", allowing: [], refusal: "private"),
        Row(address: "172.16.0.1", allowing: [], refusal: "private"),
        Row(address: "172.31.255.255", allowing: [], refusal: "private"),
        Row(address: "192.168.1.1", allowing: [], refusal: "private"),
        Row(address: "::ffff:10.1.2.3", allowing: [], refusal: "private"),
        Row(address: "::ffff:192.168.0.1", allowing: [], refusal: "private"),
        Row(address: "fc00::1", allowing: [], refusal: "private"),
        Row(address: "fd12:3456:789a::1", allowing: [], refusal: "private"),
        Row(address: "fec0::1", allowing: [], refusal: "private"),
        // Unspecified, shared (CGNAT), multicast, broadcast, reserved.
        Row(address: "0.0.0.0", allowing: [], refusal: "unspecified"),
        Row(address: "0.1.2.3", allowing: [], refusal: "unspecified"),
        Row(address: "::", allowing: [], refusal: "unspecified"),
        Row(address: "::ffff:0.0.0.0", allowing: [], refusal: "unspecified"),
        Row(address: "100.64.0.1", allowing: [], refusal: "shared"),
        Row(address: "100.127.255.255", allowing: [], refusal: "shared"),
        Row(address: "224.0.0.1", allowing: [], refusal: "multicast"),
        Row(address: "239.255.255.250", allowing: [], refusal: "multicast"),
        Row(address: "ff02::1", allowing: [], refusal: "multicast"),
        Row(address: "::ffff:224.0.0.251", allowing: [], refusal: "multicast"),
        Row(address: "255.255.255.255", allowing: [], refusal: "broadcast"),
        Row(address: "::ffff:255.255.255.255", allowing: [], refusal: "broadcast"),
        Row(address: "240.0.0.1", allowing: [], refusal: "reserved"),
        Row(address: "198.18.0.1", allowing: [], refusal: "reserved"),
        // Public addresses next to the refused blocks are allowed.
        Row(address: "172.32.0.1", allowing: [], refusal: nil),
        Row(address: "172.15.255.255", allowing: [], refusal: nil),
        Row(address: "100.128.0.1", allowing: [], refusal: nil),
        Row(address: "169.255.0.1", allowing: [], refusal: nil),
        Row(address: "11.0.0.1", allowing: [], refusal: nil),
        Row(address: "93.184.215.14", allowing: [], refusal: nil),
        Row(address: "::ffff:93.184.215.14", allowing: [], refusal: nil),
        Row(address: "2606:4700:4700::1111", allowing: [], refusal: nil),
        Row(address: "2002:5db8:d70e::1", allowing: [], refusal: nil),
        // The operator's allow-list lifts exactly what it names, in either spelling of an IPv4 address.
        Row(address: "127.0.0.1", allowing: ["127.0.0.1/32"], refusal: nil),
        Row(address: "::ffff:127.0.0.1", allowing: ["127.0.0.1/32"], refusal: nil),
        Row(address: "127.0.0.2", allowing: ["127.0.0.1/32"], refusal: "loopback"),
        Row(address: "::1", allowing: ["127.0.0.1/32"], refusal: "loopback"),
        Row(address: "::1", allowing: ["::1/128"], refusal: nil),
        Row(address: "10.9.8.7", allowing: ["10.0.0.0/8"], refusal: nil),
        Row(address: "192.168.0.1", allowing: ["10.0.0.0/8"], refusal: "private"),
        Row(address: "10.1.2.3", allowing: ["10.1.2.3"], refusal: nil),
        Row(address: "10.1.2.4", allowing: ["10.1.2.3"], refusal: "private"),
        Row(address: "fd00::5", allowing: ["fd00::/8"], refusal: nil),
        Row(address: "fc00::5", allowing: ["fd00::/8"], refusal: "private"),
        Row(address: "169.254.169.254", allowing: ["10.0.0.0/8", "127.0.0.0/8"], refusal: "link-local"),
    ]

    @Test("each address gets the verdict its block calls for", arguments: rows)
    func verdict(row: Row) throws {
        let policy = OutboundAddressPolicy(allowing: try row.allowing.map { try AddressRange(parsing: $0) })
        let address = try #require(IPAddress(row.address))
        let verdict = policy.verdict(for: [address])
        if let refusal = row.refusal {
            guard case .refused(let refused, let reason) = verdict else {
                Issue.record("\(row.address) was allowed")
                return
            }
            #expect(refused == address)
            #expect(reason.hasPrefix(refusal))
        } else {
            #expect(verdict == .allowed)
        }
    }

    @Test("a host is refused when any one of its addresses is, and when it has none")
    func anyAddress() throws {
        let policy = OutboundAddressPolicy()
        let public4 = try #require(IPAddress("93.184.215.14"))
        let public6 = try #require(IPAddress("2606:4700:4700::1111"))
        let metadata = try #require(IPAddress("169.254.169.254"))
        #expect(policy.verdict(for: [public4, public6]) == .allowed)
        #expect(policy.verdict(for: [public4, metadata, public6]) == .refused(metadata, reason: "link-local"))
        #expect(policy.verdict(for: []) == .noAddress)
    }

    @Test("only strict address literals parse; octal, hex and short IPv4 forms are names left to the resolver")
    func parsing() {
        for text in [
            "127.1", "0x7f.0.0.1", "0177.0.0.1", "2130706433", "127.0.0.01", "256.0.0.1", "1.2.3.4.5", "localhost",
            "1:2:3:4:5:6:7:8:9", "1::2::3", ":1::", "12345::", "::ffff:127.0.0.256", "fe80::1%eth0", "",
        ] {
            #expect(IPAddress(text) == nil, "\(text)")
        }
        #expect(IPAddress("::ffff:7f00:1")?.description == "127.0.0.1")
        #expect(IPAddress("2001:db8:0:0:1:0:0:1")?.description == "2001:db8::1:0:0:1")
        #expect(IPAddress("1:2:3:4:5:6:7:8")?.description == "1:2:3:4:5:6:7:8")
        #expect(IPAddress("::")?.description == "::")
        #expect(IPAddress("fe80::")?.description == "fe80::")
    }

    @Test("allow-list ranges parse from CIDR text, and anything else is refused with a reason")
    func ranges() throws {
        #expect(try AddressRange(parsing: "10.1.2.3/8").description == "10.0.0.0/8")
        #expect(try AddressRange(parsing: "127.0.0.1").description == "127.0.0.1/32")
        #expect(try AddressRange(parsing: "fd00::/8").description == "fd00::/8")
        let loopback = try #require(IPAddress("127.0.0.1"))
        #expect(try AddressRange(parsing: "::ffff:127.0.0.1/128").contains(loopback))
        let everyIPv4 = try AddressRange(parsing: "0.0.0.0/0")
        #expect(everyIPv4.contains(try #require(IPAddress("8.8.8.8"))))
        #expect(!everyIPv4.contains(try #require(IPAddress("::1"))))
        for text in ["127.0.0.1/33", "::1/129", "10.0.0.0/-1", "10.0.0.0/", "example.com/32", "10.0.0.0/8/8", ""] {
            #expect(throws: AddressRange.ParseError.self, "\(text)") { try AddressRange(parsing: text) }
        }
    }
}
