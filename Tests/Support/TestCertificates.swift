import BeianTLS
import Foundation
import Synchronization

/// The PEM files of one certificate and its private key.
package struct CertificateFiles: Sendable, Hashable {
    /// The certificate file (PEM).
    package var certificate: String
    /// The private key file (PEM, mode 0600).
    package var privateKey: String
}

/// Throwaway certificates minted once per test process: a CA, a server certificate for localhost,
/// client certificates for any identity, and the bad cases (unrelated CA, expired).
///
/// Files live in one temporary directory, removed when the process exits. Use ``shared``.
package final class TestCertificates: Sendable {
    /// The process-wide set, minted on first use.
    package static let shared: TestCertificates = {
        do {
            let certificates = try TestCertificates()
            atexit { TestCertificates.shared.directory.remove() }
            return certificates
        } catch {
            fatalError("cannot mint test certificates: \(error)")
        }
    }()

    /// Where every file lives.
    package let directory: TemporaryDirectory
    /// The test office's CA, for minting more certificates in a test.
    package let authority: CertificateAuthority
    /// The CA certificate (trust roots for clients, client CA for servers).
    package let caFile: String
    /// A server certificate (CN "localhost", O "611000", OU "intake") valid for localhost, 127.0.0.1 and ::1.
    package let server: CertificateFiles
    /// A client certificate for a clerk of office 611000 (CN "测试员").
    package let client: CertificateFiles
    /// A second CA, unrelated to ``caFile``.
    package let otherCAFile: String
    /// A client certificate issued by the unrelated CA (CN "冒充者", O "611000", OU "clerk").
    package let wrongCAClient: CertificateFiles
    /// A client certificate from the right CA that expired yesterday.
    package let expiredClient: CertificateFiles

    /// Minted certificates by subject and use: a client certificate and a service certificate
    /// may share a subject (CN intake, O 611000, OU intake) but not a cache entry.
    private struct CacheKey: Hashable {
        var subject: CertificateSubject
        var service: Bool
    }
    private let issued = Mutex<[CacheKey: CertificateFiles]>([:])
    private let counter = Atomic<Int>(0)

    private init() throws {
        directory = try TemporaryDirectory(prefix: "beian-test-certificates")
        let day: TimeInterval = 86_400
        authority = try CertificateAuthority.create(
            subject: CertificateSubject(commonName: "Beian Test CA", organization: "611000"),
            notAfter: Date(timeIntervalSinceNow: 30 * day))
        caFile = directory.file("ca.pem")
        try authority.write(certificateFile: caFile, privateKeyFile: directory.file("ca.key"))

        server = try Self.write(
            authority.issue(
                subject: CertificateSubject(commonName: "localhost", organization: "611000", organizationalUnit: "intake"),
                alternativeNames: [.dnsName("localhost"), .ipAddress("127.0.0.1"), .ipAddress("::1")],
                usage: .serverAndClient, notAfter: Date(timeIntervalSinceNow: 30 * day)),
            directory, "server")
        client = try Self.write(
            authority.issue(
                subject: CertificateSubject(commonName: "测试员", organization: "611000", organizationalUnit: "clerk"),
                usage: .client, notAfter: Date(timeIntervalSinceNow: 30 * day)),
            directory, "client")

        let other = try CertificateAuthority.create(
            subject: CertificateSubject(commonName: "Unrelated CA", organization: "999999"),
            notAfter: Date(timeIntervalSinceNow: 30 * day))
        otherCAFile = directory.file("other-ca.pem")
        try other.write(certificateFile: otherCAFile, privateKeyFile: directory.file("other-ca.key"))
        wrongCAClient = try Self.write(
            other.issue(
                subject: CertificateSubject(commonName: "冒充者", organization: "611000", organizationalUnit: "clerk"),
                usage: .client, notAfter: Date(timeIntervalSinceNow: 30 * day)),
            directory, "wrong-ca-client")
        expiredClient = try Self.write(
            authority.issue(
                subject: CertificateSubject(commonName: "过期用户", organization: "611000", organizationalUnit: "clerk"),
                usage: .client, notBefore: Date(timeIntervalSinceNow: -10 * day),
                notAfter: Date(timeIntervalSinceNow: -day)),
            directory, "expired-client")
    }

    /// A client certificate from the test CA for this identity (minted once per identity, then cached).
    package func clientCertificate(
        commonName: String, organization: String? = "611000", organizationalUnit: String? = "clerk"
    ) throws(TLSError) -> CertificateFiles {
        let subject = CertificateSubject(
            commonName: commonName, organization: organization, organizationalUnit: organizationalUnit)
        if let files = issued.withLock({ $0[CacheKey(subject: subject, service: false)] }) { return files }
        let files = try Self.write(
            authority.issue(subject: subject, usage: .client, notAfter: Date(timeIntervalSinceNow: 30 * 86_400)),
            directory, "client-\(counter.add(1, ordering: .relaxed).newValue)")
        return issued.withLock { cache in
            if let existing = cache[CacheKey(subject: subject, service: false)] { return existing }
            cache[CacheKey(subject: subject, service: false)] = files
            return files
        }
    }

    /// A fresh server certificate from the test CA valid only for `alternativeNames`.
    package func serverCertificate(
        commonName: String = "server", alternativeNames: [SubjectAlternativeName]
    ) throws(TLSError) -> CertificateFiles {
        try Self.write(
            authority.issue(
                subject: CertificateSubject(commonName: commonName, organization: "611000", organizationalUnit: "intake"),
                alternativeNames: alternativeNames, usage: .server,
                notAfter: Date(timeIntervalSinceNow: 30 * 86_400)),
            directory, "server-\(counter.add(1, ordering: .relaxed).newValue)")
    }

    /// A certificate for a Beian service `name` (OU = name, O = office) usable both as its server
    /// certificate (localhost, 127.0.0.1) and as its client certificate towards other services.
    package func serviceCertificate(name: String, office: String = "611000") throws(TLSError) -> CertificateFiles {
        let subject = CertificateSubject(commonName: name, organization: office, organizationalUnit: name)
        if let files = issued.withLock({ $0[CacheKey(subject: subject, service: true)] }) { return files }
        let files = try Self.write(
            authority.issue(subject: subject, alternativeNames: [.dnsName("localhost"), .ipAddress("127.0.0.1")],
                            usage: .serverAndClient, notAfter: Date(timeIntervalSinceNow: 30 * 86_400)),
            directory, "service-\(counter.add(1, ordering: .relaxed).newValue)")
        return issued.withLock { cache in
            if let existing = cache[CacheKey(subject: subject, service: true)] { return existing }
            cache[CacheKey(subject: subject, service: true)] = files
            return files
        }
    }

    /// A server configuration with ``server``'s certificate; mutual TLS against ``caFile`` unless told otherwise.
    package func serverConfiguration(requireClientCertificate: Bool = true) -> TLSConfiguration {
        .server(certificateChainFile: server.certificate, privateKeyFile: server.privateKey,
                clientCAFile: caFile, requireClientCertificate: requireClientCertificate)
    }

    /// A client configuration trusting ``caFile``, presenting `identity` (if any), expecting `serverName`.
    package func clientConfiguration(
        identity: CertificateFiles? = nil, serverName: String? = "localhost"
    ) -> TLSConfiguration {
        .client(trustRootsFile: caFile, certificateChainFile: identity?.certificate,
                privateKeyFile: identity?.privateKey, serverName: serverName)
    }

    private static func write(
        _ issued: IssuedCertificate, _ directory: TemporaryDirectory, _ name: String
    ) throws(TLSError) -> CertificateFiles {
        let files = CertificateFiles(certificate: directory.file("\(name).pem"), privateKey: directory.file("\(name).key"))
        try issued.write(certificateFile: files.certificate, privateKeyFile: files.privateKey)
        return files
    }
}
