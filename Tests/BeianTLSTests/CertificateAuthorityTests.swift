import BeianTLS
import Foundation
import TestSupport
import Testing

@Suite("Certificate minting")
struct CertificateAuthorityTests {
    private let year: TimeInterval = 365 * 86_400

    private func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    @Test("a new office CA writes its files, reloads from them, and issues certificates peers accept")
    func createWriteReloadIssue() throws {
        let directory = try TemporaryDirectory()
        let subject = CertificateSubject(commonName: "北京市网信办 CA", organization: "110000")
        let created = try CertificateAuthority.create(subject: subject, notAfter: Date(timeIntervalSinceNow: year))
        try created.write(certificateFile: directory.file("ca.pem"), privateKeyFile: directory.file("ca.key"))
        #expect(try permissions(directory.file("ca.key")) == 0o600)
        #expect(try permissions(directory.file("ca.pem")) == 0o644)
        #expect(try String(contentsOfFile: directory.file("ca.key"), encoding: .utf8).hasPrefix("-----BEGIN PRIVATE KEY-----"))

        let loaded = try CertificateAuthority(certificateFile: directory.file("ca.pem"), privateKeyFile: directory.file("ca.key"))
        #expect(loaded.certificate.subject == subject)
        #expect(loaded.certificate.serialNumber == created.certificate.serialNumber)

        let server = try loaded.issue(
            subject: CertificateSubject(commonName: "intake", organization: "110000", organizationalUnit: "intake"),
            alternativeNames: [.dnsName("localhost"), .ipAddress("127.0.0.1")], usage: .server,
            notAfter: Date(timeIntervalSinceNow: year))
        try server.write(certificateFile: directory.file("server.pem"), privateKeyFile: directory.file("server.key"))
        let staff = try loaded.issue(
            subject: CertificateSubject(commonName: "王五", organization: "110000", organizationalUnit: "head"),
            usage: .client, notAfter: Date(timeIntervalSinceNow: year))
        try staff.write(certificateFile: directory.file("staff.pem"), privateKeyFile: directory.file("staff.key"))
        #expect(try permissions(directory.file("staff.key")) == 0o600)

        let pair = try InMemoryTLSPair(
            client: .client(trustRootsFile: directory.file("ca.pem"), certificateChainFile: directory.file("staff.pem"),
                            privateKeyFile: directory.file("staff.key"), serverName: "127.0.0.1"),
            server: .server(certificateChainFile: directory.file("server.pem"), privateKeyFile: directory.file("server.key"),
                            clientCAFile: directory.file("ca.pem"), requireClientCertificate: true))
        pair.interact()
        #expect(pair.isEstablished)
        #expect(pair.server.connection.peerIdentity?.commonName == "王五")
        #expect(pair.server.connection.peerIdentity?.organizationalUnit == "head")
    }

    @Test("issued certificates carry the subject, names and validity asked for")
    func fieldsRoundTrip() throws {
        let directory = try TemporaryDirectory()
        let authority = TestCertificates.shared.authority
        let notBefore = Date(timeIntervalSince1970: 1_700_000_000)
        let notAfter = Date(timeIntervalSince1970: 1_800_000_000)
        let subject = CertificateSubject(commonName: "司马·相如", organization: "611000", organizationalUnit: "auditor")
        let issued = try authority.issue(
            subject: subject, alternativeNames: [.dnsName("intake.611000.internal"), .ipAddress("::1")],
            usage: .serverAndClient, notBefore: notBefore, notAfter: notAfter)
        try issued.write(certificateFile: directory.file("c.pem"), privateKeyFile: directory.file("c.key"))

        let reloaded = try X509Certificate(pemFile: directory.file("c.pem"))
        #expect(reloaded.subject == subject)
        #expect(reloaded.notBefore == notBefore)
        #expect(reloaded.notAfter == notAfter)
        #expect(reloaded.subjectAlternativeNames == [.dnsName("intake.611000.internal"), .ipAddress("::1")])
        #expect(reloaded.serialNumber == issued.certificate.serialNumber)
        #expect(reloaded.identity.commonName == "司马·相如")
        let key = try PrivateKey(pemFile: directory.file("c.key"))
        #expect(try key.pemEncoded() == issued.privateKey.pemEncoded())
    }

    @Test("every certificate gets its own serial number")
    func distinctSerials() throws {
        let authority = TestCertificates.shared.authority
        let serials = try (0..<5).map { _ in
            try authority.issue(subject: CertificateSubject(commonName: "x"), usage: .client,
                                notAfter: Date(timeIntervalSinceNow: 3600)).certificate.serialNumber
        }
        #expect(Set(serials).count == 5)
    }

    @Test("bad requests are refused with .issuance", arguments: [
        ([SubjectAlternativeName.dnsName("evil.example,DNS:bank.example")], "x", 3600.0),
        ([.dnsName("")], "x", 3600),
        ([.ipAddress("300.1.1.1")], "x", 3600),
        ([.ipAddress("localhost")], "x", 3600),
        ([], "", 3600),
        ([], "x", -3600),
    ])
    func badRequests(names: [SubjectAlternativeName], commonName: String, lifetime: TimeInterval) {
        #expect(throws: TLSError(.issuance)) {
            try TestCertificates.shared.authority.issue(
                subject: CertificateSubject(commonName: commonName), alternativeNames: names, usage: .server,
                notBefore: Date(), notAfter: Date(timeIntervalSinceNow: lifetime))
        }
    }

    @Test("a CA whose key does not match its certificate is not loaded")
    func mismatchedCAKey() {
        let certificates = TestCertificates.shared
        #expect(throws: TLSError(.privateKeyFile)) {
            try CertificateAuthority(certificateFile: certificates.caFile, privateKeyFile: certificates.client.privateKey)
        }
        #expect(throws: TLSError(.certificateFile)) {
            try CertificateAuthority(certificateFile: "/nonexistent/ca.pem", privateKeyFile: certificates.client.privateKey)
        }
    }

    @Test("writing into a missing directory names the file")
    func unwritable() throws {
        let issued = try TestCertificates.shared.authority.issue(
            subject: CertificateSubject(commonName: "x"), usage: .client, notAfter: Date(timeIntervalSinceNow: 60))
        do {
            try issued.write(certificateFile: "/nonexistent/dir/x.pem", privateKeyFile: "/nonexistent/dir/x.key")
            Issue.record("expected a write failure")
        } catch {
            #expect(error.code == .issuance)
            #expect(error.message.contains("/nonexistent/dir/x.key"))
            #expect(error.reason == "No such file or directory")
        }
    }
}
