import COpenSSL
import FoundationEssentials

/// A certificate with its private key, as minted by a ``CertificateAuthority``.
package struct IssuedCertificate: Sendable {
    /// The signed certificate.
    package let certificate: X509Certificate
    /// Its private key (EC P-256).
    package let privateKey: PrivateKey

    /// Writes the certificate (mode 0644) and the key (mode 0600) as PEM files, each atomically.
    /// - Throws: `TLSError` with code `.issuance` naming the file that could not be written.
    package func write(certificateFile: String, privateKeyFile: String) throws(TLSError) {
        try privateKey.write(to: privateKeyFile)
        try certificate.write(to: certificateFile)
    }
}

/// An office's certificate authority (证书颁发机构): a self-signed CA certificate and its key, which
/// issues the certificates of the office's services and staff.
///
/// Used by the `beian` CLI and the deploy scripts to create an office's certificates, and by tests
/// to mint throwaway ones. Keys are EC P-256, signatures ECDSA with SHA-256.
package struct CertificateAuthority: Sendable {
    /// The CA's self-signed certificate (what peers list as their trust root).
    package let certificate: X509Certificate
    /// The CA's signing key.
    package let privateKey: PrivateKey

    /// Creates a new CA: a fresh P-256 key and a self-signed certificate (CA:TRUE, no intermediates).
    /// - Throws: `TLSError` with code `.issuance`.
    package static func create(
        subject: CertificateSubject, notBefore: Date = Date(timeIntervalSinceNow: -3600), notAfter: Date
    ) throws(TLSError) -> CertificateAuthority {
        let key = try PrivateKey.generateP256()
        let certificate = try X509Certificate.issue(
            subject: subject, publicKey: key, issuer: .init(certificate: nil, key: key),
            notBefore: notBefore, notAfter: notAfter,
            extensions: [
                (NID_basic_constraints, "critical,CA:TRUE,pathlen:0"),
                (NID_key_usage, "critical,keyCertSign,cRLSign"),
                (NID_subject_key_identifier, "hash"),
                (NID_authority_key_identifier, "keyid:always"),
            ])
        return CertificateAuthority(certificate: certificate, privateKey: key)
    }

    /// Loads an existing CA from its PEM certificate and key files, checking that they match.
    /// - Throws: `TLSError` with code `.certificateFile` or `.privateKeyFile` naming the file.
    package init(certificateFile: String, privateKeyFile: String) throws(TLSError) {
        let certificate = try X509Certificate(pemFile: certificateFile)
        let key = try PrivateKey(pemFile: privateKeyFile)
        guard X509_check_private_key(certificate.pointer, key.pointer) == 1 else {
            throw TLSError.drain(.privateKeyFile, "key '\(privateKeyFile)' does not match CA '\(certificateFile)'")
        }
        self.init(certificate: certificate, privateKey: key)
    }

    private init(certificate: X509Certificate, privateKey: PrivateKey) {
        self.certificate = certificate
        self.privateKey = privateKey
    }

    /// Issues a leaf certificate with a fresh P-256 key.
    /// - Parameters:
    ///   - subject: CN (staff member or service), O (office code), OU (role or service).
    ///   - alternativeNames: DNS names and IP addresses a server certificate is valid for.
    ///   - usage: server, client, or both (extended key usage).
    ///   - notBefore, notAfter: the validity window (any dates: tests mint already-expired certificates).
    /// - Throws: `TLSError` with code `.issuance` (e.g. a malformed DNS name or IP address).
    package func issue(
        subject: CertificateSubject, alternativeNames: [SubjectAlternativeName] = [], usage: CertificateUsage,
        notBefore: Date = Date(timeIntervalSinceNow: -3600), notAfter: Date
    ) throws(TLSError) -> IssuedCertificate {
        var extensions: [(nid: Int32, value: String)] = [
            (NID_basic_constraints, "critical,CA:FALSE"),
            (NID_key_usage, "critical,digitalSignature"),
            (NID_ext_key_usage, usage.extendedKeyUsage),
            (NID_subject_key_identifier, "hash"),
            (NID_authority_key_identifier, "keyid:always"),
        ]
        if !alternativeNames.isEmpty {
            for name in alternativeNames { try Self.validate(name) }
            extensions.append((NID_subject_alt_name, alternativeNames.map(\.description).joined(separator: ",")))
        }
        let key = try PrivateKey.generateP256()
        let certificate = try X509Certificate.issue(
            subject: subject, publicKey: key, issuer: .init(certificate: self.certificate, key: privateKey),
            notBefore: notBefore, notAfter: notAfter, extensions: extensions)
        return IssuedCertificate(certificate: certificate, privateKey: key)
    }

    /// Writes the CA certificate (mode 0644) and key (mode 0600) as PEM files, each atomically.
    /// - Throws: `TLSError` with code `.issuance` naming the file that could not be written.
    package func write(certificateFile: String, privateKeyFile: String) throws(TLSError) {
        try IssuedCertificate(certificate: certificate, privateKey: privateKey)
            .write(certificateFile: certificateFile, privateKeyFile: privateKeyFile)
    }

    /// Refuses names that are not plain DNS names or IP literals (they also could not be written
    /// into OpenSSL's comma-separated extension syntax safely).
    private static func validate(_ name: SubjectAlternativeName) throws(TLSError) {
        switch name {
        case .dnsName(let host):
            let allowed = host.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "*"):
                    true
                default:
                    false
                }
            }
            guard !host.isEmpty, host.utf8.count <= 253, allowed else {
                throw TLSError(.issuance, "'\(host)' is not a DNS name (use punycode for non-ASCII names)")
            }
        case .ipAddress(let address):
            guard TLSContext.isIPAddress(address) else {
                throw TLSError(.issuance, "'\(address)' is not an IPv4 or IPv6 address")
            }
        }
    }
}
