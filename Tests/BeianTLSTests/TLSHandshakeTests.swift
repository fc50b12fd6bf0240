import BeianTLS
import Foundation
import TestSupport
import Testing

@Suite("TLS handshakes in memory")
struct TLSHandshakeTests {
    let certificates = TestCertificates.shared

    @Test("mutual TLS completes on TLS 1.3 and each side sees the other's verified identity")
    func mutualTLS() throws {
        let pair = try InMemoryTLSPair(
            client: certificates.clientConfiguration(identity: certificates.client),
            server: certificates.serverConfiguration())
        pair.interact()
        #expect(pair.client.error == nil)
        #expect(pair.server.error == nil)
        #expect(pair.isEstablished)
        #expect(pair.client.connection.protocolVersion == "TLSv1.3")
        #expect(pair.server.connection.protocolVersion == "TLSv1.3")

        let clientSeen = try #require(pair.server.connection.peerIdentity)
        #expect(clientSeen.commonName == "测试员")
        #expect(clientSeen.organization == "611000")
        #expect(clientSeen.organizationalUnit == "clerk")
        let clientCertificate = try X509Certificate(pemFile: certificates.client.certificate)
        #expect(clientSeen.serialNumber == clientCertificate.serialNumber)
        #expect(clientSeen.serialNumber.count == 32)
        #expect(clientSeen.notAfter == clientCertificate.notAfter)

        let serverSeen = try #require(pair.client.connection.peerIdentity)
        #expect(serverSeen.commonName == "localhost")
        #expect(serverSeen.organizationalUnit == "intake")
    }

    @Test("the server sees the client's CN, office and role", arguments: [
        ("张三", "611000", "head"),
        ("欧阳·娜娜", "330100", "auditor"),
        ("intake", "611000", "intake"),
        ("Li Si", "110105", "clerk"),
    ])
    func identities(commonName: String, office: String, role: String) throws {
        let files = try certificates.clientCertificate(
            commonName: commonName, organization: office, organizationalUnit: role)
        let pair = try InMemoryTLSPair(
            client: certificates.clientConfiguration(identity: files), server: certificates.serverConfiguration())
        pair.interact()
        #expect(pair.isEstablished)
        let seen = try #require(pair.server.connection.peerIdentity)
        #expect(seen.commonName == commonName)
        #expect(seen.organization == office)
        #expect(seen.organizationalUnit == role)
        #expect(seen.description.contains("CN=\(commonName)"))
    }

    @Test("the handshake completes when ciphertext arrives in tiny pieces", arguments: [1, 7, 100])
    func dripFeed(pieceSize: Int) throws {
        let pair = try InMemoryTLSPair(
            client: certificates.clientConfiguration(identity: certificates.client),
            server: certificates.serverConfiguration(), pieceSize: pieceSize)
        pair.interact()
        #expect(pair.isEstablished)
        try pair.client.connection.write(Array("你好, server".utf8))
        pair.interact()
        #expect(pair.server.received == Array("你好, server".utf8))
    }

    @Test("a server without a client CA accepts clients without certificates; no peer identity")
    func serverOnlyTLS() throws {
        let server = TLSConfiguration.server(
            certificateChainFile: certificates.server.certificate, privateKeyFile: certificates.server.privateKey)
        let pair = try InMemoryTLSPair(client: certificates.clientConfiguration(), server: server)
        pair.interact()
        #expect(pair.isEstablished)
        #expect(pair.server.connection.peerIdentity == nil)
        #expect(pair.client.connection.peerIdentity?.commonName == "localhost")
    }

    @Test("with an optional client certificate, a presented one is verified and named")
    func optionalClientCertificate() throws {
        let server = certificates.serverConfiguration(requireClientCertificate: false)
        let anonymous = try InMemoryTLSPair(client: certificates.clientConfiguration(), server: server)
        anonymous.interact()
        #expect(anonymous.isEstablished)
        #expect(anonymous.server.connection.peerIdentity == nil)

        let named = try InMemoryTLSPair(
            client: certificates.clientConfiguration(identity: certificates.client), server: server)
        named.interact()
        #expect(named.isEstablished)
        #expect(named.server.connection.peerIdentity?.commonName == "测试员")

        let forged = try InMemoryTLSPair(
            client: certificates.clientConfiguration(identity: certificates.wrongCAClient), server: server)
        forged.interact()
        #expect(forged.server.error?.code == .peerCertificateRejected)
        #expect(forged.server.connection.peerIdentity == nil)
    }

    @Test("the client accepts the server by IP address when the certificate names it", arguments: ["127.0.0.1", "::1"])
    func serverByIPAddress(address: String) throws {
        let pair = try InMemoryTLSPair(
            client: certificates.clientConfiguration(identity: certificates.client, serverName: address),
            server: certificates.serverConfiguration())
        pair.interact()
        #expect(pair.isEstablished)
    }
}
