import BeianTLS
import TestSupport
import Testing

@Suite("TLS handshakes that must fail")
struct TLSRefusalTests {
    let certificates = TestCertificates.shared

    /// Runs a handshake between `client` and our mutual-TLS server and returns the pair.
    private func attempt(client: TLSConfiguration, server: TLSConfiguration? = nil) throws -> InMemoryTLSPair {
        let pair = try InMemoryTLSPair(client: client, server: server ?? certificates.serverConfiguration())
        pair.interact()
        return pair
    }

    /// The client learns of the refusal: during its handshake, or (TLS 1.3 client auth) from an alert
    /// read right after it.
    private func expectClientToldOff(_ pair: InMemoryTLSPair, alert: String) {
        let error = pair.client.error
        #expect(error?.code == .alertReceived || error?.code == .handshakeFailed)
        #expect(error?.reason?.contains(alert) == true, "client error: \(String(describing: error))")
        #expect(pair.client.received.isEmpty)
    }

    @Test("mutual TLS: a client without a certificate is refused")
    func noClientCertificate() throws {
        let pair = try attempt(client: certificates.clientConfiguration(identity: nil))
        let error = try #require(pair.server.error)
        #expect(error.code == .peerCertificateRejected)
        #expect(error.reason == "peer did not return a certificate")
        #expect(!pair.server.connection.isHandshakeComplete)
        #expect(pair.server.connection.peerIdentity == nil)
        expectClientToldOff(pair, alert: "certificate required")
    }

    @Test("mutual TLS: a client certificate from another CA is refused")
    func wrongCA() throws {
        let pair = try attempt(client: certificates.clientConfiguration(identity: certificates.wrongCAClient))
        let error = try #require(pair.server.error)
        #expect(error.code == .peerCertificateRejected)
        #expect(error.reason == "unable to get local issuer certificate")
        #expect(error.description.contains("unable to get local issuer certificate"))
        expectClientToldOff(pair, alert: "unknown ca")
    }

    @Test("mutual TLS: an expired client certificate is refused")
    func expiredClient() throws {
        let pair = try attempt(client: certificates.clientConfiguration(identity: certificates.expiredClient))
        let error = try #require(pair.server.error)
        #expect(error.code == .peerCertificateRejected)
        #expect(error.reason == "certificate has expired")
        expectClientToldOff(pair, alert: "certificate expired")
    }

    @Test("a TLS 1.2-only client is refused by our server")
    func tls12Client() throws {
        var client = certificates.clientConfiguration(identity: certificates.client)
        client.maximumVersionForTesting = .tls12
        let pair = try attempt(client: client)
        let error = try #require(pair.server.error)
        #expect(error.code == .handshakeFailed)
        #expect(error.reason == "unsupported protocol")
        #expect(pair.client.error?.code == .handshakeFailed)
        #expect(pair.client.error?.reason?.contains("protocol version") == true)
        #expect(!pair.client.connection.isHandshakeComplete)
    }

    @Test("the client refuses a server whose certificate does not carry the expected name", arguments: [
        ("localhost", "hostname mismatch"),
        ("127.0.0.1", "IP address mismatch"),
    ])
    func nameMismatch(expected: String, reason: String) throws {
        let other = try certificates.serverCertificate(
            commonName: "localhost", alternativeNames: [.dnsName("other.example"), .ipAddress("10.9.8.7")])
        let server = TLSConfiguration.server(
            certificateChainFile: other.certificate, privateKeyFile: other.privateKey,
            clientCAFile: certificates.caFile, requireClientCertificate: true)
        let pair = try attempt(
            client: certificates.clientConfiguration(identity: certificates.client, serverName: expected),
            server: server)
        let error = try #require(pair.client.error)
        #expect(error.code == .peerCertificateRejected)
        #expect(error.reason == reason)
        #expect(pair.client.connection.peerIdentity == nil)
        #expect(pair.server.error != nil)
    }

    @Test("the client refuses a server signed by a CA it does not trust")
    func unknownServerCA() throws {
        let client = TLSConfiguration.client(
            trustRootsFile: certificates.otherCAFile, certificateChainFile: certificates.client.certificate,
            privateKeyFile: certificates.client.privateKey, serverName: "localhost")
        let pair = try attempt(client: client)
        let error = try #require(pair.client.error)
        #expect(error.code == .peerCertificateRejected)
        #expect(error.reason == "unable to get local issuer certificate")
        #expect(pair.server.error?.code == .handshakeFailed)
        #expect(pair.server.error?.reason?.contains("unknown ca") == true)
    }

    @Test("garbage bytes make the server's handshake fail, every time it is asked", arguments: [
        Array("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8),
        [UInt8](repeating: 0, count: 64),
        [0x16, 0x03, 0x01, 0xff, 0xff] + [UInt8](repeating: 0x41, count: 300),
        // Random, after a 0 byte: a random first byte with the high bit set and a third byte of 1
        // reads as an SSLv2-style ClientHello header announcing more bytes than sent, and OpenSSL
        // rightly waits for them (a fresh-clone CI run drew 159, 194, 1, … once).
        [0x00] + SecureRandom.bytes(count: 4095),
    ])
    func garbage(bytes: [UInt8]) throws {
        let server = try TLSContext(certificates.serverConfiguration()).makeConnection()
        bytes.withUnsafeBytes { server.receiveCiphertext($0) }
        #expect(throws: TLSError(.handshakeFailed)) { _ = try server.handshake() }
        #expect(throws: TLSError(.handshakeFailed)) { _ = try server.handshake() }
        var buffer: [UInt8] = []
        #expect(throws: TLSError(.handshakeFailed)) { try server.readPlaintext(into: &buffer) }
        #expect(!server.isHandshakeComplete)
    }
}
